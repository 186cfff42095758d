import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatFixture, chatPerson, type ChatFixture } from "../helpers/chat.js";
import { deliverToConsole } from "../helpers/delivery.js";

/**
 * Nothing an officer does is undone or lost without their being told: a
 * figure sent while a preview waits joins it; a change shows what it
 * replaces; evidence typed with a figure goes with its new value (unless the
 * officer drops it); a reviewer's correction is set aside only visibly, and
 * the reviewer hears of it.
 */
describe("changing figures in chat, one message at a time", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());
  const person = (userId: string) => chatPerson(() => fixture, userId, `Người ${userId}`);
  const join = async (userId: string, role: "officer" | "leader" | "reviewer", unit: string) => {
    const p = person(userId);
    await p.say(`/start ${await fixture.invite(role, unit)}`);
    return p;
  };
  const history = async (unitCode: string, item: string) => {
    const unit = (await fixture.store.units.byCode(1, unitCode))!;
    return fixture.store.figures.history(1, unit.id, item);
  };

  it("joins a second figure sent while a preview waits into one preview, so confirming the latest records both", async () => {
    const officer = await join("j1", "officer", "S05");
    await officer.say("6.2 = 70%");
    const first = officer.actions().find((a) => a.startsWith("ok:"))!;
    const joined = await officer.say("6.3 = 400/508");
    expect(joined).toMatch(/^Xin xác nhận 2 số liệu của Sở .+ \(gồm 1 số liệu Anh\/Chị gửi trước đó, chưa xác nhận\):/);
    expect(joined).toContain("• 6.2: 70% × 10 = 7/10");
    expect(joined).toMatch(/• 6\.3: 400\/508/);
    // The earlier preview's button says where its figure went, and records nothing on its own.
    expect(await officer.act(first)).toContain("đã được gộp vào một xem trước mới hơn");
    expect(await officer.tap(/^ok:/)).toContain("Đã ghi 2 số liệu");
    expect((await history("S05", "6.2")).at(-1)!.rawValue).toBe("70%");
    expect((await history("S05", "6.3")).at(-1)!.rawValue).toBe("400/508");
  });

  it("shows what a change replaces, and that an item needs evidence it does not have", async () => {
    const officer = await join("j2", "officer", "S10");
    const current = (await history("S10", "6.2")).at(-1)!;
    expect(await officer.say("6.2 = 59%")).toMatch(new RegExp(`↳ trước: ${current.rawValue!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — [\\d,]+ điểm`));
    await officer.tap(/^no:/);
    // 1.2 demands evidence (its rule says so); this unit has none for it yet.
    const fresh = await join("j2b", "officer", "S06");
    expect(await fresh.say("1.2 = 3")).toMatch(/↳ chỉ số này cần minh chứng: gửi ảnh hoặc tệp PDF kèm chú thích «1\.2»/);
  });

  it("keeps the evidence typed with a figure when the figure changes, unless the officer drops it", async () => {
    const officer = await join("j3", "officer", "S07");
    await officer.say("/minhchung 6.3 15/BC-UBND - 02/03/2026: Báo cáo họp không giấy");
    await officer.say("6.3 = 300/508");
    const typedBefore = (await history("S07", "6.3")).at(-1)!.evidence;
    const preview = await officer.say("/sua 6.3 = 320/508");
    expect(preview).toMatch(/↳ minh chứng đi kèm: .+ — vẫn dùng cho số liệu mới/);
    await officer.tap(/^ok:/);
    expect((await history("S07", "6.3")).at(-1)!.evidence).toEqual(typedBefore);
    await officer.say("/sua 6.3 = 330/508");
    await officer.tap(/^okd:/);
    expect((await history("S07", "6.3")).at(-1)!.evidence).toEqual([]);
  });

  it("shows a reviewer's correction in the preview of a figure sent again, and tells the reviewer once it is recorded", async () => {
    const reviewer = await join("j4r", "reviewer", "S08");
    const officer = await join("j4o", "officer", "S09");
    await deliverToConsole(fixture.store);
    expect(await reviewer.say("/thamdinh sua S09 6.2 = 40% | Chỉ 40% văn bản có ký số hợp lệ")).toContain("Đã sửa số liệu chỉ số 6.2");
    await deliverToConsole(fixture.store);
    const preview = await officer.say("6.2 = 90%");
    expect(preview).toMatch(/↳ đã được thẩm định \(.+\): số liệu 40%, lý do: Chỉ 40% văn bản có ký số hợp lệ\. Gửi lại sẽ thay kết quả thẩm định/);
    const saved = await officer.tap(/^ok:/);
    expect(saved).toContain("người thẩm định đã được báo để xem lại");
    const told = await deliverToConsole(fixture.store);
    expect(told).toMatch(/đã gửi lại số liệu chỉ số 6\.2 \(người gửi: Người j4o\) sau khi Anh\/Chị thẩm định/);
    expect(told).toContain("/thamdinh S09 6.2");
  });
});
