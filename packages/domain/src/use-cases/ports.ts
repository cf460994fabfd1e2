import type { Organization } from '../actors/organization.ts';
import type { PlacesImport, PlacesImportSummary } from '../actors/places-import.ts';
import type { Territory, TerritoryLevel, TerritoryRef } from '../actors/territory.ts';
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
import type { ApiKey } from './access/api-key.ts';
import type { IssuedSignInLink, OpenedSession } from './access/sign-in-link.ts';
import type { CalendarFeed } from './exchange/calendar-feed.ts';
import type { ChatAnswer, IssuedChatLinkCode } from './people/chat-link-code.ts';

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
  /** The territories of these references that exist, in no particular order. */
  findByCodes(refs: readonly TerritoryRef[]): Promise<Territory[]>;
  /**
   * The territories that have `ref` among their parents (of `level` only, when given), by code:
   * the perimeter of a governance, without reading the rest of the directory.
   */
  listWithin(ref: TerritoryRef, level?: TerritoryLevel): Promise<Territory[]>;
  /** How many territories of `level` have `ref` among their parents, without reading them. */
  countWithin(ref: TerritoryRef, level: TerritoryLevel): Promise<number>;
  /** The communes a postal code serves, by code. */
  listByPostalCodes(postalCodes: readonly string[]): Promise<Territory[]>;
  /**
   * Up to `limit` territories after `after` in id order, of `level` when given, whose name
   * contains `query` ignoring case and accents (see `searchKey`) when given.
   */
  search(filter: {
    level?: TerritoryLevel | undefined;
    query?: string | undefined;
    after?: string | undefined;
    limit: number;
  }): Promise<Territory[]>;
  /** Every territory of the directory, for the bulk jobs that compare it whole (loading an edition). */
  list(): Promise<Territory[]>;
  /** Stores many new territories at once (an edition of the directory); a `ConflictError` if one exists. */
  insertMany(territories: readonly Territory[]): Promise<void>;
}

export interface OrganizationRepository extends VersionedRepository<Organization> {
  list(): Promise<Organization[]>;
  /** Organizations whose name contains `query`, ignoring case and accents (see `searchKey`). */
  search(query: string, limit: number): Promise<Organization[]>;
  /** The organizations located in these communes (see `communeOfOrganization`), in id order. */
  listInCommunes(codes: readonly string[]): Promise<Organization[]>;
  /** The organizations published under any of these national ids (`nationalIds`). */
  findByNationalIds(nationalIds: readonly string[]): Promise<Organization[]>;
}

/** The reports of the imports of national places files. */
export interface PlacesImportRepository {
  insert(report: PlacesImport): Promise<void>;
  get(id: string): Promise<PlacesImport | undefined>;
  /** The latest reports, newest first, without their entries. */
  listLatest(limit: number): Promise<PlacesImportSummary[]>;
}

export interface PersonRepository extends VersionedRepository<Person> {
  findByChatAccount(platform: ChatPlatform, userId: string): Promise<Person | undefined>;
  /** Persons whose name contains `query`, ignoring case and accents (see `searchKey`). */
  search(query: string, limit: number): Promise<Person[]>;
  /** The person with this e-mail address, whatever its case (the first by id if several). */
  findByEmail(email: string): Promise<Person | undefined>;
}

export interface GovernanceRepository extends VersionedRepository<Governance> {
  list(): Promise<Governance[]>;
  /** Up to `limit` governances whose id comes after `after` (all when absent), in id order. */
  listPage(page: { after?: string | undefined; limit: number }): Promise<Governance[]>;
  /**
   * The governances in which `personId` holds a role or a seat in a body, past seats included,
   * in id order: what a person's own pages start from, without reading every governance of the
   * instance.
   */
  listTakenPartIn(personId: string): Promise<Governance[]>;
  /** How many governances the instance holds. */
  count(): Promise<number>;
}

export interface ByGovernance<T> {
  listByGovernance(governanceId: string): Promise<T[]>;
}

export interface BodyRepository extends VersionedRepository<Body>, ByGovernance<Body> {}
export interface MeetingRepository extends VersionedRepository<Meeting>, ByGovernance<Meeting> {
  /**
   * The meetings of these bodies starting at or after `from`, by start then id, at most `limit`:
   * a person's own agenda, however long the bodies' history.
   */
  listByBodies(
    bodyIds: readonly string[],
    window: { from: string; limit: number },
  ): Promise<Meeting[]>;
}
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
  /**
   * Open milestones of a governance (neither reached nor cancelled) due before `before`, by due
   * date then id: the late ones with `before` = today, those of the next days with a later date.
   */
  listOpenDueBefore(governanceId: string, before: string): Promise<Milestone[]>;
  /**
   * The milestones a person carries, in every governance: those they own, and those without an
   * owner of their own in an action they own. Open ones whatever their due date (late ones
   * stay in sight), the others due on or after `dueFrom`; by due date then id, at most `limit`.
   */
  listCarriedBy(personId: string, window: { dueFrom: string; limit: number }): Promise<Milestone[]>;
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
   * The `limit` latest updates about any of these subjects, newest first (same instant: the
   * greatest id first): a sheet's timeline (the action and its milestones), however long their
   * history.
   */
  listLatestAbout(subjects: readonly UpdateSubject[], limit: number): Promise<Update[]>;
  /**
   * The `limit` latest updates of a governance, newest first (same instant: by id). What a
   * dashboard shows, whatever the length of the history behind it.
   */
  listLatest(governanceId: string, limit: number): Promise<Update[]>;
  /**
   * For each action of a governance, of one roadmap, or for one action, its latest update that
   * gives a progress (same instant: the greatest id): all that progress reads of the updates
   * (`actionProgress`).
   */
  listLatestProgress(
    scope: { governanceId: string } | { roadmapId: string } | { actionId: string },
  ): Promise<Update[]>;
  /** The updates of a governance recorded after `after` and up to `until`, in recording order. */
  listRecordedBetween(governanceId: string, after: string, until: string): Promise<Update[]>;
}

