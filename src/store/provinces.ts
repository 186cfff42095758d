import type { ProvinceRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";

export function createProvinceRepo(db: Db): ProvinceRepo {
  const toRecord = (r: { id: number; code: string; name: string }) => ({ id: r.id, code: r.code, name: r.name });
  return {
    async ensure(code, name) {
      return toRecord(await db.province.upsert({ where: { code }, create: { code, name }, update: {} }));
    },
    async byCode(code) {
      const row = await db.province.findUnique({ where: { code } });
      return row ? toRecord(row) : null;
    },
    async list() {
      return (await db.province.findMany({ orderBy: { code: "asc" } })).map(toRecord);
    },
    async assignRuleset(provinceId, { groupCode, groupName, rulesetId }, actor) {
      await db.$transaction(async (tx) => {
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
