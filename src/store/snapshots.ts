import type { SnapshotDetail, SnapshotKind, SnapshotRecord, SnapshotUnitRecord } from "../bot/ports/records.js";
import type { SnapshotRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { transact } from "./transact.js";

type UnitRow = {
  unitId: number; groupCode: string; rank: number; total: string; max: string; value: string; classId: string | null; detail: string;
};

const toUnit = (r: UnitRow): SnapshotUnitRecord => ({
  unitId: r.unitId, groupCode: r.groupCode, rank: r.rank, total: Number(r.total), max: Number(r.max), value: Number(r.value),
  classId: r.classId, detail: JSON.parse(r.detail) as SnapshotDetail,
});

export function createSnapshotRepo(db: Db): SnapshotRepo {
  return {
    async save(periodId, kind, units, actor) {
      return transact(db, async (tx) => {
        const snapshot = await tx.scoreSnapshot.create({ data: { periodId, kind, createdBy: actor } });
        await tx.scoreSnapshotUnit.createMany({
          data: units.map((u) => ({
            snapshotId: snapshot.id, unitId: u.unitId, groupCode: u.groupCode, rank: u.rank, total: String(u.total), max: String(u.max),
            value: String(u.value), classId: u.classId, detail: JSON.stringify(u.detail),
          })),
        });
        await audit(tx, actor, "snapshot.save", `period:${periodId}`, { snapshotId: snapshot.id, kind, units: units.length });
        return { id: snapshot.id, periodId, kind, createdBy: actor, createdAt: snapshot.createdAt, units: [...units] };
      });
    },
    async latest(periodId, kind) {
      const row = await db.scoreSnapshot.findFirst({
        where: { periodId, kind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { units: { orderBy: { id: "asc" } } },
      });
      if (!row) return null;
      const kindOf = row.kind as SnapshotKind;
      return { id: row.id, periodId, kind: kindOf, createdBy: row.createdBy, createdAt: row.createdAt, units: row.units.map(toUnit) };
    },
    async list(periodId) {
      const rows = await db.scoreSnapshot.findMany({ where: { periodId }, orderBy: { id: "asc" } });
      return rows.map((r): Omit<SnapshotRecord, "units"> => ({ id: r.id, periodId, kind: r.kind as SnapshotKind, createdBy: r.createdBy, createdAt: r.createdAt }));
    },
  };
}
