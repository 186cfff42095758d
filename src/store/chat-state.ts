import { INBOX_MAX_ATTEMPTS, type InboxRepo, type PendingRepo } from "../bot/ports/store.js";
import type { Db, Tx } from "./client.js";
import { isUniqueViolation } from "./retry.js";

/** Use a pending action inside a transaction; false when it was used already, expired or is someone else's. */
export async function usePending(tx: Tx | Db, id: number, identityId: number, now: Date): Promise<boolean> {
  const taken = await tx.pendingAction.updateMany({
    where: { id, identityId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now },
  });
  return taken.count > 0;
}

export function createPendingRepo(db: Db): PendingRepo {
  return {
    async create(identityId, kind, payload, expiresAt) {
      return (await db.pendingAction.create({ data: { identityId, kind, payload: JSON.stringify(payload), expiresAt } })).id;
    },
    async peek(id, identityId, now) {
      const row = await db.pendingAction.findUnique({ where: { id } });
      if (!row || row.usedAt !== null || row.expiresAt <= now) return { ok: false, reason: "gone" };
      if (row.identityId !== identityId) return { ok: false, reason: "not_yours" };
      return { ok: true, kind: row.kind, payload: JSON.parse(row.payload) as unknown };
    },
    async update(id, identityId, payload) {
      const data = { payload: JSON.stringify(payload) };
      const changed = await db.pendingAction.updateMany({ where: { id, identityId, usedAt: null }, data });
      return changed.count > 0;
    },
    async take(id, identityId, now) {
      // One conditional update: a double tap cannot confirm twice.
      if (!(await usePending(db, id, identityId, now))) return null;
      const row = await db.pendingAction.findUniqueOrThrow({ where: { id } });
      return { kind: row.kind, payload: JSON.parse(row.payload) as unknown };
    },
    async prune(before) {
      return (await db.pendingAction.deleteMany({ where: { expiresAt: { lt: before } } })).count;
    },
    async latest(identityId, kind, now) {
      const row = await db.pendingAction.findFirst({ where: { identityId, kind, usedAt: null, expiresAt: { gt: now } }, orderBy: { id: "desc" } });
      return row ? { id: row.id, payload: JSON.parse(row.payload) as unknown } : null;
    },
  };
}

export function createInboxRepo(db: Db): InboxRepo {
  const key = (channel: string, externalId: string) => ({ channel_externalId: { channel, externalId } });
  const state = async (channel: string, externalId: string) => {
    const row = await db.inboundUpdate.findUnique({ where: key(channel, externalId) });
    return row?.processedAt ? "done" : "unfinished";
  };
  return {
    async record(channel, externalId, payload, now, queue) {
      if (queue) {
        // One transaction: the row (skipped if the platform sent it before) and, for a new one, its place in the queue.
        const fresh = await db.$transaction(async (tx) => {
          // Queues run on PostgreSQL only: its ON CONFLICT keeps a duplicate from aborting the transaction.
          const added = await tx.$executeRawUnsafe(
            `INSERT INTO "InboundUpdate" (channel, "externalId", payload, "receivedAt", attempts) VALUES ($1, $2, $3, $4, 0)
             ON CONFLICT (channel, "externalId") DO NOTHING`, channel, externalId, payload, now,
          );
          if (added === 0) return false;
          await queue({ executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])) }) });
          return true;
        });
        return fresh ? "new" : state(channel, externalId);
      }
      try {
        await db.inboundUpdate.create({ data: { channel, externalId, payload, receivedAt: now } });
        return "new";
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return state(channel, externalId);
      }
    },
    async begin(channel, externalId, payload, now) {
      // Seen before (recorded by the webhook, or begun by a process that stopped): one conditional update decides
      // whether this is another attempt. It comes first because on PostgreSQL a statement that fails (the insert's
      // unique violation) makes the pool close its connection, and every queued update is recorded before it begins.
      const again = () => db.inboundUpdate.updateMany({
        where: { channel, externalId, processedAt: null, attempts: { lt: INBOX_MAX_ATTEMPTS } }, data: { attempts: { increment: 1 } },
      });
      if ((await again()).count > 0) return "go";
      try {
        await db.inboundUpdate.create({ data: { channel, externalId, payload, receivedAt: now, attempts: 1 } });
        return "go";
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Recorded meanwhile, or before and finished or given up.
      if ((await again()).count > 0) return "go";
      const given = await db.inboundUpdate.updateMany({
        where: { channel, externalId, processedAt: null },
        data: { processedAt: now, error: `given up after ${INBOX_MAX_ATTEMPTS} attempts that never finished (the process stopped each time)` },
      });
      return given.count > 0 ? "exhausted" : "done";
    },
    async done(channel, externalId, now, error) {
      await db.inboundUpdate.updateMany({ where: { channel, externalId }, data: { processedAt: now, error: error ?? null } });
    },
    async payload(channel, externalId) {
      return (await db.inboundUpdate.findUnique({ where: key(channel, externalId), select: { payload: true } }))?.payload ?? null;
    },
    async unhandled(channel) {
      const rows = await db.inboundUpdate.findMany({ where: { channel, processedAt: null }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ externalId: r.externalId, payload: r.payload }));
    },
    async prune(before) {
      return (await db.inboundUpdate.deleteMany({ where: { receivedAt: { lt: before } } })).count;
    },
  };
}
