/**
 * A change to an existing entity: its id, the version the caller saw (the HTTP `If-Match`; a
 * stale one is refused), and the fields to change.
 */
export interface VersionedChange {
  id: string;
  expectedVersion?: number | undefined;
  patch: unknown;
}
