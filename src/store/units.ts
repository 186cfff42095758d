import type { UnitKindCode, UnitRecord } from "../bot/ports/records.js";
import type { UnitInputRow, UnitRepo } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { transact } from "./transact.js";
import { tagsFromText } from "./json.js";

interface UnitRow {
  id: number;
  provinceId: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  groupCode: string | null;
  tags: string;
  active: boolean;
}

const BATCH = 2_000;

export function toUnit(r: UnitRow): UnitRecord {
  return {
    id: r.id, provinceId: r.provinceId, code: r.code, name: r.name, kind: r.kind as UnitKindCode,
    parentId: r.parentId, groupCode: r.groupCode, tags: tagsFromText(r.tags), active: r.active,
  };
}

export function createUnitRepo(db: Db): UnitRepo {
  return {
    async upsertMany(provinceId, rows, actor) {
      return transact(db, async (tx) => {
        // Bulk work in few statements: one insert for new units, an update only where something changed,
        // and one update per distinct parent (a province's directory may hold thousands of communes).
        const before = new Map((await tx.unit.findMany({ where: { provinceId } })).map((u) => [u.code, u]));
        // A column left out of the file leaves that field as it is (no silent wipe, no implicit reactivation).
        const defined = <T extends object>(o: T): Partial<T> =>
          Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
        const changes = (row: UnitInputRow) => defined({
          name: row.name, kind: row.kind, groupCode: row.groupCode, tags: row.tags === undefined ? undefined : row.tags.join(","), active: row.active,
        });
        const fresh = rows.filter((r) => !before.has(r.code));
        for (let i = 0; i < fresh.length; i += BATCH) {
          await tx.unit.createMany({
            data: fresh.slice(i, i + BATCH).map((r) => ({
              provinceId, code: r.code, name: r.name, kind: r.kind, groupCode: r.groupCode ?? null, tags: (r.tags ?? []).join(","), active: r.active ?? true,
            })),
          });
        }
        let updated = 0;
        for (const row of rows) {
          const old = before.get(row.code);
          if (!old) continue;
          updated += 1;
          const next = changes(row);
          const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => old[k] !== next[k]);
          if (changed) await tx.unit.update({ where: { id: old.id }, data: next });
        }
        const after = fresh.length > 0 ? new Map((await tx.unit.findMany({ where: { provinceId } })).map((u) => [u.code, u])) : before;
        const byParent = new Map<number | null, number[]>();
        for (const row of rows.filter((r) => r.parentCode !== undefined)) {
          const unit = after.get(row.code)!;
          const parentId = row.parentCode ? after.get(row.parentCode)?.id : null;
          if (parentId === undefined) throw new AppError("UNKNOWN_PARENT", `unit ${row.code}: parent ${row.parentCode} does not exist`);
          if (unit.parentId !== parentId) byParent.set(parentId, [...(byParent.get(parentId) ?? []), unit.id]);
        }
        for (const [parentId, ids] of byParent) await tx.unit.updateMany({ where: { id: { in: ids } }, data: { parentId } });
        await audit(tx, actor, "units.import", `province:${provinceId}`, { created: fresh.length, updated, count: rows.length });
        return { created: fresh.length, updated };
      }, { timeout: 120_000, maxWait: 30_000 });
    },
    async list(provinceId, options = {}) {
      const rows = await db.unit.findMany({ where: { provinceId, ...(options.activeOnly && { active: true }) }, orderBy: [{ kind: "asc" }, { code: "asc" }] });
      return rows.map(toUnit);
    },
    async byCode(provinceId, code) {
      const row = await db.unit.findUnique({ where: { provinceId_code: { provinceId, code } } });
      return row ? toUnit(row) : null;
    },
    async byId(id) {
      const row = await db.unit.findUnique({ where: { id } });
      return row ? toUnit(row) : null;
    },
    async addSuccession(fromUnitId, toUnitId, effectiveOn, note, actor) {
      await transact(db, async (tx) => {
        await tx.unitSuccession.upsert({
          where: { fromUnitId_toUnitId: { fromUnitId, toUnitId } },
          create: { fromUnitId, toUnitId, effectiveOn, note },
          update: { effectiveOn, note },
        });
        await tx.unit.update({ where: { id: fromUnitId }, data: { active: false } });
        await audit(tx, actor, "units.succession", `unit:${fromUnitId}`, { toUnitId, effectiveOn: effectiveOn.toISOString(), note });
      });
    },
    async successions(provinceId) {
      const rows = await db.unitSuccession.findMany({ where: { from: { provinceId } }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ fromUnitId: r.fromUnitId, toUnitId: r.toUnitId, effectiveOn: r.effectiveOn, note: r.note }));
    },
  };
}
