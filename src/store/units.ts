import type { UnitKindCode, UnitRecord } from "../bot/ports/records.js";
import type { UnitRepo } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
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

export function toUnit(r: UnitRow): UnitRecord {
  return {
    id: r.id, provinceId: r.provinceId, code: r.code, name: r.name, kind: r.kind as UnitKindCode,
    parentId: r.parentId, groupCode: r.groupCode, tags: tagsFromText(r.tags), active: r.active,
  };
}

export function createUnitRepo(db: Db): UnitRepo {
  return {
    async upsertMany(provinceId, rows, actor) {
      return db.$transaction(async (tx) => {
        const known = await tx.unit.findMany({ where: { provinceId }, select: { id: true, code: true } });
        const existing = new Map(known.map((u) => [u.code, u.id]));
        let created = 0;
        let updated = 0;
        const ids = new Map(existing);
        for (const row of rows) {
          const data = {
            name: row.name, kind: row.kind, groupCode: row.groupCode ?? null, tags: (row.tags ?? []).join(","), active: row.active ?? true,
          };
          const unit = await tx.unit.upsert({
            where: { provinceId_code: { provinceId, code: row.code } },
            create: { provinceId, code: row.code, ...data },
            update: data,
          });
          if (existing.has(row.code)) updated += 1;
          else created += 1;
          ids.set(row.code, unit.id);
        }
        // Parents second, so a batch may list a commune before its district.
        for (const row of rows) {
          const parentId = row.parentCode ? ids.get(row.parentCode) : null;
          if (parentId === undefined) throw new AppError("UNKNOWN_PARENT", `unit ${row.code}: parent ${row.parentCode} does not exist`);
          await tx.unit.update({ where: { id: ids.get(row.code)! }, data: { parentId } });
        }
        await audit(tx, actor, "units.import", `province:${provinceId}`, { created, updated, codes: rows.map((r) => r.code) });
        return { created, updated };
      });
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
      await db.$transaction(async (tx) => {
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
