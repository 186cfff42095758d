import type { DropReason, OutboxInput, OutboxKind, OutboxRecord, OutboxRepo, OutboxStatus, OutboxSubject } from "../bot/ports/delivery.js";
import { CANNOT_REACH, DROP_REASONS, OUTBOX_STATUSES } from "../bot/ports/delivery.js";
import type { ChannelName } from "../bot/ports/records.js";
import { decodeReply, encodeReply } from "../bot/reply-codec.js";
import { Prisma, type Db, type Tx } from "./client.js";
import { toIdentity } from "./identities.js";
import { transact } from "./transact.js";

const BATCH = 200;
const MAX_ERROR = 500;

const clip = (error: string) => (error.length > MAX_ERROR ? `${error.slice(0, MAX_ERROR - 1)}…` : error);
const zeroCounts = () => Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;

/**
 * Queue messages inside a transaction: the event that causes them and the
 * messages commit together. A key already queued is skipped, so a job that
 * runs twice (two instances, a restart) queues each message once.
 */
export async function enqueueIn(tx: Tx | Db, messages: readonly OutboxInput[], now: Date): Promise<number> {
  let added = 0;
  const replaced = new Map<string, number>();
  const keys = [...new Set(messages.map((m) => m.replacesKey).filter((k): k is string => k !== undefined))];
  if (keys.length > 0) {
    const rows = await tx.outboxMessage.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
    for (const row of rows) replaced.set(row.key, row.id);
  }
  for (let i = 0; i < messages.length; i += BATCH) {
    const values = messages.slice(i, i + BATCH).map((m) => Prisma.sql`(${m.key}, ${m.identityId}, ${m.kind}, ${encodeReply(m.reply)},
      ${m.broadcastId ?? null}, 'pending', 0, ${m.notBefore}, 0, ${m.replacesKey ? replaced.get(m.replacesKey) ?? null : null},
      ${m.subject ? JSON.stringify(m.subject) : null}, ${now}, ${now})`);
    added += await tx.$executeRaw`INSERT INTO "OutboxMessage" ("key", "identityId", "kind", "payload", "broadcastId", "status", "attempts",
      "notBefore", "partsSent", "replacesId", "subject", "createdAt", "updatedAt") VALUES ${Prisma.join(values)} ON CONFLICT ("key") DO NOTHING`;
  }
  return added;
}

type Row = Prisma.OutboxMessageGetPayload<{ include: { identity: true } }>;

