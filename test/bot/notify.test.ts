import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OFFICE_HOURS } from "../../src/bot/calendar.js";
import { trackBroadcasts } from "../../src/bot/notify/broadcasts.js";
import { queueDigest } from "../../src/bot/notify/digest.js";
import { lastDue } from "../../src/scheduler/index.js";
import { queueReminders, type NotifyDeps } from "../../src/bot/notify/jobs.js";
import { createRecheck } from "../../src/bot/notify/recheck.js";
import { DEFAULT_REMINDERS } from "../../src/bot/notify/reminders.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { parseFigure } from "../../src/scoring/index.js";
import { chatFixture, chatPerson, QUIET, withClock, type ChatFixture } from "../helpers/chat.js";
import { deliverToConsole } from "../helpers/delivery.js";
import { realCatalog } from "../helpers/real.js";

/**
 * The bot working on its own, on the demo province: announcements,
 * publication, reminders, snoozes, hand-overs and the weekly digest, queued
 * by the core and the jobs, and delivered by the real worker to console chats.
 */
describe("announcements, results and reminders", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  const person = (userId: string) => chatPerson(() => fixture, userId);
  const join = async (userId: string, role: "officer" | "leader" | "admin", unit: string | null) => {
    const p = person(userId);
    await p.say(`/start ${await fixture.invite(role, unit)}`);
    return p;
  };

  it("lets only the department announce and publish", async () => {
    const officer = await join("n1", "officer", "S19");
    expect(await officer.say("/thongbao Họp giao ban")).toContain("dành cho cán bộ quản trị của Sở Khoa học và Công nghệ");
    expect(await officer.say("/congbo")).toContain("dành cho cán bộ quản trị của Sở Khoa học và Công nghệ");
  });

  it("announces to the wards with a preview by channel, takes acknowledgements, reports, and reminds those who have not confirmed", async () => {
    await join("n2", "officer", "HC-P01");
    await join("n3", "leader", "HC-P01");
    await join("n4", "officer", "S16");
    const admin = await join("n5", "admin", null);
    expect(await admin.say("/thongbao Kính gửi các đơn vị: họp trực tuyến về DTI lúc 14:00 ngày 25/11/2026.")).toContain("Xin chọn nơi nhận thông báo:");
    const preview = await admin.tap(/:kind:commune$/);
    expect(preview).toMatch(/Thông báo sẽ gửi tới 2 người thuộc \d+ đơn vị\./);
    expect(preview).toContain("• qua console: 2 người");
    expect(preview).toMatch(/\d+ đơn vị chưa có ai nhận tin qua DTI Bot/);
    expect(await admin.tap(/:leaders$/)).toMatch(/Thông báo sẽ gửi tới 1 người thuộc \d+ đơn vị \(chỉ lãnh đạo\)\./);
    expect(await admin.tap(/:leaders$/)).toMatch(/Thông báo sẽ gửi tới 2 người/);
    const queued = await admin.tap(/^ok:/);
    const broadcastId = Number(/Đã xếp lịch gửi thông báo số (\d+) tới 2 người/.exec(queued)![1]);

    const delivered = await deliverToConsole(fixture.store);
    expect(delivered.match(/Thông báo của Sở Khoa học và Công nghệ \(số \d+\)\nKính gửi các đơn vị: họp trực tuyến/g)).toHaveLength(2);
    expect(delivered).toContain("[✅ Đã nhận]");
    const ward = person("n2");
    expect(await ward.act(`ack:${broadcastId}`)).toBe(`Cảm ơn Anh/Chị đã xác nhận đã nhận thông báo số ${broadcastId}.`);
    expect(await ward.act(`ack:${broadcastId}`)).toBe(`Anh/Chị đã xác nhận thông báo số ${broadcastId} trước đó.`);
    // Someone it was not sent to cannot confirm it, and does not count.
    expect(await person("n-stranger").act(`ack:${broadcastId}`)).toContain("không gửi tới Anh/Chị");

    // Nothing left to send: the sender gets the report, once.
    expect(await trackBroadcasts({ store: fixture.store }, fixture.clock.now)).toBe(1);
    expect(await trackBroadcasts({ store: fixture.store }, fixture.clock.now)).toBe(0);
    const report = await deliverToConsole(fixture.store);
    expect(report).toContain(`Báo cáo gửi thông báo số ${broadcastId}`);
    expect(report).toContain("• Đã gửi: 2/2");
    expect(report).toContain("• Đã xác nhận «Đã nhận»: 1/2");
    expect(await admin.say("/thongbao")).toContain(`• Số ${broadcastId}`);
    expect(await admin.act(`bcr:${broadcastId}`)).toContain("• Đã xác nhận «Đã nhận»: 1/2");
    expect(await admin.act(`bcn:${broadcastId}`)).toBe("Đã gửi lời nhắc tới 1 người chưa xác nhận.");
    expect(await admin.act(`bcn:${broadcastId}`)).toContain("Không có ai cần nhắc thêm hôm nay");
    expect(await deliverToConsole(fixture.store)).toContain(`Nhắc lại: xin Anh/Chị xác nhận đã nhận thông báo số ${broadcastId}`);
  });

  it("announces to units named on the first line, and says which codes it does not know", async () => {
    const admin = await join("n6", "admin", null);
    const preview = await admin.say("/thongbao Gửi: S16, HC-P01, XYZ\nĐề nghị rà soát số liệu chỉ số 6.2.");
    expect(preview).toContain("Không có đơn vị mã: XYZ.");
    expect(preview).toMatch(/Thông báo sẽ gửi tới \d+ người thuộc 2 đơn vị\./);
    expect(preview).toContain("Đề nghị rà soát số liệu chỉ số 6.2.");
    expect(await admin.tap(/^no:/)).toContain("Đã huỷ");
  });

  it("publishes: each unit's people get their own result, the department its summary, chart and workbook; again: what moved", async () => {
    await join("n7", "officer", "S19");
    await join("n8", "leader", "S19");
    const admin = await join("n9", "admin", null);
    const choose = await admin.say("/congbo");
    expect(choose).toContain("Xin chọn kỳ đánh giá cần công bố:");
    const preview = await admin.tap(/^pub:1$/);
    // Ten days before the submission deadline: an early publication, said so, with what is not done yet.
    expect(preview).toMatch(/^Công bố SỚM kết quả đánh giá chuyển đổi số năm 2025 \(.+\): \d+ đơn vị trong \d+ nhóm xếp hạng, trước các thời hạn sau:\n/);
    expect(preview).toContain("• Hạn nộp số liệu: 30/11/2026 (còn 9 ngày)\n• Hạn thẩm định: 20/12/2026 (còn 29 ngày)");
    expect(preview).toMatch(/\d+ đơn vị còn thiếu số liệu/);
    expect(preview).toMatch(/\d+ số liệu chưa được thẩm định/);
    expect(await admin.tap(/^ok:/)).toMatch(/Đã công bố kết quả năm 2025\. \d+ tin nhắn đang được gửi/);
    const early = await fixture.store.audit.list({ action: "period.publish_early" });
    expect(early).toHaveLength(1);
    expect(early[0]!.target).toBe("period:1");
    expect((await fixture.store.periods.byId(1))!.status).toBe("published");
    const pushed = await deliverToConsole(fixture.store);
    expect(pushed).toMatch(/Kết quả đánh giá chuyển đổi số năm 2025 của Sở Y tế\nTổng điểm: [\d,]+\/100 \([\d,]+%\)(, xếp loại .+)?\./);
    expect(pushed).toMatch(/của Sở Y tế\n.+\nXếp thứ \d+\/20 trong nhóm/);
    expect(pushed.match(/của Sở Y tế\n/g)!.length).toBeGreaterThanOrEqual(2);
    // Advice after publication is for the next period, never for the one just closed.
    expect(pushed).toMatch(/Kỳ đánh giá này đã khép lại\. Để hướng tới loại .+ ở kỳ sau \(cao hơn kết quả năm nay [\d,]+ điểm\), nên ưu tiên: \d/);
    expect(pushed).not.toMatch(/cần thêm [\d,]+ điểm; nên ưu tiên/);
    expect(pushed).toMatch(/Đã công bố kết quả năm 2025 .+: \d+ đơn vị, \d+ nhóm/);
    expect(pushed).toContain("📎 xep-hang-dti-2025.png");
    expect(pushed).toContain("📎 ket-qua-dti-2025-ky-1.xlsx");
    // With each unit's result, its scorecard picture (to each of its people).
    expect(pushed.match(/📎 diem-S19-2025\.png/g)?.length).toBeGreaterThanOrEqual(2);
    // After publication the period takes no new figures.
    expect(await person("n7").say("6.2 = 99%")).toContain("đã công bố, không nhận số liệu mới");

    // A correction after appeals (the department sets 6.2 of Sở Y tế to 100%), and a second publication:
    // each unit hears what moved it since the first.
    const unit = (await fixture.store.units.byCode(1, "S19"))!;
    const catalog = realCatalog();
    const node = catalog.item("minh-hoa-so-nganh", "6.2")!;
    const figure = parseFigure("100%", node);
    if (!figure.ok) throw new Error("parse");
    await fixture.store.periods.setStatus(1, "review", "test");
    await fixture.store.figures.record({
      periodId: 1, unitId: unit.id, itemCode: "6.2", rawValue: "100%", figure: figure.figure, status: "reviewed", enteredBy: null, enteredByLabel: "Sở", channel: "cli",
      reviewFigure: figure.figure,
    }, fixture.clock.now, { force: true });
    await withClock(fixture, "2026-11-25T03:00:00Z", async () => {
      await admin.say("/congbo");
      await admin.tap(/^pub:1$/);
      expect(await admin.tap(/^ok:/)).toContain("Đã công bố kết quả năm 2025.");
    });
    const again = await deliverToConsole(fixture.store);
    expect(again).toMatch(/So với lần công bố ngày 21\/11\/2026: (tăng \d+ bậc|giữ nguyên thứ hạng), \+[\d,]+ điểm, chủ yếu nhờ 6\.2 \(\+[\d,]+\)\./);
  });
});

