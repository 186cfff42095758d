import type { ProvinceRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { transact } from "./transact.js";

export function createProvinceRepo(db: Db): ProvinceRepo {
  const toRecord = (r: { id: number; code: string; name: string }) => ({ id: r.id, code: r.code, name: r.name });
  return {
    async ensure(code, name, actor = "system") {
      const found = await db.province.findUnique({ where: { code } });
      if (found) return toRecord(found);
      return transact(db, async (tx) => {
        const existing = await tx.province.findUnique({ where: { code } });
        if (existing) return toRecord(existing);
        const created = await tx.province.create({ data: { code, name } });
        await audit(tx, actor, "province.create", `province:${created.id}`, { code, name });
        return toRecord(created);
      });
    },
    async byCode(code) {
      const row = await db.province.findUnique({ where: { code } });
      return row ? toRecord(row) : null;
    },
    async list() {
      return (await db.province.findMany({ orderBy: { code: "asc" } })).map(toRecord);
    },
    async assignRuleset(provinceId, { groupCode, groupName, rulesetId }, actor) {
      await transact(db, async (tx) => {
        await tx.provinceRuleset.upsert({
          where: { provinceId_groupCode: { provinceId, groupCode } },
          create: { provinceId, groupCode, groupName, rulesetId },
          update: { rulesetId, groupName },
        });
        await audit(tx, actor, "province.ruleset", `province:${provinceId}`, { groupCode, groupName, rulesetId });
      });
    },
    async rulesets(provinceId) {
      const rows = await db.provinceRuleset.findMany({ where: { provinceId }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ groupCode: r.groupCode, groupName: r.groupName, rulesetId: r.rulesetId }));
    },
  };
}
