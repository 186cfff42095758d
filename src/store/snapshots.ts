import type { SnapshotDetail, SnapshotKind, SnapshotRecord, SnapshotUnitRecord } from "../bot/ports/records.js";
import type { SnapshotRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import { usePending } from "./chat-state.js";
import type { Db, Prisma, Tx } from "./client.js";
import { enqueueIn } from "./outbox.js";
import { transact } from "./transact.js";

type UnitRow = {
  unitId: number; groupCode: string; rank: number; total: string; max: string; value: string; classId: string | null; detail: string;
};

const toUnit = (r: UnitRow): SnapshotUnitRecord => ({
  unitId: r.unitId, groupCode: r.groupCode, rank: r.rank, total: Number(r.total), max: Number(r.max), value: Number(r.value),
  classId: r.classId, detail: JSON.parse(r.detail) as SnapshotDetail,
});

async function saveIn(tx: Tx, periodId: number, kind: SnapshotKind, units: readonly SnapshotUnitRecord[], actor: string, now?: Date) {
  const snapshot = await tx.scoreSnapshot.create({ data: { periodId, kind, createdBy: actor, ...(now && { createdAt: now }) } });
  await tx.scoreSnapshotUnit.createMany({
    data: units.map((u) => ({
      snapshotId: snapshot.id, unitId: u.unitId, groupCode: u.groupCode, rank: u.rank, total: String(u.total), max: String(u.max),
      value: String(u.value), classId: u.classId, detail: JSON.stringify(u.detail),
    })),
  });
  await audit(tx, actor, "snapshot.save", `period:${periodId}`, { snapshotId: snapshot.id, kind, units: units.length });
  return snapshot;
}

export function createSnapshotRepo(db: Db): SnapshotRepo {
  return {
    async save(periodId, kind, units, actor) {
      return transact(db, async (tx) => {
        const snapshot = await saveIn(tx, periodId, kind, units, actor);
        return { id: snapshot.id, periodId, kind, createdBy: actor, createdAt: snapshot.createdAt, units: [...units] };
      });
    },
    async saveAndNotify(input) {
      return transact(db, async (tx) => {
        if (input.pending && !(await usePending(tx, input.pending.id, input.pending.identityId, input.now))) return { ok: false, reason: "pending_gone" } as const;
        if (input.status) {
          const before = await tx.period.findUniqueOrThrow({ where: { id: input.periodId } });
          await tx.period.update({ where: { id: input.periodId }, data: { status: input.status } });
          await audit(tx, input.actor, "period.status", `period:${input.periodId}`, { from: before.status, to: input.status });
        }
        if (input.audit) await audit(tx, input.actor, input.audit.action, `period:${input.periodId}`, input.audit.details);
        const snapshot = await saveIn(tx, input.periodId, input.kind, input.units, input.actor, input.now);
        const fileIds: number[] = [];
        for (const f of input.files ?? []) {
          fileIds.push((await tx.outboxFile.create({ data: { kind: f.kind, filename: f.filename, data: Buffer.from(f.data) } })).id);
        }
        const queued = await enqueueIn(tx, input.messages(snapshot.id, fileIds), input.now);
        return { ok: true, snapshotId: snapshot.id, queued } as const;
      }, { timeout: 120_000, maxWait: 30_000 });
    },
    latest: (periodId, kind) => latestWhere(periodId, kind, {}),
    previous: (periodId, kind, beforeId) => latestWhere(periodId, kind, { id: { lt: beforeId } }),
    async list(periodId) {
      const rows = await db.scoreSnapshot.findMany({ where: { periodId }, orderBy: { id: "asc" } });
      return rows.map((r): Omit<SnapshotRecord, "units"> => ({
        id: r.id, periodId, kind: r.kind as SnapshotKind, createdBy: r.createdBy, createdAt: r.createdAt,
      }));
    },
  };

  async function latestWhere(periodId: number, kind: SnapshotKind, extra: Prisma.ScoreSnapshotWhereInput): Promise<SnapshotRecord | null> {
    const row = await db.scoreSnapshot.findFirst({
      where: { periodId, kind, ...extra }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { units: { orderBy: { id: "asc" } } },
    });
    if (!row) return null;
    const kind2 = row.kind as SnapshotKind;
    return { id: row.id, periodId, kind: kind2, createdBy: row.createdBy, createdAt: row.createdAt, units: row.units.map(toUnit) };
  }
}