describe("reminders, snoozes, hand-overs and the weekly digest", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  const people = new Map<string, ReturnType<typeof chatPerson>>();
  const as = (userId: string) => {
    if (!people.has(userId)) people.set(userId, chatPerson(() => fixture, userId));
    return people.get(userId)!;
  };
  const say = (userId: string, text: string) => as(userId).say(text);
  const deps = (): NotifyDeps => ({
    store: fixture.store, catalog: realCatalog(), scores: createScoreCache({ store: fixture.store, catalog: realCatalog() }), log: QUIET,
    office: DEFAULT_OFFICE_HOURS, reminders: DEFAULT_REMINDERS, channels: ["console"],
  });
  // Wednesday 25/11/2026, 09:00 in Vietnam: the "3 working days before 30/11" slot is in force.
  const WEDNESDAY = new Date("2026-11-25T02:00:00Z");

  it("reminds officers of units with missing items once per slot, listing what is missing; not a snoozed one, nor a complete unit", async () => {
    await say("r1", `/start ${await fixture.invite("officer", "S19")}`);
    await say("r2", `/start ${await fixture.invite("officer", "K02")}`);
    // Thanh tra thành phố (K01) has every figure in.
    await say("r7", `/start ${await fixture.invite("officer", "K01")}`);
    const k02 = (await fixture.store.units.byCode(1, "K02"))!;
    fixture.clock.now = new Date("2026-11-24T02:00:00Z");
    expect(await say("r2", "/hoanlai 2 ngay")).toBe("Đã tạm dừng nhắc việc đến 09:00 ngày 26/11/2026. Anh/Chị vẫn nhận thông báo và kết quả của Sở. Gõ /hoanlai huy để nhận nhắc việc trở lại.");
    expect(await say("r2", "/hoanlai")).toContain("Anh/Chị đang tạm dừng nhận nhắc việc đến 09:00 ngày 26/11/2026.");
    expect(await say("r2", "/hoanlai mai")).toContain("Chưa hiểu thời gian «mai».");
    expect(await say("r2", "/hoanlai 45 ngay")).toContain("tối đa 30 ngày");
    expect((await queueReminders(deps(), WEDNESDAY)).queued).toBe(1);
    expect((await queueReminders(deps(), new Date(WEDNESDAY.getTime() + 3_600_000))).queued).toBe(0);
    const pushed = await deliverToConsole(fixture.store);
    expect(pushed).toMatch(/Kính gửi Anh\/Chị: Sở Y tế còn \d+ chỉ số chưa có số liệu đánh giá chuyển đổi số năm 2025 \([\d,]+ điểm\)\./);
    expect(pushed).toContain("Hạn nộp: 30/11/2026 (còn 5 ngày).");
    expect(pushed).toMatch(/• \d+\.\d+ .+ — [\d,]+ điểm/);
    expect(pushed).toContain("/hoanlai 2 ngay");
    expect(pushed).not.toContain("Thanh tra");
    expect(pushed).not.toContain(k02.name);
    // After /hoanlai huy the snooze is over at once.
    expect(await say("r2", "/hoanlai huy")).toBe("Đã bật lại nhắc việc cho Anh/Chị.");
    expect((await queueReminders(deps(), new Date(WEDNESDAY.getTime() + 7_200_000))).queued).toBe(1);
    expect(await deliverToConsole(fixture.store)).toContain(`Kính gửi Anh/Chị: ${k02.name} còn 3 chỉ số`);
  });

  it("hands reminders to a colleague, who hears about it, and gets them instead", async () => {
    await say("r3", `/start ${await fixture.invite("officer", "S05")}`);
    await say("r4", `/start ${await fixture.invite("leader", "S05")}`);
    fixture.clock.now = new Date("2026-11-26T02:00:00Z");
    const unit = (await fixture.store.units.byCode(1, "S05"))!;
    const list = await say("r3", "/uyquyen");
    expect(list).toContain(`Anh/Chị muốn giao việc nhận nhắc của ${unit.name} cho ai?`);
    expect(list).toMatch(/1\. r4/);
    expect(await say("r3", "/uyquyen 1 26/11/2026 27/11/2026")).toBe("Đã giao việc nhận nhắc cho r4 từ 26/11/2026 đến 27/11/2026.");
    expect(await deliverToConsole(fixture.store)).toContain(`r3 đã giao cho Anh/Chị nhận nhắc việc của ${unit.name} từ 26/11/2026 đến 27/11/2026.`);
    await queueReminders(deps(), new Date("2026-11-27T02:00:00Z"));
    const [r3, r4] = [(await fixture.store.identities.find("console", "r3"))!, (await fixture.store.identities.find("console", "r4"))!];
    const queued = await fixture.store.outbox.due(new Date("2100-01-01"), 1000);
    expect(queued.filter((m) => m.kind === "reminder").map((m) => m.identity.id)).toContain(r4.id);
    expect(queued.filter((m) => m.kind === "reminder").map((m) => m.identity.id)).not.toContain(r3.id);
    expect(await say("r3", "/uyquyen huy")).toBe("Đã thôi giao việc nhận nhắc; Anh/Chị sẽ nhận nhắc việc trở lại.");
    await deliverToConsole(fixture.store);
  });

  it("checks the dates and the role of a hand-over, and says what is wrong with each", async () => {
    await say("r8", `/start ${await fixture.invite("officer", "S06")}`);
    await say("r9", `/start ${await fixture.invite("leader", "S06")}`);
    fixture.clock.now = new Date("2026-11-26T02:00:00Z");
    const how = "Hoặc gõ: /uyquyen <số thứ tự> <từ ngày> <đến ngày>";
    expect(await say("r8", "/uyquyen 1 01/01/1970 31/12/9999")).toBe(`Ngày bắt đầu 01/01/1970 đã qua; xin chọn từ hôm nay trở đi.\n${how}, ví dụ: /uyquyen 1 24/11/2026 30/11/2026. Gõ /uyquyen huy để thôi giao.`);
    expect(await say("r8", "/uyquyen 1 26/11/2026 31/12/9999")).toMatch(/^Chỉ giao được đến hết \d\d\/\d\d\/20\d\d, hạn cuối của kỳ đánh giá/);
    expect(await say("r8", "/uyquyen 1 30/02/2027")).toContain("Ngày «30/02/2027» không có trên lịch");
    expect(await say("r8", "/uyquyen 1 26-11")).toContain("«26-11» chưa phải là một ngày");
    expect(await say("r8", "/uyquyen 1 28/11/2026 27/11/2026")).toBe("Ngày kết thúc phải sau ngày bắt đầu.");
    expect(await fixture.store.outbox.due(new Date("2100-01-01"), 1000)).toEqual([]);
    // An admin or a reviewer receives no reminders: there is nothing to hand over, whatever their unit.
    await say("r10", `/start ${await fixture.invite("admin", null)}`);
    expect(await say("r10", "/uyquyen")).toBe("Việc nhận nhắc chỉ giao được giữa cán bộ nhập liệu và lãnh đạo của cùng một đơn vị; vai trò của Anh/Chị không nhận nhắc việc nên không có gì để giao.");
    await say("r11", `/start ${await fixture.invite("reviewer", "S06")}`);
    expect(await say("r11", "/uyquyen 1 26/11/2026 27/11/2026")).toContain("vai trò của Anh/Chị không nhận nhắc việc");
    // Snoozes: a day gone, a day that does not exist.
    expect(await say("r8", "/hoanlai den 01/01/2020")).toContain("Thời điểm 01/01/2020 đã qua");
    expect(await say("r8", "/hoanlai den 31/11/2026")).toContain("Ngày «31/11/2026» không có trên lịch");
    expect(await say("r8", "/uyquyen 1 27/11/2026")).toBe("Đã giao việc nhận nhắc cho r9 từ 26/11/2026 đến 27/11/2026.");
    await deliverToConsole(fixture.store);
  });

  it("sends leaders the week's provisional rank change, not in real time, and keeps the standing as a snapshot", async () => {
    await say("r5", `/start ${await fixture.invite("leader", "S16")}`);
    await say("r6", `/start ${await fixture.invite("officer", "S16")}`);
    expect((await queueDigest(deps(), new Date("2026-11-23T01:00:00Z"))).queued).toBe(0);
    fixture.clock.now = new Date("2026-11-26T03:00:00Z");
    await say("r6", "6.2 = 100%\n6.3 = 508/508\n6.1 = 100%");
    expect(await as("r6").tap(/^ok:/)).toContain("Đã ghi 3 số liệu");
    expect(await fixture.store.outbox.due(new Date("2100-01-01"), 10)).toEqual([]);
    expect((await queueDigest(deps(), new Date("2026-11-30T01:00:00Z"))).queued).toBeGreaterThanOrEqual(1);
    const pushed = await deliverToConsole(fixture.store);
    expect(pushed).toMatch(/Tuần qua \(từ 23\/11\/2026\), Sở Tư pháp (tăng \d+ bậc|giữ nguyên thứ hạng) \(hạng \d+ → \d+\/20\),/);
    expect(pushed).toMatch(/tổng điểm tạm tính [\d,]+ → [\d,]+\./);
  });

  it("makes up, at a start, a week's digest the stopped service missed, and only once (embedded mode)", async () => {
    const cron = "0 8 * * 1";
    // Started later on the Monday whose digest was made: nothing to make up.
    const sameDay = new Date("2026-11-30T05:00:00Z");
    expect(lastDue(cron, sameDay)).toEqual(new Date("2026-11-30T01:00:00Z"));
    const latestAt = async () => (await fixture.store.snapshots.latest(1, "provisional"))?.createdAt;
    expect((await queueDigest(deps(), sameDay, { missedSince: lastDue(cron, sameDay) })).queued).toBe(0);
    // No second standing was kept either: the next digest still compares with Monday's.
    expect(await latestAt()).toEqual(new Date("2026-11-30T01:00:00Z"));
    // A figure moves after that digest (within the deadline, by the test's clock); the service is then down across
    // Monday 07/12 08:00 and starts on Tuesday.
    fixture.clock.now = new Date("2026-11-29T03:00:00Z");
    await say("r6", "6.2 = 50%");
    expect(await as("r6").tap(/^ok:/)).toContain("Đã ghi");
    const tuesday = new Date("2026-12-08T03:00:00Z");
    expect(lastDue(cron, tuesday)).toEqual(new Date("2026-12-07T01:00:00Z"));
    expect((await queueDigest(deps(), tuesday, { missedSince: lastDue(cron, tuesday) })).queued).toBeGreaterThanOrEqual(1);
    expect(await deliverToConsole(fixture.store)).toMatch(/Tuần qua \(từ 30\/11\/2026\), Sở Tư pháp/);
    // Restarted again the same day: the digest is not made twice.
    const again = new Date("2026-12-08T04:00:00Z");
    expect((await queueDigest(deps(), again, { missedSince: lastDue(cron, again) })).queued).toBe(0);
    expect(await latestAt()).toEqual(tuesday);
  });
});

