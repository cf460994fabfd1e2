import { z } from 'zod';
import { Organization } from '../actors/organization.ts';
import { Territory } from '../actors/territory.ts';
import { AuditEvent } from '../audit/audit-event.ts';
import { Body } from '../governance/body.ts';
import { Governance } from '../governance/governance.ts';
import { Meeting } from '../governance/meeting.ts';
import { Indicator } from '../indicators/indicator.ts';
import { Measurement } from '../indicators/measurement.ts';
import { Person } from '../people/person.ts';
import { Action } from '../roadmap/action.ts';
import { FundingLine } from '../roadmap/funding-line.ts';
import { Milestone } from '../roadmap/milestone.ts';
import { Roadmap } from '../roadmap/roadmap.ts';
import { RoadmapVersion } from '../roadmap/roadmap-version.ts';
import { Update } from '../roadmap/update.ts';
import { Instant } from '../shared/time.ts';

// Bounds on a document: a département-sized governance fits with a wide margin; a file beyond them
// is refused before anything is written.
const many = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

/**
 * A whole governance as one versioned JSON document: its bodies, meetings, roadmaps and their
 * versions, actions, milestones, funding, updates, indicators, measurements and history, with the
 * people, organizations and territories they name. Lists are sorted by id, so exporting the same
 * data twice — from SQLite or PostgreSQL — gives the same text. Deliveries are not part of it:
 * they are planned again from the data.
 */
export const GovernanceDocument = z.object({
  format: z.literal('maille.gouvernance'),
  /** Bumped when the document changes in a way older readers cannot follow. */
  formatVersion: z.literal(1),
  exportedAt: Instant,
  governance: Governance,
  territories: many(Territory, 50_000),
  organizations: many(Organization, 50_000),
  persons: many(Person, 50_000),
  bodies: many(Body, 1_000),
  meetings: many(Meeting, 50_000),
  roadmaps: many(Roadmap, 1_000),
  roadmapVersions: many(RoadmapVersion, 5_000),
  actions: many(Action, 50_000),
  milestones: many(Milestone, 200_000),
  fundingLines: many(FundingLine, 100_000),
  updates: many(Update, 500_000),
  indicators: many(Indicator, 5_000),
  measurements: many(Measurement, 2_000_000),
  auditEvents: many(AuditEvent, 2_000_000),
});
export type GovernanceDocument = z.infer<typeof GovernanceDocument>;

/** The lists of a document, in the order an import writes them (what is named comes first). */
export const DOCUMENT_LISTS = [
  'territories',
  'organizations',
  'persons',
  'bodies',
  'meetings',
  'roadmaps',
  'actions',
  'milestones',
  'fundingLines',
  'roadmapVersions',
  'updates',
  'indicators',
  'measurements',
  'auditEvents',
] as const satisfies readonly (keyof GovernanceDocument)[];
