import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { demoLogins } from "../../src/demo/logins.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { realCatalog } from "../helpers/real.js";

/** The demo the service seeds when it starts empty with no channel: the province as it stands since 1/7/2025. */
describe("the demo province", () => {
  const now = new Date("2026-12-05T03:00:00Z");
  let store: Store;
  beforeAll(async () => {
    store = await createStore(tempDatabaseUrl());
    expect((await seedDemo({ store, catalog: realCatalog(), now })).created).toBe(true);
  });
  afterAll(() => store.close());

  it("has two tiers, no district: TP. Hồ Chí Minh's departments, central agencies, and a slice of its wards, communes and special zone", async () => {
    const province = (await store.provinces.byCode("ho-chi-minh"))!;
    expect(province.name).toBe("TP. Hồ Chí Minh");
    const units = await store.units.list(province.id, { activeOnly: false });
    expect(units.some((u) => u.kind === "district")).toBe(false);
    const local = units.filter((u) => u.kind === "commune").map((u) => u.name);
    expect(local).toEqual(expect.arrayContaining(["UBND phường Sài Gòn", "UBND xã Cần Giờ", "UBND đặc khu Côn Đảo"]));
    expect(units.find((u) => u.code === "S01")?.name).toBe("Sở Khoa học và Công nghệ");
    const admin = await store.people.holders(province.id, null, "admin");
    expect(admin.map((p) => p.fullName)).toEqual(["Quản trị Sở Khoa học và Công nghệ"]);
  });

  it("scores the wards with the city's own set and the departments with the illustrative set, said to be illustrative", async () => {
    const province = (await store.provinces.byCode("ho-chi-minh"))!;
    const periods = await store.periods.list(province.id);
    expect(periods.map((p) => p.rulesetId).sort()).toEqual(["minh-hoa-so-nganh", "tp-hcm-2026-xa"]);
    expect(realCatalog().get("minh-hoa-so-nganh")!.illustrative).toBe(true);
    const scores = createScoreCache({ store, catalog: realCatalog() });
    const wards = periods.find((p) => p.rulesetId === "tp-hcm-2026-xa")!;
    const outcome = await scores.get(wards.id);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const group = outcome.scores.groups.find((g) => g.groupCode === "xa-phuong-dac-khu")!;
    expect(group.self.units.length).toBe(14);
    // Figures of the city's own kinds of rule were sent and score: reports by timeliness (7), the no-floor ratio (28).
    const codes = new Set(outcome.scores.figures.map((f) => f.itemCode));
    expect(codes.has("7") && codes.has("28")).toBe(true);
    expect(group.self.units.some((u) => u.total > 0)).toBe(true);
  });

  it("keeps live work: an open period of the current evaluation year, every deadline after today", async () => {
    const province = (await store.provinces.byCode("ho-chi-minh"))!;
    for (const period of await store.periods.list(province.id)) {
      expect(period).toMatchObject({ year: 2026, status: "open" });
      for (const d of period.deadlines) expect(d.dueAt.getTime()).toBeGreaterThan(now.getTime());
    }
  });

  it("offers people of both tiers to chat as in the terminal, the admin by the department's own title", async () => {
    const labels = (await demoLogins(store, () => now)).map((l) => l.label);
    expect(labels[0]).toMatch(/^Cán bộ nhập liệu — Sở Y tế \(/);
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^Lãnh đạo — UBND phường Sài Gòn \(/), "Quản trị Sở Khoa học và Công nghệ"]));
    expect(labels.some((l) => l.includes("Đặc khu") || l.includes("đặc khu Côn Đảo"))).toBe(true);
  });
});
