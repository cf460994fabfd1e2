import type { Migration } from 'kysely';
import * as initial from './2026-11-24T0600-initial.ts';
import * as deliveryLeases from './2026-11-24T0715-delivery-leases.ts';
import * as calendarFeeds from './2026-11-24T1000-calendar-feeds.ts';
import * as idempotencyKeys from './2026-11-24T1030-idempotency-keys.ts';
import * as chatLinkCodes from './2026-11-24T1200-chat-link-codes.ts';
import * as chatInteractions from './2026-12-05T0800-chat-interactions.ts';
import * as boundedReads from './2026-12-05T0900-bounded-reads.ts';
import * as signIns from './2026-12-05T1100-sign-ins.ts';
import * as visits from './2026-12-05T1500-visits.ts';
import * as territoryDirectory from './2026-12-06T0200-territory-directory.ts';
import * as historyPages from './2026-12-06T1000-history-pages.ts';
import * as demoMarker from './2026-12-06T1100-demo-marker.ts';
import * as personalCalendarFeeds from './2026-12-06T1200-personal-calendar-feeds.ts';

/**
 * Every migration, by name; names are timestamps and sort in the order they run. A static list
 * rather than a scan of the folder, so bundlers and tests see exactly what runs.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24T0600-initial': initial,
  '2026-11-24T0715-delivery-leases': deliveryLeases,
  '2026-11-24T1000-calendar-feeds': calendarFeeds,
  '2026-11-24T1030-idempotency-keys': idempotencyKeys,
  '2026-11-24T1200-chat-link-codes': chatLinkCodes,
  '2026-12-05T0800-chat-interactions': chatInteractions,
  '2026-12-05T0900-bounded-reads': boundedReads,
  '2026-12-05T1100-sign-ins': signIns,
  '2026-12-05T1500-visits': visits,
  '2026-12-06T0200-territory-directory': territoryDirectory,
  '2026-12-06T1000-history-pages': historyPages,
  '2026-12-06T1100-demo-marker': demoMarker,
  '2026-12-06T1200-personal-calendar-feeds': personalCalendarFeeds,
};
