import { INBOX_CLAIM_MS, INBOX_MAX_ATTEMPTS, type InboxRepo, type PendingRepo } from "../bot/ports/store.js";
import type { Db, Tx } from "./client.js";
import { isUniqueViolation } from "./retry.js";

/** How long a recorded update may wait for its claim before another instance treats it as left over. */
const RECORDED_GRACE_MS = 30_000;

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
  return {
    async record(channel, externalId, payload, now) {
      try {
        await db.inboundUpdate.create({ data: { channel, externalId, payload, receivedAt: now } });
        return "new";
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const row = await db.inboundUpdate.findUnique({ where: key(channel, externalId) });
        return row?.processedAt || (row && row.attempts >= INBOX_MAX_ATTEMPTS) ? "done" : "unfinished";
      }
    },
    async claim(channel, externalId, payload, now) {
      const until = new Date(now.getTime() + INBOX_CLAIM_MS);
      try {
        await db.inboundUpdate.create({ data: { channel, externalId, payload, receivedAt: now, claimedUntil: until, attempts: 1 } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Seen before: take it only if unfinished, nobody holds it and it has attempts left (one conditional update decides).
        const taken = await db.inboundUpdate.updateMany({
          where: {
            channel, externalId, processedAt: null, attempts: { lt: INBOX_MAX_ATTEMPTS },
            OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
          },
          data: { claimedUntil: until, attempts: { increment: 1 } },
        });
        return taken.count > 0;
      }
    },
    async done(channel, externalId, now, error) {
      await db.inboundUpdate.updateMany({ where: { channel, externalId }, data: { processedAt: now, error: error ?? null } });
    },
    async unhandled(channel, now) {
      const rows = await db.inboundUpdate.findMany({
        // A row recorded but not yet claimed is normally about to be claimed by the process that took it from the
        // webhook: it counts as left over only after a while, so a sweeper elsewhere does not take it first.
        where: {
          channel, processedAt: null, attempts: { lt: INBOX_MAX_ATTEMPTS },
          OR: [{ claimedUntil: null, receivedAt: { lte: new Date(now.getTime() - RECORDED_GRACE_MS) } }, { claimedUntil: { lte: now } }],
        },
        orderBy: { id: "asc" },
      });
      return rows.map((r) => ({ externalId: r.externalId, payload: r.payload }));
    },
    async giveUp(channel, now) {
      const where = { channel, processedAt: null, attempts: { gte: INBOX_MAX_ATTEMPTS }, claimedUntil: { lte: now } };
      const rows = await db.inboundUpdate.findMany({ where, select: { externalId: true } });
      if (rows.length === 0) return [];
      await db.inboundUpdate.updateMany({
        where: { ...where, externalId: { in: rows.map((r) => r.externalId) } },
        data: { processedAt: now, error: `given up after ${INBOX_MAX_ATTEMPTS} attempts that never finished (the process stopped each time)` },
      });
      return rows.map((r) => r.externalId);
    },
    async prune(before) {
      return (await db.inboundUpdate.deleteMany({ where: { receivedAt: { lt: before } } })).count;
    },
  };
}
