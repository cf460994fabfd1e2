import type { Organization } from '../actors/organization.ts';
import type { Territory, TerritoryLevel } from '../actors/territory.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { Body } from '../governance/body.ts';
import type { Governance } from '../governance/governance.ts';
import type { Meeting } from '../governance/meeting.ts';
import type { Indicator } from '../indicators/indicator.ts';
import type { Measurement } from '../indicators/measurement.ts';
import type { ChatPlatform, Person } from '../people/person.ts';
import type { Delivery, DeliveryEvent, DeliveryOutcome } from '../reminders/delivery.ts';
import type { Action } from '../roadmap/action.ts';
import type { FundingLine } from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import type { Roadmap } from '../roadmap/roadmap.ts';
import type { RoadmapVersion } from '../roadmap/roadmap-version.ts';
import type { Update, UpdateSubject } from '../roadmap/update.ts';

/**
 * The ports: what the use cases need from storage, and nothing more. `@maille/db` implements
 * them over SQLite and PostgreSQL; `createInMemoryStore` (in `@maille/domain/testing`) implements
 * them in memory. Every method is async because real storage is.
 */

/** An entity that changes over time and guards its changes with a version number. */
export interface Versioned {
  id: string;
  version: number;
}

export interface VersionedRepository<T extends Versioned> {
  get(id: string): Promise<T | undefined>;
  /** The entities with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<T[]>;
  /** Stores a new entity; a `ConflictError` if its id is taken. */
  insert(entity: T): Promise<void>;
  /**
   * Replaces the stored entity. `entity.version` must be exactly one more than the stored one,
   * otherwise someone changed it meanwhile: `StaleVersionError`, and nothing is written.
   */
  update(entity: T): Promise<void>;
}

/** Entities that are never changed once written (updates, measurements, versions, audit). */
export interface AppendOnlyRepository<T extends { id: string }> {
  get(id: string): Promise<T | undefined>;
  insert(entity: T): Promise<void>;
}

export interface TerritoryRepository extends VersionedRepository<Territory> {
  findByCode(level: TerritoryLevel, code: string): Promise<Territory | undefined>;
  list(): Promise<Territory[]>;
}

export interface OrganizationRepository extends VersionedRepository<Organization> {
  list(): Promise<Organization[]>;
  /** Organizations whose name contains `query`, ignoring case and accents (see `searchKey`). */
  search(query: string, limit: number): Promise<Organization[]>;
}

export interface PersonRepository extends VersionedRepository<Person> {
  findByChatAccount(platform: ChatPlatform, userId: string): Promise<Person | undefined>;
  /** Persons whose name contains `query`, ignoring case and accents (see `searchKey`). */
  search(query: string, limit: number): Promise<Person[]>;
}

export interface GovernanceRepository extends VersionedRepository<Governance> {
  list(): Promise<Governance[]>;
  /** Up to `limit` governances whose id comes after `after` (all when absent), in id order. */
  listPage(page: { after?: string | undefined; limit: number }): Promise<Governance[]>;
}

export interface ByGovernance<T> {
  listByGovernance(governanceId: string): Promise<T[]>;
}

export interface BodyRepository extends VersionedRepository<Body>, ByGovernance<Body> {}
export interface MeetingRepository extends VersionedRepository<Meeting>, ByGovernance<Meeting> {}
export interface RoadmapRepository extends VersionedRepository<Roadmap>, ByGovernance<Roadmap> {}
export interface IndicatorRepository
  extends VersionedRepository<Indicator>,
    ByGovernance<Indicator> {}

export interface ActionRepository extends VersionedRepository<Action>, ByGovernance<Action> {
  listByRoadmap(roadmapId: string): Promise<Action[]>;
}

export interface MilestoneRepository
  extends VersionedRepository<Milestone>,
    ByGovernance<Milestone> {
  listByRoadmap(roadmapId: string): Promise<Milestone[]>;
  listByAction(actionId: string): Promise<Milestone[]>;
  /** Milestones of a governance due before `today` and neither reached nor cancelled, oldest first. */
  listLate(governanceId: string, today: string): Promise<Milestone[]>;
}