export function createOutboxRepo(db: Db): OutboxRepo {
  const toRecord = (row: Row, replaces: string | null): OutboxRecord => ({
    id: row.id, key: row.key, identity: toIdentity(row.identity), kind: row.kind as OutboxKind, reply: decodeReply(row.payload),
    status: row.status as OutboxStatus, attempts: row.attempts, notBefore: row.notBefore, partsSent: row.partsSent,
    externalId: row.externalId, broadcastId: row.broadcastId, replaces,
    subject: row.subject ? JSON.parse(row.subject) as OutboxSubject : null,
  });
  const move = async (id: number, from: OutboxStatus, data: Prisma.OutboxMessageUpdateManyMutationInput) =>
    (await db.outboxMessage.updateMany({ where: { id, status: from }, data })).count > 0;

  return {
    enqueue: (messages) => enqueueIn(db, messages, new Date()),
    async saveFile(kind, filename, data) {
      return (await db.outboxFile.create({ data: { kind, filename, data: Buffer.from(data) } })).id;
    },
    async file(id) {
      const row = await db.outboxFile.findUnique({ where: { id } });
      return row ? { data: new Uint8Array(row.data), telegramFileId: row.telegramFileId } : null;
    },
    async setFileRef(id, channel, ref) {
      if (channel === "telegram") await db.outboxFile.update({ where: { id }, data: { telegramFileId: ref } });
    },
    async due(now, limit) {
      const rows = await db.outboxMessage.findMany({
        where: { status: "pending", notBefore: { lte: now } }, include: { identity: true }, orderBy: [{ notBefore: "asc" }, { id: "asc" }], take: limit,
      });
      const replacedIds = rows.map((r) => r.replacesId).filter((x): x is number => x !== null);
      const earlier = replacedIds.length > 0
        ? await db.outboxMessage.findMany({ where: { id: { in: replacedIds } }, select: { id: true, externalId: true, status: true } })
        : [];
      const replaced = new Map(earlier.map((r) => [r.id, r.status === "sent" ? r.externalId : null]));
      return rows.map((r) => toRecord(r, r.replacesId ? replaced.get(r.replacesId) ?? null : null));
    },
    async nextDue() {
      const row = await db.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { notBefore: "asc" }, select: { notBefore: true } });
      return row?.notBefore ?? null;
    },
    async claim(id, now, holder, fence) {
      if (fence) {
        // Taken only while the sender's lock is still held by its session: a sender that lost it cannot take one.
        const taken = await db.$executeRawUnsafe(
          `UPDATE "OutboxMessage" SET status = 'inflight', attempts = attempts + 1, "claimedBy" = $2, "updatedAt" = $3
           WHERE id = $1 AND status = 'pending' AND "notBefore" <= $3 AND EXISTS (
             SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
               AND classid = ($4)::int::oid AND objid = ($5)::int::oid AND pid = $6)`,
          id, holder, now, fence.classId, fence.objId, fence.backendPid,
        );
        return taken > 0;
      }
      const taken = await db.outboxMessage.updateMany({
        where: { id, status: "pending", notBefore: { lte: now } }, data: { status: "inflight", attempts: { increment: 1 }, claimedBy: holder, updatedAt: now },
      });
      return taken.count > 0;
    },
    async failPending(id, error) {
      await move(id, "pending", { status: "failed", lastError: clip(error) });
    },
    async partSent(id, partsSent, externalId) {
      await db.outboxMessage.updateMany({ where: { id, status: "inflight" }, data: { partsSent, ...(externalId && { externalId }) } });
    },
    async sent(id, now, externalId, partsSent) {
      await move(id, "inflight", { status: "sent", sentAt: now, partsSent, lastError: null, ...(externalId && { externalId }) });
    },
    async retryLater(id, notBefore, error, partsSent, options = {}) {
      await transact(db, async (tx) => {
        const row = await tx.outboxMessage.findUnique({ where: { id }, select: { identityId: true } });
        const moved = await tx.outboxMessage.updateMany({
          where: { id, status: "inflight" },
          data: { status: "pending", notBefore, partsSent, lastError: clip(error), ...(options.countAttempt === false && { attempts: { decrement: 1 } }) },
        });
        // Later messages to the same person wait too: they never overtake one that is retried.
        if (row && moved.count > 0) {
          await tx.outboxMessage.updateMany({ where: { identityId: row.identityId, status: "pending", id: { gt: id }, notBefore: { lt: notBefore } }, data: { notBefore } });
        }
      });
    },
    async fail(id, error, partsSent) {
      await move(id, "inflight", { status: "failed", partsSent, lastError: clip(error) });
    },
    async markUncertain(id, error, partsSent) {
      await move(id, "inflight", { status: "uncertain", partsSent, lastError: clip(error) });
    },
    async reroute(id, error, partsSent, plan) {
      await transact(db, async (tx) => {
        const status = plan.via ? "rerouted" : "failed";
        const moved = await tx.outboxMessage.updateMany({
          where: { id, status: "inflight" }, data: { status, partsSent, lastError: clip(plan.via ? error : `${CANNOT_REACH}${error}`) },
        });
        if (moved.count > 0) await enqueueIn(tx, [...(plan.via ? [plan.via] : []), ...plan.notices], new Date());
      });
    },
    async refresh(id, reply) {
      await db.outboxMessage.updateMany({ where: { id, status: "pending" }, data: { payload: encodeReply(reply) } });
    },
    async drop(id, reason) {
      await move(id, "pending", { status: "dropped", lastError: reason });
    },
    async failPendingOf(identityId, reason) {
      return (await db.outboxMessage.updateMany({ where: { identityId, status: "pending" }, data: { status: "failed", lastError: clip(reason) } })).count;
    },
    async markOrphansUncertain(holder) {
      return (await db.outboxMessage.updateMany({
        where: { status: "inflight", OR: [{ claimedBy: null }, { claimedBy: { not: holder } }] },
        data: { status: "uncertain", lastError: "the sending process stopped while this message was on its way" },
      })).count;
    },
    async requeue(ids, now) {
      return (await db.outboxMessage.updateMany({ where: { id: { in: [...ids] }, status: { in: ["failed", "uncertain"] } }, data: { status: "pending", notBefore: now } })).count;
    },
    async stats(options = {}) {
      const groups = await db.outboxMessage.groupBy({ by: ["kind", "status"], _count: { _all: true } });
      const byStatus = zeroCounts();
      for (const g of groups) byStatus[g.status as OutboxStatus] += g._count._all;
      const oldest = await db.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      const dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
      for (const g of await db.outboxMessage.groupBy({ by: ["lastError"], where: { status: "dropped" }, _count: { _all: true } })) {
        if (g.lastError && g.lastError in dropped) dropped[g.lastError as DropReason] += g._count._all;
      }
      const problems = await db.outboxMessage.findMany({
        where: { status: { in: ["failed", "uncertain"] } }, include: { identity: true }, orderBy: { updatedAt: "desc" }, take: options.problems ?? 20,
      });
      return {
        byStatus,
        byKind: groups.map((g) => ({ kind: g.kind as OutboxKind, status: g.status as OutboxStatus, count: g._count._all }))
          .sort((a, b) => a.kind.localeCompare(b.kind) || OUTBOX_STATUSES.indexOf(a.status) - OUTBOX_STATUSES.indexOf(b.status)),
        oldestPending: oldest?.createdAt ?? null,
        dropped,
        problems: problems.map((p) => ({
          id: p.id, kind: p.kind as OutboxKind, status: p.status as OutboxStatus, channel: p.identity.channel as ChannelName,
          recipient: p.identity.displayName ?? p.identity.externalId, error: p.lastError, at: p.updatedAt,
        })),
      };
    },
    async broadcastDelivery(broadcastId) {
      const counts = zeroCounts();
      for (const g of await db.outboxMessage.groupBy({ by: ["status"], where: { broadcastId }, _count: { _all: true } })) counts[g.status as OutboxStatus] = g._count._all;
      const unreachable = await db.outboxMessage.count({
        where: { broadcastId, status: "failed", OR: [{ identity: { reachable: false } }, { lastError: { startsWith: CANNOT_REACH } }] },
      });
      const delivered = await db.outboxMessage.findMany({ where: { broadcastId, status: "sent" }, select: { identityId: true } });
      return { counts, unreachable, delivered: delivered.map((d) => d.identityId) };
    },
  };
}