describe("reminders decided when they are sent", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  const people = new Map<string, ReturnType<typeof chatPerson>>();
  const say = (userId: string, text: string) => {
    if (!people.has(userId)) people.set(userId, chatPerson(() => fixture, userId));
    return people.get(userId)!.say(text);
  };
  const deps = (): NotifyDeps => ({
    store: fixture.store, catalog: realCatalog(), scores: createScoreCache({ store: fixture.store, catalog: realCatalog() }), log: QUIET,
    office: DEFAULT_OFFICE_HOURS, reminders: DEFAULT_REMINDERS, channels: ["console"],
  });
  /** Deliver what is due at `at`, each reminder decided again at that moment. */
  const deliverAt = (at: string) => deliverToConsole(fixture.store, () => new Date(at), createRecheck(deps(), () => new Date(at)));

  it("renders the days left when it goes, and drops one whose person asked for quiet or handed the unit over, or whose period closed", async () => {
    await say("d1", `/start ${await fixture.invite("officer", "S19")}`);
    await say("d2", `/start ${await fixture.invite("officer", "K02")}`);
    await say("d3", `/start ${await fixture.invite("officer", "S05")}`);
    await say("d4", `/start ${await fixture.invite("leader", "S05")}`);
    const s19 = (await fixture.store.units.byCode(1, "S19"))!;
    // Saturday 21/11/2026, 10:00: Thursday's slot is in force; the reminders wait for the office to open on Monday 23/11 (07:30).
    fixture.clock.now = new Date("2026-11-21T03:00:00Z");
    expect((await queueReminders(deps(), fixture.clock.now)).queued).toBe(3);
    const queued = (await fixture.store.outbox.due(new Date("2100-01-01"), 100)).filter((m) => m.kind === "reminder");
    expect(queued.map((m) => m.notBefore.toISOString())).toEqual(queued.map(() => "2026-11-23T00:30:00.000Z"));
    // Over the weekend: K02's officer asks for quiet; S05's officer hands the unit's reminders to its leader.
    fixture.clock.now = new Date("2026-11-22T03:00:00Z");
    expect(await say("d2", "/hoanlai 5 ngay")).toContain("Đã tạm dừng nhắc việc");
    expect(await say("d3", "/uyquyen 1 23/11/2026 27/11/2026")).toContain("Đã giao việc nhận nhắc cho d4");
    // The service was down on Monday; the reminders go on Tuesday 24/11, 09:00, with Tuesday's count.
    const pushed = await deliverAt("2026-11-24T02:00:00Z");
    expect(pushed).toContain(`Kính gửi Anh/Chị: ${s19.name} còn`);
    expect(pushed).toContain("Hạn nộp: 30/11/2026 (còn 6 ngày).");
    expect(pushed).not.toContain("(còn 7 ngày)");
    const { dropped } = await fixture.store.outbox.stats();
    expect(dropped).toMatchObject({ snoozed: 1, not_responsible: 1, period_not_open: 0 });

    // Wednesday's slot is planned, then the period is closed before the reminder goes: nothing is sent.
    fixture.clock.now = new Date("2026-11-25T02:00:00Z");
    expect((await queueReminders(deps(), fixture.clock.now)).queued).toBeGreaterThan(0);
    await fixture.store.periods.setStatus(1, "review", "test");
    expect(await deliverAt("2026-11-25T02:05:00Z")).not.toContain("Kính gửi Anh/Chị");
    expect((await fixture.store.outbox.stats()).dropped.period_not_open).toBeGreaterThan(0);
  });

  it("drops a weekly digest whose period was published before it went: no provisional rank beside the official one", async () => {
    await fixture.store.periods.setStatus(1, "open", "test");
    await say("g1", `/start ${await fixture.invite("leader", "S11")}`);
    await say("g2", `/start ${await fixture.invite("officer", "S11")}`);
    expect((await queueDigest(deps(), new Date("2026-11-23T01:00:00Z"))).queued).toBe(0);
    fixture.clock.now = new Date("2026-11-26T03:00:00Z");
    await say("g2", "6.2 = 100%\n6.3 = 508/508\n6.1 = 100%");
    await people.get("g2")!.tap(/^ok:/);
    // Planned Saturday; published before Monday morning, when it would go.
    expect((await queueDigest(deps(), new Date("2026-11-28T03:00:00Z"))).queued).toBeGreaterThanOrEqual(1);
    const before = (await fixture.store.outbox.stats()).dropped.period_not_open;
    await fixture.store.periods.setStatus(1, "published", "test");
    expect(await deliverAt("2026-11-30T01:00:00Z")).not.toContain("tạm tính");
    expect((await fixture.store.outbox.stats()).dropped.period_not_open).toBeGreaterThan(before);
  });
});
