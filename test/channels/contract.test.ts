import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatFixture, type ChatFixture } from "../helpers/chat.js";
import { consoleDriver, telegramDriver, zaloDriver, type ChatDriver, type Seen } from "../helpers/drivers.js";

const all = (seen: Seen[]) => seen.map((s) => s.text).join("\n");

/**
 * The contract every channel passes: the same conversations give the same
 * answers, whatever carries them.
 */
describe.each([
  ["console", consoleDriver],
  ["telegram", telegramDriver],
  ["zalo", zaloDriver],
] as const)("chat contract on %s", (_name, makeDriver) => {
  let fixture: ChatFixture;
  let driver: ChatDriver;
  beforeAll(async () => {
    fixture = await chatFixture();
    driver = await makeDriver(fixture);
  });
  afterAll(async () => {
    await driver.close();
    await fixture.close();
  });

  it("greets a stranger, explains invite codes, and refuses a wrong code", async () => {
    const stranger = await driver.user("9001", "Người lạ");
    expect(all(await stranger.send("/start"))).toContain("xin vui lòng nhập mã mời do Sở cấp");
    expect(all(await stranger.send("/start KHONGDUNG1"))).toContain("Mã mời không đúng");
  });

  it("lets a stranger ask about indicators but not submit", async () => {
    const stranger = await driver.user("9002", "Người lạ");
    expect(all(await stranger.send("chỉ số 4.14 là gì"))).toContain("4.14. Họp không giấy");
    expect(all(await stranger.send("6.2 = 85%"))).toContain("Tài khoản của Anh/Chị chưa được gắn với đơn vị nào.");
  });

  it("joins with a code, says who the person is, answers three kinds of question", async () => {
    const officer = await driver.user("9003", "Nguyễn Văn Thử");
    const code = await fixture.invite("officer", "S19");
    const joined = all(await officer.send(`/start ${code}`));
    expect(joined).toMatch(/Kính chào .+, tài khoản đã được gắn thành công\./);
    expect(joined).toContain("Vai trò: cán bộ nhập liệu — Sở Y tế.");
    expect(all(await officer.send("/toi"))).toContain("• cán bộ nhập liệu: Sở Y tế");
    // By code, by name (without diacritics, with a typo), and about the ruleset itself.
    expect(all(await officer.send("chỉ số 6.2 là gì"))).toMatch(/6\.2\. Văn bản điện tử được ký số[\s\S]*Điểm tối đa: 10[\s\S]*→ 6\.2: 85% × 10 = 8,5\/10/);
    expect(all(await officer.send("cach tinh diem hop khong giau"))).toContain("6.3. Họp không giấy");
    expect(all(await officer.send("bộ chỉ số của sở có bao nhiêu chỉ số"))).toMatch(/7 chỉ số chính, 20 chỉ số thành phần, 20 mục chấm điểm/);
    expect(all(await officer.send("thời tiết hôm nay thế nào"))).toContain("Chưa tìm thấy chỉ số phù hợp với câu hỏi.");
  });

  it("previews a batch with one bad line, records it on confirmation, and the score moves", async () => {
    const officer = await driver.user("9004", "Trần Thị Nộp");
    await officer.send(`/start ${await fixture.invite("officer", "S16")}`);
    const before = all(await officer.send("/diem"));
    const total = (text: string) => Number(/Tổng điểm tạm tính: ([\d,]+)\//.exec(text)![1]!.replace(",", "."));
    const preview = await officer.send("6.2 = 100%\n6.3 = 508/508\n4.1 = nhiều lắm");
    const text = all(preview);
    expect(text).toContain("Xin xác nhận 2 số liệu của Sở Tư pháp");
    expect(text).toContain("• 6.2: 100% × 10 = 10/10");
    expect(text).toContain("Dòng 3 (4.1 = «nhiều lắm»):");
    expect(text).toContain("Chưa nhận ra phương án. Xin vui lòng chọn một trong: 1. Có công chức chuyên trách; 2. Có công chức kiêm nhiệm; 3. Chưa bố trí.");
    // 6.2 had a document typed with its earlier figure: kept unless the officer says otherwise.
    expect(text).toMatch(/trước: .+ — [\d,]+ điểm/);
    expect(preview.at(-1)!.buttons).toEqual(["✅ Xác nhận", "✖ Huỷ", "✅ Xác nhận, bỏ minh chứng cũ"]);
    const saved = all(await officer.tap("Xác nhận"));
    expect(saved).toContain("Đã ghi 2 số liệu của Sở Tư pháp.");
    expect(total(all(await officer.send("/diem")))).toBeGreaterThan(total(before));
  });

  it("cancels a preview without recording anything", async () => {
    const officer = await driver.user("9005", "Lê Văn Huỷ");
    await officer.send(`/start ${await fixture.invite("officer", "S04")}`);
    await officer.send("/nop 6.2 = 55%");
    expect(all(await officer.tap("Huỷ"))).toContain("Đã huỷ; chưa ghi số liệu nào.");
    const unit = (await fixture.store.units.byCode(1, "S04"))!;
    const history = await fixture.store.figures.history(1, unit.id, "6.2");
    expect(history.every((h) => h.rawValue !== "55%")).toBe(true);
  });

  it("keeps roles apart: a leader cannot submit, an officer sees only their own place", async () => {
    const leader = await driver.user("9006", "Lãnh Đạo");
    await leader.send(`/start ${await fixture.invite("leader", "S13")}`);
    expect(all(await leader.send("6.2 = 90%"))).toContain("Chỉ cán bộ nhập liệu của Sở Tài chính mới nộp, sửa hoặc rút được số liệu");
    expect(all(await leader.send("/xephang"))).toMatch(/Xếp hạng nhóm Sở, ban, ngành có bộ thủ tục hành chính[\s\S]*Sở Tài chính — [\d,]+\/100.*◀/);
    const officer = await driver.user("9007", "Cán Bộ");
    await officer.send(`/start ${await fixture.invite("officer", "S13")}`);
    const ranking = all(await officer.send("/xephang"));
    expect(ranking).toMatch(/Sở Tài chính xếp thứ \d+\/20/);
    expect(ranking).not.toContain("Sở Y tế —");
  });

  it("a leader approves the unit's submitted figures", async () => {
    const leader = await driver.user("9008", "Phê Duyệt");
    await leader.send(`/start ${await fixture.invite("leader", "S16")}`);
    const preview = all(await leader.send("/duyet"));
    expect(preview).toMatch(/Phê duyệt \d+ số liệu của Sở Tư pháp\?/);
    expect(all(await leader.tap("Phê duyệt"))).toMatch(/Đã phê duyệt \d+ số liệu của Sở Tư pháp\./);
    expect(all(await leader.send("/duyet"))).toContain("Sở Tư pháp không có số liệu nào đang chờ phê duyệt.");
  });

  it("tells the deadlines and refuses figures once the deadline has passed", async () => {
    const officer = await driver.user("9009", "Đúng Hạn");
    await officer.send(`/start ${await fixture.invite("officer", "S05")}`);
    expect(all(await officer.send("/hanchot"))).toMatch(/Hạn nộp số liệu: 30\/11\/2026 \(còn 9 ngày\)/);
    const saved = fixture.clock.now;
    fixture.clock.now = new Date("2026-12-02T03:00:00Z");
    try {
      expect(all(await officer.send("6.2 = 90%"))).toContain("Đã quá hạn nộp số liệu (30/11/2026)");
    } finally {
      fixture.clock.now = saved;
    }
  });

  it("switches language and back", async () => {
    const user = await driver.user("9010", "Song Ngữ");
    await user.send(`/start ${await fixture.invite("officer", "S07")}`);
    expect(all(await user.send("/ngonngu en"))).toContain("Switched to English.");
    expect(all(await user.send("/diem"))).toMatch(/Provisional total: [\d.]+\/100/);
    expect(all(await user.send("/ngonngu vi"))).toContain("Đã chuyển sang Tiếng Việt.");
  });
});