export interface MeasurementRepository
  extends AppendOnlyRepository<Measurement>,
    ByGovernance<Measurement> {
  /** Every revision of every value of the indicator. */
  listByIndicator(indicatorId: string): Promise<Measurement[]>;
  /** The current value (latest revision) of each territory and period of the indicator. */
  listCurrentByIndicator(indicatorId: string): Promise<Measurement[]>;
  /** The current values of every indicator of a governance for these periods only. */
  listCurrentInPeriods(governanceId: string, periods: readonly string[]): Promise<Measurement[]>;
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

/** One page of a governance's history: what `AuditEventRepository.listPage` reads. */
export interface AuditPageQuery {
  governanceId: string;
  /** Only the events of one kind of record (`roadmap`), or of one record with `entityId`. */
  entity?: string | undefined;
  entityId?: string | undefined;
  /**
   * With `entity` `action` or `roadmap` and its `entityId`: also the events of the records that
   * belong to it — an action's milestones, funding lines and updates (its own and its
   * milestones'); a roadmap's actions, milestones, their funding lines and updates, its own
   * updates. Found through the records themselves, so events written before are included.
   */
  withChildren?: boolean | undefined;
  /** The last event of the previous page: only events older than it come. */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

export interface AuditEventRepository extends AppendOnlyRepository<AuditEvent> {
  listByEntity(entity: string, entityId: string): Promise<AuditEvent[]>;
  listByGovernance(governanceId: string): Promise<AuditEvent[]>;
  /**
   * Up to `limit` events of a governance, newest first; events of the same instant come by
   * descending id, so that paging with `before` never repeats nor skips one. Read through an
   * index, whatever the length of the history.
   */
  listPage(query: AuditPageQuery): Promise<AuditEvent[]>;
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
   * excepted) by `replacement`. Append-only records are no
   * exception: the law on personal data comes first. Returns how many records changed, by table
   * (named as `collect` names them); a table where none changed is left out.
   */
  scrub(needles: readonly string[], replacement: string): Promise<Record<string, number>>;
}

/*
 * Credentials: API keys, calendar feeds and chat link codes. The adapter makes their secrets and
 * keeps only a hash of each: randomness and hashing are Node's (`node:crypto`), which the kernel
 * does not import, and a secret is made, hashed and stored in one place, by one implementation,
 * rather than passed through every context of every app. The rules (who may, until when, what a
 * refusal says) stay in the use cases.
 */

export interface ApiKeyRepository {
  /**
   * Stores a new key under a fresh id and secret, keeping only a hash of the secret; returns it
   * with its token `mai_<id>.<secret>` (`API_KEY_TOKEN`), the only time the secret is seen.
   */
  create(key: Omit<ApiKey, 'id'>): Promise<{ key: ApiKey; token: string }>;
  /**
   * The key a token belongs to (its id found, its secret matching), revoked or not; `undefined`
   * for a malformed token or a wrong secret, compared in constant time.
   */
  findByToken(token: string): Promise<ApiKey | undefined>;
  get(id: string): Promise<ApiKey | undefined>;
  /** Every key, or one person's, oldest first. */
  list(filter: { personId?: string }): Promise<ApiKey[]>;
  /** Writes a key's revocation and last use; nothing else of a key changes. */
  update(key: ApiKey): Promise<void>;
}

export interface CalendarFeedRepository {
  /**
   * Stores a new feed under a fresh id (`cal_…`) and token (`CalendarFeedToken`), keeping only a
   * hash of the token; returns it with its token, the only time the token is seen.
   */
  create(feed: Omit<CalendarFeed, 'id'>): Promise<{ feed: CalendarFeed; token: string }>;
  /** The feed a token opens, revoked or not. */
  findByToken(token: string): Promise<CalendarFeed | undefined>;
  get(id: string): Promise<CalendarFeed | undefined>;
  /** Every governance's feed, or one governance's, in id order; never a person's own feed. */
  list(filter: { governanceId?: string }): Promise<CalendarFeed[]>;
  /**
   * The person's own feed that is not revoked, with its token: unlike a governance's feed, a
   * person's token is kept (until revoked) so that they can see their link again wherever they
   * ask for it, as calendar services show a « secret address ».
   */
  findLiveOfPerson(personId: string): Promise<{ feed: CalendarFeed; token: string } | undefined>;
  /** Writes a feed's revocation (a revoked feed's token is forgotten); nothing else changes. */
  update(feed: CalendarFeed): Promise<void>;
}

export interface ChatLinkCodeRepository {
  /**
   * Stores a new code, keeping only a hash of it; returns the code, `CHAT_LINK_CODE_LENGTH`
   * characters of `CHAT_LINK_CODE_ALPHABET`, the only time it is seen.
   */
  issue(code: IssuedChatLinkCode): Promise<string>;
  /**
   * Spends a code (normalised, see `ChatLinkCode`) if it is unspent and expires after `at`;
   * returns its person, or `undefined`. Of two concurrent redemptions, one wins.
   */
  redeem(code: string, at: string): Promise<{ personId: string } | undefined>;
}

export interface SignInLinkRepository {
  /** Stores a new link, keeping only a hash of its secret; returns the secret, the only time it is seen. */
  issue(link: IssuedSignInLink): Promise<string>;
  /**
   * Spends a link if it is unspent and expires after `at`; returns its person, or `undefined`.
   * Of two concurrent uses, one wins.
   */
  redeem(secret: string, at: string): Promise<{ personId: string } | undefined>;
  /** Deletes the links used or expired at `at`, which can open nothing; returns how many. */
  forgetSpent(at: string): Promise<number>;
}

export interface SessionRepository {
  /** Stores a new session, keeping only a hash of its secret; returns the secret. */
  open(session: OpenedSession): Promise<string>;
  /** The session of a secret if it is neither closed nor expired at `at`. */
  find(secret: string, at: string): Promise<OpenedSession | undefined>;
  /** Closes the session of a secret (nothing when unknown or already closed). */
  close(secret: string, at: string): Promise<void>;
  /** Closes every open session of a person; returns how many were open. */
  closeAllOf(personId: string, at: string): Promise<number>;
  /** Deletes the sessions closed or expired at `at`, which open nothing; returns how many. */
  forgetEnded(at: string): Promise<number>;
}

/** A person's visits to the web workspace: the current one, and when the one before ended. */
export interface Visit {
  personId: string;
  startedAt: string;
  seenAt: string;
  previousSeenAt?: string | undefined;
}

export interface VisitRepository {
  get(personId: string): Promise<Visit | undefined>;
  /** Stores the person's visit, replacing the one kept. */
  save(visit: Visit): Promise<void>;
}

export interface ChatAnswerRepository {
  /** Stores the answer unless its delivery has one already; `true` when it was stored. */
  claim(answer: ChatAnswer): Promise<boolean>;
}

/** The chat interactions handled, each with the reply it got (see `handleChatInteraction`). */
export interface ChatInteractionRepository {
  /**
   * Marks an interaction handled unless it is already: `true` when it was not. Of two concurrent
   * claims, the second waits for the first's transaction and gets `false` if it committed.
   * Interactions handled more than a day before `at` may be forgotten (Discord lets an
   * interaction be answered for 15 minutes).
   */
  claim(interactionId: string, at: string): Promise<boolean>;
  /** Keeps the reply given to a claimed interaction. */
  saveReply(interactionId: string, reply: string): Promise<void>;
  /** The reply given to an interaction, if it was handled and its reply kept. */
  replyTo(interactionId: string): Promise<string | undefined>;
}

/** Every repository, as seen inside one transaction. */
/** What `DemoRepository.remove` deletes: ids, each checked once more by the store. */
export interface DemoRemovalPlan {
  /** Removed with everything attached to them (bodies to calendar links, their audit trail). */
  governanceIds: readonly string[];
  /** Removed with their keys, sign-ins and chat codes — unless a remaining record names them. */
  personIds: readonly string[];
  /** Removed unless a remaining record names them. */
  organizationIds: readonly string[];
  /** Removed unless a remaining governance, organization, measurement or territory names its code. */
  territoryIds: readonly string[];
}

/** Rows removed, by table (the store's names, `fundingLines`…); a table with none is absent. */
export type RemovedRows = Record<string, number>;

export interface DemoRepository {
  /**
   * Removes the demonstration data of `plan`, in the caller's transaction. A person, an
   * organization or a territory still named by what remains (a real governance sharing it) is
   * kept whole.
   */
  remove(plan: DemoRemovalPlan): Promise<RemovedRows>;
}

export interface Repositories {
  territories: TerritoryRepository;
  organizations: OrganizationRepository;
  placesImports: PlacesImportRepository;
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
  apiKeys: ApiKeyRepository;
  calendarFeeds: CalendarFeedRepository;
  chatLinkCodes: ChatLinkCodeRepository;
  signInLinks: SignInLinkRepository;
  sessions: SessionRepository;
  visits: VisitRepository;
  chatAnswers: ChatAnswerRepository;
  chatInteractions: ChatInteractionRepository;
  demo: DemoRepository;
}

/**
 * Storage as a unit of work: everything a use case writes, audit event included, commits
 * together or not at all. If `work` throws, nothing it wrote remains.
 */
export interface Store {
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}
