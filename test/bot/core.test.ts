import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAIN, renderReply } from "../../src/bot/render.js";
import { chatFixture, chatPerson, withClock, type ChatFixture } from "../helpers/chat.js";

/**
 * The core's handlers through `core.handle`, on the demo province: the cases
 * the contract suite does not walk through (edits, withdrawals, gaps, locks,
 * stale confirmations, malformed input, wrong roles).
 */
describe("chat core", () => {
  let fixture: ChatFixture;
  let updateId = 0;
  beforeAll(async () => {
    fixture = await chatFixture();
  });
  afterAll(() => fixture.close());

  /** Someone on the console channel; returns what they see as plain text, and the buttons' actions. */
  const person = (userId: string) => chatPerson(() => fixture, userId, "Thử Nghiệm");
  const officerOf = async (userId: string, unitCode: string) => {
    const p = person(userId);
    await p.say(`/start ${await fixture.invite("officer", unitCode)}`);
    return p;
  };
  const history = async (unitCode: string, item: string) => {
    const unit = (await fixture.store.units.byCode(1, unitCode))!;
    return fixture.store.figures.history(1, unit.id, item);
  };

  it("edits a figure with /sua and keeps the earlier value in the history", async () => {
    const officer = await officerOf("c1", "S02");
    const before = (await history("S02", "6.2")).length;
    const preview = await officer.say("/sua 6.2 = 40%");
    expect(preview).toContain("• 6.2: 40% × 10 = 4/10");
    expect(preview).toMatch(/Tổng điểm tạm tính: [\d,]+ → [\d,]+\/100 \([−+][\d,]+\)/);
    expect(await officer.tap("ok:")).toContain("Đã ghi 1 số liệu");
    const revisions = await history("S02", "6.2");
    expect(revisions).toHaveLength(before + 1);
    expect(revisions.map((r) => r.rawValue)).toContain("40%");
  });

  it("withdraws a figure with /huy after confirmation; the item is then missing", async () => {
    const officer = await officerOf("c2", "S03");
    expect(await officer.say("/huy")).toContain("Xin vui lòng ghi mã chỉ số cần rút, ví dụ: /huy ");
    // A withdrawal is previewed like any change: what goes, what it was worth, and the total after.
    expect(await officer.say("/huy 6.2")).toMatch(/^Xin xác nhận 1 số liệu của Sở .+\n• 6\.2\. Văn bản điện tử được ký số: rút số liệu\n↳ trước: .+ — [\d,]+ điểm\nTổng điểm tạm tính: /);
    expect(await officer.tap("ok:")).toMatch(/rút/i);
    expect(await officer.say("/thieu")).toContain("6.2");
    expect((await history("S03", "6.2")).length).toBeGreaterThan(1);
  });

  it("says what it takes to reach the next class", async () => {
    const officer = await officerOf("c3", "S16");
    expect(await officer.say("/muctieu")).toMatch(/Để đạt loại .+ \(từ \d+ điểm\), đơn vị cần thêm [\d,]+ điểm\.[\s\S]*• \d+\.\d+ .+: [\d,]+\/\d+ → \+[\d,]+ điểm/);
  });

  it("explains how to submit when /nop comes without figures, and each kind of malformed figure", async () => {
    const officer = await officerOf("c4", "S04");
    expect(await officer.say("/nop")).toContain("Cách nộp số liệu: mỗi dòng một chỉ số, theo dạng «mã = giá trị».");
    expect(await officer.say("6.2 = 140%")).toContain("140 nằm ngoài khoảng cho phép (từ 0 đến 100).");
    expect(await officer.say("6.2 = abc")).toContain("Số liệu chưa đúng định dạng. Chỉ số này cần tỉ lệ phần trăm");
    expect(await officer.say("6.3 = 600/508")).toMatch(/Dòng 1 \(6\.3 = «600\/508»\)/);
    expect(await officer.say("99.9 = 5")).toMatch(/99\.9/);
  });

  it("refuses a confirmation tapped after the deadline passed, and records nothing", async () => {
    const officer = await officerOf("c5", "S05");
    // Previewed ten minutes before the deadline (end of 30/11/2026, Vietnam time), tapped five minutes after it.
    expect(await withClock(fixture, "2026-11-30T16:50:00Z", () => officer.say("6.2 = 12%"))).toContain("• 6.2: 12% × 10 = 1,2/10");
    const answer = await withClock(fixture, "2026-11-30T17:05:00Z", () => officer.tap("ok:"));
    expect(answer).toContain("Đã quá hạn nộp số liệu");
    expect(answer).not.toMatch(/null|undefined|\{\s*\$/);
    expect((await history("S05", "6.2")).some((h) => h.rawValue === "12%")).toBe(false);
  });

  it("lets a reopened unit submit after the deadline, until the reopening ends", async () => {
    const officer = await officerOf("c6", "S06");
    const unit = (await fixture.store.units.byCode(1, "S06"))!;
    const [period] = await fixture.store.periods.list(1);
    await fixture.store.periods.reopen({ periodId: period!.id, unitId: unit.id, until: new Date("2026-12-10T16:59:59Z"), reason: "bổ sung minh chứng" }, "test");
    await withClock(fixture, "2026-12-05T03:00:00Z", async () => {
      expect(await officer.say("6.2 = 66%")).toContain("Xin xác nhận 1 số liệu");
      expect(await officer.tap("ok:")).toContain("Đã ghi 1 số liệu");
    });
    await withClock(fixture, "2026-12-11T03:00:00Z", async () => {
      expect(await officer.say("6.2 = 67%")).toContain("Đã quá hạn nộp số liệu");
    });
  });

  it("a stale or foreign confirmation changes nothing", async () => {
    const officer = await officerOf("c7", "S07");
    await officer.say("6.2 = 33%");
    const action = officer.actions().find((a) => a.startsWith("ok:"))!;
    // Someone else taps the same button (forwarded message, group chat).
    const other = await officerOf("c8", "S07");
    const stolen = await fixture.core.handle({ channel: "console", updateId: String(++updateId), userId: "c8", chatId: "c8", chatType: "private", action, at: fixture.clock.now });
    expect(stolen.tap).toBe("not_yours");
    expect(renderReply(fixture.i18n, "vi", stolen.replies[0]!, PLAIN).text).toBe("Nút này thuộc yêu cầu của người khác; Anh/Chị không thao tác được.");
    // The owner taps two days later: it has expired.
    const late = await withClock(fixture, "2026-11-23T04:00:00Z", () => officer.tap("ok:"));
    expect(late).toContain("Yêu cầu này đã được xử lý hoặc đã hết hạn");
    expect((await history("S07", "6.2")).some((h) => h.rawValue === "33%")).toBe(false);
    expect(await other.say("/toi")).toContain("cán bộ nhập liệu");
  });

  it("a leader approves exactly what was shown, for the unit it was shown for", async () => {
    const leader = person("c20");
    await leader.say(`/start ${await fixture.invite("leader", "S12")}`);
    await leader.say(`/start ${await fixture.invite("leader", "S14")}`);
    const officer = await officerOf("c21", "S12");
    await officer.say("6.2 = 21%");
    await officer.tap("ok:");
    await leader.say("/donvi S12");
    const shown = await leader.say("/duyet");
    expect(shown).toMatch(/Phê duyệt \d+ số liệu của Sở .+\?[\s\S]*• 6\.2 Văn bản điện tử được ký số: 21% — 2,1\/10 điểm/);
    // In code order, with the unit's total.
    const codes = [...shown.matchAll(/^• (\d+(?:\.\d+)*) /gm)].map((m) => m[1]!);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, "vi", { numeric: true })));
    expect(shown).toMatch(/Tổng điểm tạm tính của đơn vị hiện nay: [\d,]+\/\d+\./);
    // After the preview: the officer changes 6.2, and the leader switches to the other unit before tapping.
    await officer.say("6.2 = 22%");
    await officer.tap("ok:");
    await leader.say("/donvi S14");
    const answer = await leader.tap("ok:");
    const s12 = (await fixture.store.units.byCode(1, "S12"))!;
    expect(answer).toContain(`của ${s12.name}.`);
    expect(answer).toMatch(/1 số liệu đã thay đổi sau khi Anh\/Chị xem \(6\.2\) nên chưa được phê duyệt/);
    const latest = (await history("S12", "6.2")).at(-1)!;
    expect(latest).toMatchObject({ rawValue: "22%", status: "submitted" });
    const s14 = (await fixture.store.units.byCode(1, "S14"))!;
    expect((await fixture.store.figures.currentForUnit(1, s14.id)).some((f) => f.status === "approved")).toBe(false);
  });

  it("leaders approve until their own deadline, after the officers' has passed", async () => {
    const leader = person("c22");
    await leader.say(`/start ${await fixture.invite("leader", "S15")}`);
    // The demo's submission deadline is 30/11/2026, the leaders' approval 03/12/2026.
    await withClock(fixture, "2026-12-02T03:00:00Z", async () => {
      expect(await leader.say("/duyet")).toMatch(/Phê duyệt \d+ số liệu/);
      expect(await leader.tap("ok:")).toMatch(/Đã phê duyệt \d+ số liệu/);
    });
    await withClock(fixture, "2026-12-04T03:00:00Z", async () => {
      expect(await leader.say("/duyet")).toContain("Đã quá hạn lãnh đạo phê duyệt số liệu (03/12/2026)");
    });
  });

  it("keeps wrong roles out: an officer cannot approve, a stranger cannot see a score", async () => {
    const officer = await officerOf("c9", "S08");
    expect(await officer.say("/duyet")).toMatch(/lãnh đạo/i);
    const stranger = person("c10");
    expect(await stranger.say("/diem")).toContain("Tài khoản của Anh/Chị chưa được gắn với đơn vị nào.");
    expect(await stranger.say("/xephang")).toContain("Tài khoản của Anh/Chị chưa được gắn với đơn vị nào.");
  });

  it("keeps a person's private chat for pushes when they also write in a group", async () => {
    await officerOf("c13", "S11");
    await fixture.core.handle({ channel: "console", updateId: String(++updateId), userId: "c13", chatId: "-100500", chatType: "group", text: "/xephang", addressed: true, at: fixture.clock.now });
    expect((await fixture.store.identities.find("console", "c13"))!.chatId).toBe("c13");
  });

  it("answers an unknown command with the list of commands", async () => {
    const officer = await officerOf("c11", "S09");
    const answer = await officer.say("/xyz");
    expect(answer).toContain("/xyz");
    expect(answer).toContain("/nop — nộp số liệu");
  });

  it("speaks English to a newcomer whose app is in English, and keeps Vietnamese once they choose it", async () => {
    const say = async (text: string) => {
      const answer = await fixture.core.handle({
        channel: "console", updateId: String(++updateId), userId: "c30", chatId: "c30", chatType: "private", text, languageHint: "en-US", at: fixture.clock.now,
      });
      return renderReply(fixture.i18n, answer.locale, answer.replies[0]!, PLAIN).text;
    };
    expect(await say("/start")).toContain("invite code");
    expect(await say("/ngonngu vi")).toContain("Đã chuyển sang Tiếng Việt.");
    expect(await say("/start")).toContain("xin vui lòng nhập mã mời do Sở cấp");
  });

  it("answers in English after /ngonngu en, with dates still dd/mm/yyyy", async () => {
    const officer = await officerOf("c12", "S10");
    await officer.say("/ngonngu en");
    expect(await officer.say("/hanchot")).toMatch(/Submission deadline: 30\/11\/2026/);
  });
});