export interface FundingLineRepository
  extends VersionedRepository<FundingLine>,
    ByGovernance<FundingLine> {
  listByAction(actionId: string): Promise<FundingLine[]>;
}

export interface RoadmapVersionRepository extends AppendOnlyRepository<RoadmapVersion> {
  listByRoadmap(roadmapId: string): Promise<RoadmapVersion[]>;
}

export interface UpdateRepository extends AppendOnlyRepository<Update>, ByGovernance<Update> {
  listBySubject(subject: UpdateSubject): Promise<Update[]>;
  /**
   * The updates about the actions of one roadmap, in recording order: what its progress reads,
   * without the rest of the governance's history (which grows by the week).
   */
  listByRoadmapActions(roadmapId: string): Promise<Update[]>;
}

export interface MeasurementRepository
  extends AppendOnlyRepository<Measurement>,
    ByGovernance<Measurement> {
  /** Every revision of every value of the indicator. */
  listByIndicator(indicatorId: string): Promise<Measurement[]>;
}

export interface DeliveryRepository extends ByGovernance<Delivery> {
  get(id: string): Promise<Delivery | undefined>;
  /**
   * Stores the deliveries whose `dedupeKey` is not stored yet and ignores the others; returns how
   * many were new. Planning twice therefore sends nothing twice.
   */
  insertIfAbsent(deliveries: readonly Delivery[]): Promise<number>;
  /**
   * Claims up to `limit` deliveries due by `now` that nobody holds — pending (and past any retry
   * time), or claimed under a lease that has expired — for `claimant` until `leaseUntil`, oldest
   * first; each claim counts an attempt. Two claimers, even in two processes, never get the same
   * delivery.
   */
  claimDue(request: {
    now: string;
    leaseUntil: string;
    limit: number;
    claimant: string;
  }): Promise<Delivery[]>;
  /**
   * Records how a claimed delivery ended. Only its current holder may, while its lease runs:
   * otherwise a `ConflictError`, and nothing changes (another dispatcher may have taken it over).
   */
  settle(id: string, claimant: string, outcome: DeliveryOutcome, at: string): Promise<Delivery>;
  /** Every status change of a delivery, oldest first. */
  listEvents(deliveryId: string): Promise<DeliveryEvent[]>;
}

export interface AuditEventRepository extends AppendOnlyRepository<AuditEvent> {
  listByEntity(entity: string, entityId: string): Promise<AuditEvent[]>;
  listByGovernance(governanceId: string): Promise<AuditEvent[]>;
}

/**
 * Personal data across every table (DOMAIN.md §6): what is stored about a person, and erasure of
 * what identifies them.
 */
export interface PersonalDataRepository {
  /** Every stored record that contains one of `needles` (an id, a name, an email…), by table. */
  collect(needles: readonly string[]): Promise<Record<string, unknown[]>>;
  /**
   * Replaces every occurrence of `needles` in every text of every record of every table (ids
   * excepted) by `replacement`; returns how many records changed. Append-only records are no
   * exception: the law on personal data comes first.
   */
  scrub(needles: readonly string[], replacement: string): Promise<number>;
}

/** Every repository, as seen inside one transaction. */
export interface Repositories {
  territories: TerritoryRepository;
  organizations: OrganizationRepository;
  persons: PersonRepository;
  governances: GovernanceRepository;
  bodies: BodyRepository;
  meetings: MeetingRepository;
  roadmaps: RoadmapRepository;
  roadmapVersions: RoadmapVersionRepository;
  actions: ActionRepository;
  milestones: MilestoneRepository;
  fundingLines: FundingLineRepository;
  updates: UpdateRepository;
  indicators: IndicatorRepository;
  measurements: MeasurementRepository;
  deliveries: DeliveryRepository;
  auditEvents: AuditEventRepository;
  personalData: PersonalDataRepository;
}

/**
 * Storage as a unit of work: everything a use case writes, audit event included, commits
 * together or not at all. If `work` throws, nothing it wrote remains.
 */
export interface Store {
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}
