import type { Audience, BroadcastRecord, BroadcastRepo } from "../bot/ports/delivery.js";
import { audit } from "./audit.js";
import { usePending } from "./chat-state.js";
import type { Db } from "./client.js";
import { enqueueIn } from "./outbox.js";
import { isUniqueViolation } from "./retry.js";
import { transact } from "./transact.js";

type Row = {
  id: number; provinceId: number; senderId: number; body: string; audience: string; recipients: number;
  createdAt: Date; completedAt: Date | null;
};

const toBroadcast = (r: Row): BroadcastRecord => ({
  id: r.id, provinceId: r.provinceId, senderId: r.senderId, body: r.body, audience: JSON.parse(r.audience) as Audience,
  recipients: r.recipients, createdAt: r.createdAt, completedAt: r.completedAt,
});

export function createBroadcastRepo(db: Db): BroadcastRepo {
  return {
    async create(input, messages, now, pending) {
      return transact(db, async (tx) => {
        if (pending && !(await usePending(tx, pending.id, pending.identityId, now))) return null;
        const { provinceId, senderId, body } = input;
        const audience = JSON.stringify(input.audience);
        const row = await tx.broadcast.create({ data: { provinceId, senderId, body, audience, createdAt: now } });
        const queued = messages(row.id);
        const added = await enqueueIn(tx, queued, now);
        const updated = await tx.broadcast.update({ where: { id: row.id }, data: { recipients: added } });
        await audit(tx, `identity:${input.senderId}`, "broadcast.send", `broadcast:${row.id}`, { audience: input.audience, recipients: added });
        return toBroadcast(updated);
      });
    },
    async byId(id) {
      const row = await db.broadcast.findUnique({ where: { id } });
      return row ? toBroadcast(row) : null;
    },
    async list(provinceId, limit) {
      return (await db.broadcast.findMany({ where: { provinceId }, orderBy: { id: "desc" }, take: limit })).map(toBroadcast);
    },
    async acknowledge(broadcastId, identityId, now) {
      // Only someone the announcement reached can confirm having it.
      const received = await db.outboxMessage.findFirst({ where: { broadcastId, identityId, status: "sent" }, select: { id: true } });
      if (!received) return "not_recipient";
      try {
        await db.broadcastAck.create({ data: { broadcastId, identityId, at: now } });
        return "new";
      } catch (error) {
        if (isUniqueViolation(error)) return "again";
        throw error;
      }
    },
    async acknowledgedBy(broadcastId) {
      return new Set((await db.broadcastAck.findMany({ where: { broadcastId }, select: { identityId: true } })).map((a) => a.identityId));
    },
    async complete(id, now, report) {
      return transact(db, async (tx) => {
        if ((await tx.broadcast.updateMany({ where: { id, completedAt: null }, data: { completedAt: now } })).count === 0) return false;
        await enqueueIn(tx, [report], now);
        return true;
      });
    },
    async incomplete() {
      return (await db.broadcast.findMany({ where: { completedAt: null }, orderBy: { id: "asc" } })).map(toBroadcast);
    },
  };
}
