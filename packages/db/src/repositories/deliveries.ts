import {
  type Delivery,
  type DeliveryEvent,
  Delivery as DeliverySchema,
  NotFoundError,
  StaleVersionError,
  settleDelivery,
} from '@maille/domain';
import type { DeliveryRepository } from '@maille/domain/use-cases';
import type { Selectable } from 'kysely';
import type { DialectName } from '../connection.ts';
import type { DeliveryTable } from '../schema.ts';
import { chunks, type Tx } from './rows.ts';

function toRow(d: Delivery): DeliveryTable {
  return {
    id: d.id,
    dedupe_key: d.dedupeKey,
    governance_id: d.governanceId,
    kind: d.kind,
    recipient: JSON.stringify(d.recipient),
    subject: JSON.stringify(d.subject),
    due_at: d.dueAt,
    expires_at: d.expiresAt,
    status: d.status,
    attempts: d.attempts,
    claimed_by: d.claimedBy ?? null,
    lease_until: d.leaseUntil ?? null,
    sent_at: d.sentAt ?? null,
    sent_message_id: d.sentMessageId ?? null,
    last_error: d.lastError ?? null,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    version: d.version,
  };
}

function fromRow(row: Selectable<DeliveryTable>): Delivery {
  const optional = (key: string, value: string | null) => (value === null ? {} : { [key]: value });
  return DeliverySchema.parse({
    id: row.id,
    dedupeKey: row.dedupe_key,
    governanceId: row.governance_id,
    kind: row.kind,
    recipient: JSON.parse(row.recipient),
    subject: JSON.parse(row.subject),
    dueAt: row.due_at,
    expiresAt: row.expires_at,
    status: row.status,
    attempts: Number(row.attempts),
    ...optional('claimedBy', row.claimed_by),
    ...optional('leaseUntil', row.lease_until),
    ...optional('sentAt', row.sent_at),
    ...optional('sentMessageId', row.sent_message_id),
    ...optional('lastError', row.last_error),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toEventRow(e: DeliveryEvent) {
  return {
    delivery_id: e.deliveryId,
    at: e.at,
    from_status: e.from,
    to_status: e.to,
    by: e.by ?? null,
    detail: e.detail ?? null,
  };
}

/**
 * The outbox. Claims are made in SQL, a batch at a time, so that two dispatchers — two processes —
 * never hold the same delivery: on SQLite the transaction holds the single writer's lock
 * (`BEGIN IMMEDIATE`); on PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`, so
 * another dispatcher skips them instead of waiting. The claimed fields follow the kernel's
 * `claimDelivery`; outcomes go through its `settleDelivery`. Every status change is logged in
 * `delivery_events`.
 */
export function deliveryRepository(db: Tx, dialect: DialectName): DeliveryRepository {
  return {
    async get(id) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async listByGovernance(governanceId) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('governance_id', '=', governanceId)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async insertIfAbsent(deliveries) {
      let inserted = 0;
      for (const part of chunks(deliveries, 500)) {
        const result = await db
          .insertInto('deliveries')
          .values(part.map(toRow))
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },
    async claimDue({ now, leaseUntil, limit, claimant }) {
      // One query per status rather than one with `or`, each reading its own index in order and
      // stopping after `limit` rows: pending deliveries by due time (index on status, due_at),
      // abandoned claims by lease end (index on status, lease_until), so that many live claims
      // cost nothing to skip. The two lists are merged here, oldest first.
      const select = () =>
        db.selectFrom('deliveries').select(['id', 'status', 'claimed_by', 'due_at']);
      const lockFree = <Q extends { forUpdate(): { skipLocked(): Q } }>(query: Q) =>
        dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
      const pending = lockFree(
        select()
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          // Past any retry time.
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
          .orderBy('due_at')
          .orderBy('id')
          .limit(limit),
      );
      const abandoned = lockFree(
        select()
          .where('status', '=', 'claimed')
          .where('lease_until', '<=', now)
          .where('due_at', '<=', now)
          .orderBy('lease_until')
          .orderBy('id')
          .limit(limit),
      );
      const chosen = [...(await pending.execute()), ...(await abandoned.execute())]
        .sort((a, b) => byText(a.due_at, b.due_at) || byText(a.id, b.id))
        .slice(0, limit);
      if (chosen.length === 0) return [];
      const rows = await db
        .updateTable('deliveries')
        .set((eb) => ({
          status: 'claimed',
          claimed_by: claimant,
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where(
          'id',
          'in',
          chosen.map((c) => c.id),
        )
        .returningAll()
        .execute();
      await db
        .insertInto('delivery_events')
        .values(
          chosen.map((c) =>
            toEventRow({
              deliveryId: c.id,
              at: now,
              from: c.status as Delivery['status'],
              to: 'claimed',
              by: claimant,
              ...(c.status === 'claimed'
                ? { detail: `Bail expiré de ${c.claimed_by ?? 'inconnu'} repris.` }
                : {}),
            }),
          ),
        )
        .execute();
      const byId = new Map(rows.map((row) => [row.id, fromRow(row)]));
      return chosen.flatMap((c) => byId.get(c.id) ?? []);
    },
    async settle(id, claimant, outcome, at) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('Envoi', id);
      const current = fromRow(row);
      const settled = settleDelivery(current, claimant, outcome, at);
      const result = await db
        .updateTable('deliveries')
        .set(toRow(settled.delivery))
        .where('id', '=', id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new StaleVersionError();
      await db.insertInto('delivery_events').values(toEventRow(settled.event)).execute();
      return settled.delivery;
    },
    async listEvents(deliveryId) {
      const rows = await db
        .selectFrom('delivery_events')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        deliveryId: row.delivery_id,
        at: row.at,
        from: row.from_status as Delivery['status'],
        to: row.to_status as Delivery['status'],
        ...(row.by === null ? {} : { by: row.by }),
        ...(row.detail === null ? {} : { detail: row.detail }),
      }));
    },
  };
}
