import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFigure } from "../../src/scoring/index.js";
import { chatFixture, chatPerson, type ChatFixture } from "../helpers/chat.js";
import { realCatalog } from "../helpers/real.js";

const vn = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);

/**
 * After publication there is one result: what the department published
 * (reviewed scores, classes, ranks). What a unit's people are told by /diem,
 * /xephang, /muctieu, /hanchot and /thieu is checked against the published
 * snapshot in the store, not against the provisional self-scores.
 */
describe("after publication", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  const join = async (userId: string, role: "officer" | "leader" | "admin", unit: string | null) => {
    const p = chatPerson(() => fixture, userId);
    await p.say(`/start ${await fixture.invite(role, unit)}`);
    return p;
  };

  it("answers with the published result, says the period is closed, and never compares it with self-scores", async () => {
    const officer = await join("p1", "officer", "S19");
    const leader = await join("p2", "leader", "S19");
    const admin = await join("p3", "admin", null);
    const unit = (await fixture.store.units.byCode(1, "S19"))!;
    expect(await leader.say("/diem")).toContain("Tổng điểm tạm tính");

    // A reviewer sets 6.2 of Sở Y tế to 0 %: the reviewed total is below the unit's own.
    const node = realCatalog().item("minh-hoa-so-nganh", "6.2")!;
    const zero = parseFigure("0%", node);
    if (!zero.ok) throw new Error("parse");
    const current = (await fixture.store.figures.currentForUnit(1, unit.id)).find((f) => f.itemCode === "6.2");
    await fixture.store.figures.record({
      periodId: 1, unitId: unit.id, itemCode: "6.2", rawValue: current?.rawValue ?? "85%", figure: current?.figure ?? zero.figure, status: "reviewed",
      enteredBy: null, enteredByLabel: "Cán bộ thẩm định", channel: "cli", reviewFigure: zero.figure,
    }, fixture.clock.now, { force: true });

    await admin.say("/congbo");
    await admin.tap(/^pub:1$/);
    expect(await admin.tap(/^ok:/)).toMatch(/^Đã công bố kết quả năm 2025\./);
    const snapshot = (await fixture.store.snapshots.latest(1, "published"))!;
    const own = snapshot.units.find((u) => u.unitId === unit.id)!;
    const group = snapshot.units.filter((u) => u.groupCode === own.groupCode).sort((a, b) => a.rank - b.rank);
    expect(own.total).toBeLessThan(own.detail.selfTotal);

    const score = await leader.say("/diem");
    expect(score).toMatch(new RegExp(`^${unit.name} — kết quả chính thức năm 2025\\nKết quả do Sở công bố ngày \\d{2}/\\d{2}/\\d{4}; kỳ đánh giá đã kết thúc`));
    expect(score).toContain(`Tổng điểm chính thức: ${vn(own.total)}/${vn(own.max)}`);
    expect(score).toContain(`Xếp thứ ${own.rank}/${group.length} trong nhóm`);
    expect(score).not.toMatch(/tạm tính|So với/);

    const ranking = (await leader.say("/xephang")).split("\n");
    expect(ranking[0]).toMatch(/^Xếp hạng chính thức nhóm .+, năm 2025 \(\d+ đơn vị\):$/);
    const rows = ranking.filter((l) => /^\d+\. /.test(l));
    expect(rows.map((r) => Number(/^(\d+)\./.exec(r)![1]))).toEqual(group.map((u) => u.rank));
    expect(rows.find((r) => r.endsWith("◀"))).toMatch(new RegExp(`^${own.rank}\\. ${unit.name} — ${vn(own.total)}/`));
    expect(await officer.say("/xephang")).toContain(`${unit.name} xếp thứ ${own.rank}/${group.length} với ${vn(own.total)} điểm.`);

    expect(await leader.say("/hanchot")).toMatch(/^Kỳ đánh giá năm 2025 đã công bố kết quả chính thức ngày \d{2}\/\d{2}\/\d{4}; .+ không còn thời hạn nào/);
    expect(await leader.say("/muctieu")).toMatch(/^Kết quả năm 2025 đã được công bố chính thức ngày/);
    expect(await officer.say("/thieu")).toMatch(/^Kết quả kỳ đánh giá năm 2025 đã được công bố chính thức ngày .+; kỳ này không còn nhận số liệu\./);
    expect(await officer.say("điểm 6.2 của sở em")).toMatch(new RegExp(`^6\\.2\\. .+ — ${unit.name}: 0/10 điểm \\(kết quả chính thức đã công bố\\)`));
  });

  it("says what a cancelled publication or announcement did not do", async () => {
    const admin = await join("p9", "admin", null);
    await admin.say("/thongbao Kính gửi các đơn vị: họp giao ban chuyển đổi số lúc 8 giờ thứ Hai.");
    expect(await admin.tap(/^no:/)).toBe("Đã huỷ; chưa gửi thông báo.");
    await admin.say("/congbo");
    await admin.tap(/^pub:/);
    expect(await admin.tap(/^no:/)).toBe("Đã huỷ; chưa công bố kết quả.");
  });
});
