import type { Generated } from 'kysely';

/**
 * The tables, as kysely sees them. Most entities are stored whole as JSON text in `data` (read
 * back through the kernel's zod schemas, so what comes out is exactly what went in, on either
 * dialect), with the few columns that queries filter or sort on beside it. Instants and dates are
 * ISO text in both dialects: they sort as text and round-trip unchanged.
 */

/** Columns of an entity that changes, guarded by its version. */
export interface VersionedTable {
  id: string;
  version: number;
  data: string;
  created_at: string;
  updated_at: string;
}

/** Columns of a record that is written once (updates, measurements, versions, audit). */
export interface AppendOnlyTable {
  id: string;
  data: string;
}

export interface TerritoryTable extends VersionedTable {
  level: string;
  code: string;
  /** `searchKey(name)`: lower case, no accents, for search alike on both dialects. */
  search_key: string;
}
export interface OrganizationTable extends NamedTable {
  /** The commune it is in (its address's INSEE code, or its territory when a commune). */
  commune_code: string | null;
}
/** The national ids a place was published under: each id belongs to one place. */
export interface OrganizationNationalIdTable {
  national_id: string;
  organization_id: string;
}
/** The reports of places imports: the whole report, and its summary without the entries. */
export interface PlacesImportTable {
  id: string;
  imported_at: string;
  summary: string;
  data: string;
}
/** A territory's parents, one row each, for perimeters read through an index. */
export interface TerritoryParentTable {
  territory_id: string;
  level: string;
  code: string;
}
/** The postal codes serving a commune, one row each. */
export interface TerritoryPostalCodeTable {
  territory_id: string;
  postal_code: string;
}
export interface NamedTable extends VersionedTable {
  /** `searchKey(name)`: lower case, no accents, for search alike on both dialects. */
  search_key: string;
}
export interface PersonChatAccountTable {
  platform: string;
  user_id: string;
  person_id: string;
}
export interface GovernedTable extends VersionedTable {
  governance_id: string;
}
export interface MeetingTable extends GovernedTable {
  body_id: string;
  starts_at: string;
}
export interface ActionTable extends GovernedTable {
  roadmap_id: string;
  /** The owner (also in `data`): the milestones a person carries, see `listCarriedBy`. */
  owner_id: string | null;
}
export interface MilestoneTable extends GovernedTable {
  roadmap_id: string;
  action_id: string | null;
  status: string;
  due_date: string;
  /** The owner (also in `data`): the milestones a person carries, see `listCarriedBy`. */
  owner_id: string | null;
}
export interface FundingLineTable extends GovernedTable {
  action_id: string;
}
export interface IndicatorTable extends GovernedTable {
  code: string;
}
export interface RoadmapVersionTable extends AppendOnlyTable {
  governance_id: string;
  roadmap_id: string;
  number: number;
}
export interface UpdateTable extends AppendOnlyTable {
  governance_id: string;
  subject_type: string;
  subject_id: string;
  created_at: string;
  /** The progress the update gives, if any (also in `data`): see `listLatestProgress`. */
  progress: number | null;
}
export interface MeasurementTable extends AppendOnlyTable {
  governance_id: string;
  indicator_id: string;
  territory_level: string;
  territory_code: string;
  period: string;
  revision: number;
}
export interface AuditEventTable extends AppendOnlyTable {
  governance_id: string | null;
  entity: string;
  entity_id: string;
  at: string;
}

/** The outbox: every field a column, as the dispatchers query and update them. */
export interface DeliveryTable {
  id: string;
  dedupe_key: string;
  governance_id: string;
  kind: string;
  recipient: string;
  subject: string;
  due_at: string;
  expires_at: string;
  status: string;
  attempts: number;
  claimed_by: string | null;
  lease_until: string | null;
  sent_at: string | null;
  sent_message_id: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface DeliveryEventTable {
  seq: Generated<number>;
  delivery_id: string;
  at: string;
  from_status: string;
  to_status: string;
  by: string | null;
  detail: string | null;
}

/** API keys: only a hash of the secret is kept. */
export interface ApiKeyTable {
  id: string;
  person_id: string | null;
  secret_hash: string;
  label: string;
  /** 0 or 1: booleans are integers on both dialects. */
  instance_admin: number;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The API's Idempotency-Key records: one per caller, method, path and key, until it expires. */
export interface IdempotencyKeyTable {
  owner: string;
  method: string;
  path: string;
  idempotency_key: string;
  fingerprint: string;
  state: string;
  claim_token: string | null;
  locked_until: string | null;
  effect_at: string | null;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

/** Present only while a person is being erased: lets erasure rewrite append-only records. */
export interface ErasureLockTable {
  holder: string;
}

export interface Schema {
  territories: TerritoryTable;
  territory_parents: TerritoryParentTable;
  organization_national_ids: OrganizationNationalIdTable;
  places_imports: PlacesImportTable;
  territory_postal_codes: TerritoryPostalCodeTable;
  organizations: OrganizationTable;
  persons: NamedTable;
  person_chat_accounts: PersonChatAccountTable;
  governances: VersionedTable;
  bodies: GovernedTable;
  meetings: MeetingTable;
  roadmaps: GovernedTable;
  roadmap_versions: RoadmapVersionTable;
  actions: ActionTable;
  milestones: MilestoneTable;
  funding_lines: FundingLineTable;
  updates: UpdateTable;
  indicators: IndicatorTable;
  measurements: MeasurementTable;
  deliveries: DeliveryTable;
  delivery_events: DeliveryEventTable;
  audit_events: AuditEventTable;
  api_keys: ApiKeyTable;
  erasure_lock: ErasureLockTable;
  idempotency_keys: IdempotencyKeyTable;
}
