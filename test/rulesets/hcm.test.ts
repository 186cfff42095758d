import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/index.js";
import { describeRule, explainItem, parseFigure, scoreGroup, walk, type Figure, type RulesetNode } from "../../src/scoring/index.js";
import { captured } from "../helpers/cli.js";
import { realCatalog } from "../helpers/real.js";

const ruleset = realCatalog().get("tp-hcm-2026-xa")!;
const node = (code: string): RulesetNode => walk(ruleset).find((n) => n.code === code)!;
const i18n = createI18n();

/** Score one figure as an officer types it; the points and the line that explains them. */
function scored(code: string, typed: string): { points: number; said: string } {
  const parsed = parseFigure(typed, node(code));
  if (!parsed.ok) throw new Error(`${code} = ${typed}: ${parsed.error.code}`);
  const outcome = scoreGroup(ruleset, [{ unitId: "x", figures: new Map<string, Figure>([[code, parsed.figure]]) }]);
  if (!outcome.ok) throw new Error("not scored");
  const item = outcome.result.units[0]!.items.find((i) => i.code === code)!;
  return { points: item.points, said: i18n.explain("vi", explainItem(node(code), item)) };
}

describe("the TP. Hồ Chí Minh ward, commune and special-zone set (2025–2026)", () => {
  it("is shipped whole: 43 items as the list numbers them in 8 main indices, 100 points", () => {
    expect(ruleset).toMatchObject({ completeness: "full", totalPoints: 100, unitKinds: ["commune"], draft: false });
    expect(ruleset.indices.map((i) => [i.code, i.maxPoints])).toEqual([
      ["I", 8], ["II", 10], ["III", 6], ["IV", 10], ["V", 5], ["VI", 45], ["VII", 6], ["VIII", 10],
    ]);
    const items = ruleset.indices.flatMap((i) => i.children.map((c) => c.code));
    expect(items).toEqual(Array.from({ length: 43 }, (_, i) => String(i + 1)));
    for (const n of walk(ruleset).filter((x) => x.children.length === 0)) {
      expect(n.synonyms.length, `${n.code} synonyms`).toBeGreaterThan(0);
      expect(n.howToCount, `${n.code} howToCount`).toBeTruthy();
    }
  });

  it("full points from a threshold, the share itself below it (28: 75 % of dossiers online)", () => {
    expect(scored("28", "80%").points).toBe(5);
    expect(scored("28", "60%")).toEqual({ points: 3, said: "28: 60% × 5 = 3/5 (chưa đạt mức 75%)" });
  });

  it("nothing under a floor, the share above it (12: computers for staff, floor 90 %)", () => {
    expect(scored("12", "95%").points).toBe(0.95);
    expect(scored("12", "85%")).toEqual({ points: 0, said: "12: 85% thấp hơn mức tối thiểu 90% → 0/1" });
    expect(scored("12", "100%").points).toBe(1);
  });

  it("all or nothing (27: business procedures online)", () => {
    expect(scored("27", "99%").points).toBe(0);
    expect(scored("27", "40/40").points).toBe(3);
  });

  it("each quarterly report by its timeliness (7): on time 0,5, late 0,25, missing 0", () => {
    expect(scored("7", "3/4")).toEqual({ points: 1.75, said: "7: 3 báo cáo đúng hạn, 1 báo cáo trễ hạn, 0 báo cáo chưa gửi → 1,75/2" });
    expect(scored("7", "3 đúng hạn, 1 trễ hạn").points).toBe(1.75);
    expect(scored("7", "2/3").points).toBe(1.25);
    expect(scored("7", "4/4").points).toBe(2);
  });

  it("no cases in the year counts as full (36.2: feedback through 1022 handled on time)", () => {
    expect(scored("36.2", "0/0")).toEqual({ points: 2, said: "36.2: trong kỳ không phát sinh trường hợp nào, được tính đủ điểm → 2/2" });
    expect(scored("36.2", "không phát sinh").points).toBe(2);
    expect(scored("36.2", "95/100").points).toBe(1.9);
    expect(scored("36.2", "85/100").points).toBe(0);
    // Where no case is not full, 0/0 is still refused.
    expect(parseFigure("0/0", node("28"))).toMatchObject({ ok: false, error: { code: "zero_denominator" } });
  });

  it("the share of a fixed list of topics (39: 7 topics)", () => {
    expect(scored("39", "dịch vụ công, y tế, thanh toán, mua sắm, mạng xã hội").points).toBe(2.14);
    expect(scored("39", "tất cả").points).toBe(3);
  });

  it("explains each new kind of rule in words, in chat and in dti rulesets show", async () => {
    const words = (code: string) => describeRule(node(code)).map((e) => i18n.explain("vi", e)).join("\n");
    expect(words("7")).toContain("Mỗi báo cáo gửi đúng hạn: 0,5 điểm; gửi trễ hạn: 0,25 điểm; không gửi: 0 điểm (4 báo cáo, tối đa 2 điểm)");
    expect(words("27")).toContain("Đạt 100%: 3 điểm; chưa đạt 100%: 0 điểm.");
    expect(words("12")).toContain("Dưới 90%: 0 điểm.");
    expect(words("28")).toContain("Đạt từ 75% trở lên: 5 điểm; thấp hơn: tỉ lệ đạt được × 5 điểm.");
    expect(words("36.2")).toContain("không phát sinh");
    expect(words("39")).toContain("Điểm = số nội dung đã thực hiện ÷ tổng số nội dung × 3 điểm");
    const { ctx, out } = captured();
    const { showCommand } = await import("../../src/cli/rulesets-show.js");
    expect(showCommand(ctx, "tp-hcm-2026-xa", "7")).toBe(0);
    expect(out.join("\n")).toContain("Mỗi báo cáo gửi đúng hạn");
    // What to type says so: reports on time over reports sent, several topics.
    expect(out.join("\n")).toContain("Số liệu cần nhập: số báo cáo đúng hạn trên số báo cáo đã gửi (ví dụ 3/4)");
    const topics = captured();
    expect(showCommand(topics.ctx, "tp-hcm-2026-xa", "39")).toBe(0);
    expect(topics.out.join("\n")).toContain("Số liệu cần nhập: một hoặc nhiều nội dung trong danh sách");
  });
});
