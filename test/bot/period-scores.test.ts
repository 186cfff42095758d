import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scorePeriod, snapshotUnits } from "../../src/bot/period-scores.js";
import type { Store } from "../../src/bot/ports/store.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { realCatalog } from "../helpers/real.js";

const NOW = new Date("2026-03-01T03:00:00Z");
let store: Store;
beforeAll(async () => {
  store = await createStore(tempDatabaseUrl());
});
afterAll(() => store.close());

const share = (n: number, d: number) => ({ kind: "share" as const, value: { n, d } });

describe("scoring a period from the store", () => {
  it("ranks each group separately, applies tags, keeps self and reviewed side by side, and averages merged predecessors", async () => {
    const catalog = realCatalog();
    const p = await store.provinces.ensure("t", "Thử nghiệm");
    await store.provinces.assignRuleset(p.id, { groupCode: "so", groupName: "Sở, ngành", rulesetId: "minh-hoa-so-nganh" }, "test");
    await store.provinces.assignRuleset(p.id, { groupCode: "k", groupName: "Không có TTHC", rulesetId: "minh-hoa-so-nganh" }, "test");
    await store.units.upsertMany(p.id, [
      { code: "A", name: "Sở A", kind: "department", groupCode: "so" },
      { code: "B", name: "Sở B", kind: "department", groupCode: "so" },
      { code: "AB", name: "Sở AB (hợp nhất)", kind: "department", groupCode: "so" },
      { code: "K", name: "Đơn vị K", kind: "department", groupCode: "k", tags: ["khong_co_tthc"] },
    ], "test");
    const id = async (code: string) => (await store.units.byCode(p.id, code))!.id;
    await store.units.addSuccession(await id("A"), await id("AB"), new Date("2025-07-01"), null, "test");
    await store.units.addSuccession(await id("B"), await id("AB"), new Date("2025-07-01"), null, "test");
    const period = await store.periods.open({ provinceId: p.id, rulesetId: "minh-hoa-so-nganh", year: 2025, deadlines: [] }, "test");
    const put = (unit: number, item: string, n: number, d: number, review?: { n: number; d: number }) => store.figures.record({
      periodId: period.id, unitId: unit, itemCode: item, rawValue: `${n}/${d}`, figure: share(n, d), status: review ? "reviewed" : "submitted",
      enteredBy: null, enteredByLabel: "test", channel: "cli", ...(review && { reviewFigure: share(review.n, review.d) }),
    }, NOW);
    await put(await id("A"), "6.2", 1, 1);
    await put(await id("B"), "6.2", 1, 2, { n: 0, d: 1 });
    await put(await id("K"), "6.2", 1, 1);
    const outcome = await scorePeriod({ store, catalog }, period.id);
    if (!outcome.ok) throw new Error(outcome.reason);
    const groups = outcome.scores.groups;
    expect(groups.map((g) => [g.groupCode, g.self.units.map((u) => u.unitId)])).toEqual([
      ["so", [String(await id("AB"))]],
      ["k", [String(await id("K"))]],
    ]);
    const ab = groups[0]!.self.units[0]!;
    // Index 6 values: A = 10/30, B = 5/30 → mean 7,5/30.
    expect(ab).toMatchObject({ mergedFrom: [String(await id("A")), String(await id("B"))], total: 7.5, applicableMax: 100 });
    expect(groups[0]!.reviewed.units[0]!.total).toBe(5);
    // K has no administrative procedures: 6.1 and 6.4 leave its maximum.
    expect(groups[1]!.self.units[0]).toMatchObject({ total: 10, applicableMax: 85 });
    const rows = snapshotUnits(outcome.scores);
    expect(rows.find((r) => String(r.unitId) === ab.unitId)).toMatchObject({ total: 5, detail: { selfTotal: 7.5 } });
  });

  it("applies a merger only from its evaluation year, and lets a successor that reported count alone", async () => {
    const catalog = realCatalog();
    const p = await store.provinces.ensure("m", "Sáp nhập");
    await store.provinces.assignRuleset(p.id, { groupCode: "so", groupName: "Sở", rulesetId: "minh-hoa-so-nganh" }, "test");
    await store.units.upsertMany(p.id, [
      { code: "A", name: "A", kind: "department", groupCode: "so" }, { code: "B", name: "B", kind: "department", groupCode: "so" },
      { code: "AB", name: "AB", kind: "department", groupCode: "so" }, { code: "C", name: "C", kind: "department", groupCode: "so" },
    ], "test");
    const id = async (code: string) => (await store.units.byCode(p.id, code))!.id;
    await store.units.addSuccession(await id("A"), await id("AB"), new Date("2025-07-01"), null, "test");
    await store.units.addSuccession(await id("B"), await id("AB"), new Date("2025-07-01"), null, "test");
    const ranked = async (year: number, figures: [string, number][]) => {
      const period = await store.periods.open({ provinceId: p.id, rulesetId: "minh-hoa-so-nganh", year, deadlines: [] }, "test");
      for (const [code, n] of figures) {
        await store.figures.record({ periodId: period.id, unitId: await id(code), itemCode: "6.2", rawValue: `${n}%`, figure: share(n, 100), status: "submitted", enteredBy: null, enteredByLabel: "t", channel: "cli" }, NOW);
      }
      const outcome = await scorePeriod({ store, catalog }, period.id);
      if (!outcome.ok) throw new Error(outcome.reason);
      const names = new Map([["A", await id("A")], ["B", await id("B")], ["AB", await id("AB")], ["C", await id("C")]].map(([k, v]) => [String(v), k as string]));
      return outcome.scores.groups[0]!.self.units.map((u) => `${names.get(u.unitId)}#${u.rank}${u.mergedFrom ? "(merged)" : ""}`);
    };
    // 2024: before the merger, A and B are ranked on their own and AB does not exist yet.
    expect(await ranked(2024, [["A", 100], ["B", 50], ["C", 10]])).toEqual(["A#1", "B#2", "C#3"]);
    // 2025: AB takes the mean of A and B.
    expect(await ranked(2025, [["A", 100], ["B", 50], ["C", 10]])).toEqual(["AB#1(merged)", "C#2"]);
    // 2026: AB reported itself; its predecessors step aside.
    expect(await ranked(2026, [["A", 100], ["AB", 20], ["C", 10]])).toEqual(["AB#1", "C#2"]);
  });

  it("says why a period cannot be scored", async () => {
    expect(await scorePeriod({ store, catalog: realCatalog() }, 999)).toEqual({ ok: false, reason: "unknown_period" });
    const p = await store.provinces.ensure("s", "Cấu trúc");
    const period = await store.periods.open({ provinceId: p.id, rulesetId: "da-nang-2901-so-nganh", year: 2025, deadlines: [] }, "test");
    expect(await scorePeriod({ store, catalog: realCatalog() }, period.id)).toEqual({ ok: false, reason: "structure_only", rulesetId: "da-nang-2901-so-nganh" });
  });
});
