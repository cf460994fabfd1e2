import type { z } from 'zod';
import { Organization, OrganizationFields } from './actors/organization.ts';
import { Territory, TerritoryInput } from './actors/territory.ts';
import { AuditEvent } from './audit/audit-event.ts';
import { GovernanceDocument } from './exchange/governance-document.ts';
import { Body } from './governance/body.ts';
import { Governance } from './governance/governance.ts';
import { Meeting } from './governance/meeting.ts';
import { Indicator } from './indicators/indicator.ts';
import { Measurement, MeasurementInput } from './indicators/measurement.ts';
import { Person } from './people/person.ts';
import { Delivery } from './reminders/delivery.ts';
import { Action } from './roadmap/action.ts';
import { FundingLine } from './roadmap/funding-line.ts';
import { Milestone } from './roadmap/milestone.ts';
import { Roadmap } from './roadmap/roadmap.ts';
import { RoadmapVersion } from './roadmap/roadmap-version.ts';
import { Update, UpdateInput } from './roadmap/update.ts';

/**
 * The schemas published as JSON Schema in `schemas/` (`pnpm --filter @maille/domain schemas`),
 * so that tools written in other languages validate the same data. Names are the file names.
 *
 * Stability: a published schema only grows (new optional fields, new enum values are announced
 * in the changelog); removing or renaming a field is a major version of `@maille/domain`.
 */
export const PUBLIC_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  territory: Territory,
  'territory-input': TerritoryInput,
  organization: Organization,
  'organization-input': OrganizationFields,
  person: Person,
  governance: Governance,
  body: Body,
  meeting: Meeting,
  roadmap: Roadmap,
  'roadmap-version': RoadmapVersion,
  action: Action,
  'funding-line': FundingLine,
  milestone: Milestone,
  update: Update,
  'update-input': UpdateInput,
  indicator: Indicator,
  measurement: Measurement,
  'measurement-input': MeasurementInput,
  delivery: Delivery,
  'audit-event': AuditEvent,
  'governance-document': GovernanceDocument,
};
