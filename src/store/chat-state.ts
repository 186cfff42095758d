import type { InboxRepo, PendingRepo } from "../bot/ports/store.js";
import type { Db } from "./client.js";

export function createPendingRepo(db: Db): PendingRepo {
  return {
    async create(identityId, kind, payload, expiresAt) {
      return (await db.pendingAction.create({ data: { identityId, kind, payload: JSON.stringify(payload), expiresAt } })).id;
    },
    async take(id, identityId, now) {
      // One conditional update: a double tap cannot confirm twice.
      const taken = await db.pendingAction.updateMany({
        where: { id, identityId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now },
      });
      if (taken.count === 0) return null;
      const row = await db.pendingAction.findUniqueOrThrow({ where: { id } });
      return { kind: row.kind, payload: JSON.parse(row.payload) as unknown };
    },
  };
}

export function createInboxRepo(db: Db): InboxRepo {
  return {
    async accept(channel, externalId, payload, now) {
      try {
        await db.inboundUpdate.create({ data: { channel, externalId, payload, receivedAt: now } });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002" && !/Unique constraint/i.test(String((error as Error).message))) throw error;
        // Seen before: handle it only if it was never finished (the process stopped in between).
        const row = await db.inboundUpdate.findUnique({ where: { channel_externalId: { channel, externalId } } });
        return row !== null && row.processedAt === null;
      }
    },
    async done(channel, externalId, now, error) {
      await db.inboundUpdate.updateMany({ where: { channel, externalId }, data: { processedAt: now, error: error ?? null } });
    },
    async unhandled(channel) {
      const rows = await db.inboundUpdate.findMany({ where: { channel, processedAt: null }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ externalId: r.externalId, payload: r.payload }));
    },
  };
}
