import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/bot/calendar.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createStore } from "../../src/store/index.js";
import { TEST_TOKEN_KEY } from "../helpers/chat.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { zaloUserId } from "../helpers/drivers.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";
import { realCatalog } from "../helpers/real.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const TOKEN = "987654322:E2E-TOKEN-FOR-THE-ZALO-END-TO-END";
const HOUR = 3_600_000;
const plain = (html: string) => html.replace(/<\/?(b|i|code)>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The real service in its own process with both channels: Zalo through its
 * webhook and the local fake OA server, Telegram through the Bot API
 * emulator; on its own SQLite file.
 */
describe("end to end over Zalo OA (with Telegram beside it)", () => {
  let zalo: FakeZalo;
  let emulator: TelegramEmulator;
  let service: RunningService;
  let databaseUrl: string;
  const invites: Record<string, string> = {};
  const officer = zaloUserId("5001");
  const outside = { zalo: zaloUserId("5002"), telegram: 7102 };
  const inWindow = [5003, 5004, 5005].map((n) => zaloUserId(String(n)));
  let hook: string;

  const start = async () => {
    service = await startService({
      DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, CHAT_RATE_LIMIT: "50",
      ZALO_APP_ID: zalo.appId, ZALO_APP_SECRET: zalo.appSecret, ZALO_OA_ID: zalo.oaId, ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
      ZALO_TOKEN_KEY: TEST_TOKEN_KEY, ZALO_API_ROOT: zalo.url, ZALO_OAUTH_ROOT: zalo.url, ZALO_REFRESH_TOKEN: invites["zaloRefresh"]!,
      // Every hour of every day is a working slot, so a reminder falls due whenever the test runs.
      OFFICE_HOURS: "00:00-23:59", OFFICE_DAYS: "1,2,3,4,5,6,7", REMINDER_TIME: "00:00", REMINDER_OFFSETS: "0,1,2,3,4,5,6,7,8,9,10,11,12",
    });
    hook = `${service.url}/webhooks/zalo`;
  };
  const textsTo = (userId: string) => zalo.sent.filter((m) => m.userId === userId).map((m) => m.text ?? "");
  const said = (userId: string, pattern: RegExp, what: string) =>
    eventually(async () => textsTo(userId).find((t) => pattern.test(t)), what);
  /** Everything sent to this person so far has been answered in full: events of one person are handled in order. */
  const settle = async (userId: string) => {
    const switched = () => textsTo(userId).filter((t) => t.includes("Đã chuyển sang Tiếng Việt")).length;
    const count = switched();
    await zalo.deliver(hook, { kind: "text", userId, text: "/ngonngu vi" });
    await eventually(async () => (switched() > count ? true : undefined), "the person's earlier messages to be answered");
  };

  beforeAll(async () => {
    zalo = await startFakeZalo();
    invites["zaloRefresh"] = zalo.grantRefreshToken();
    databaseUrl = tempDatabaseUrl();
    const store = await createStore(databaseUrl, { tokenKey: TEST_TOKEN_KEY });
    await seedDemo({ store, catalog: realCatalog(), now: new Date(), province: DA_NANG });
    const province = (await store.provinces.byCode("da-nang"))!;
    for (const [name, role, unitCode] of [["officer", "officer", "S16"], ["admin", "admin", null]] as const) {
      const unit = unitCode ? (await store.units.byCode(province.id, unitCode))! : null;
      invites[name] = (await store.invites.create({
        provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000),
      }, "e2e")).code;
    }
    // People who joined earlier: one last wrote to the OA three days ago (and to Telegram before that), three wrote an hour ago.
    const now = Date.now();
    const joined = async (name: string, unitCode: string, on: { zalo: [string, number]; telegram?: [number, number] }) => {
      const unit = (await store.units.byCode(province.id, unitCode))!;
      const person = await store.people.create(province.id, name);
      await store.people.grant(person.id, "officer", unit.id, "e2e");
      const [userId, zaloAt] = on.zalo;
      zalo.addUser({ id: userId, name, lastInteraction: new Date(zaloAt) });
      await store.identities.bindPerson((await store.identities.touch("zalo", userId, new Date(zaloAt), { chatId: userId, displayName: name })).id, person.id);
      if (on.telegram) {
        const [chat, at] = on.telegram;
        await store.identities.bindPerson((await store.identities.touch("telegram", String(chat), new Date(at), { chatId: String(chat), displayName: name })).id, person.id);
      }
    };
    await joined("Ngoài Cửa Sổ", "S05", { zalo: [outside.zalo, now - 72 * HOUR], telegram: [outside.telegram, now - 100 * HOUR] });
    // Sở Y tế still has items without figures: its officers are reminded.
    for (const [i, userId] of inWindow.entries()) await joined(`Trong Cửa Sổ ${i + 1}`, "S19", { zalo: [userId, now - HOUR] });
    // Today is a working day, whatever the holiday calendar says about the day the tests run.
    await store.calendar.set({ day: dayOf(new Date()), kind: "workday", note: "e2e" }, "e2e");
    await store.close();
    emulator = await startTelegramEmulator();
    await start();
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await emulator?.close();
    await zalo?.close();
  });

  it("greets a follower, binds them with /start and a code typed in Zalo, answers a question, and records a figure tapped to confirm", async () => {
    zalo.addUser({ id: officer, name: "Lê Văn Zalo", follower: false });
    expect((await zalo.deliver(hook, { kind: "follow", userId: officer })).status).toBe(200);
    await said(officer, /mã mời/, "the greeting");
    await zalo.deliver(hook, { kind: "text", userId: officer, text: `/start ${invites["officer"]!}` });
    expect(await said(officer, /gắn thành công/, "the binding")).toContain("Kính chào Lê Văn Zalo");
    await zalo.deliver(hook, { kind: "text", userId: officer, text: "chỉ số 6.2 là gì" });
    await said(officer, /6\.2\. Văn bản điện tử được ký số/, "the answer");
    await zalo.deliver(hook, { kind: "text", userId: officer, text: "6.2 = 85%" });
    await said(officer, /Xin xác nhận 1 số liệu của Sở Tư pháp/, "the preview");
    const preview = zalo.sent.filter((m) => m.userId === officer && m.buttons.length > 0).at(-1)!;
    // S16's 6.2 came with a document: it stays with the new figure unless the officer drops it.
    expect(preview.buttons.map((b) => b.title)).toEqual(["✅ Xác nhận", "✖ Huỷ", "✅ Xác nhận, bỏ minh chứng cũ"]);
    await zalo.deliver(hook, { kind: "text", userId: officer, text: String(preview.buttons[0]!.payload) });
    await said(officer, /Đã ghi 1 số liệu của Sở Tư pháp/, "the confirmation");
  });

  it("refuses a forged webhook and ignores a replayed one", async () => {
    await settle(officer);
    const before = textsTo(officer).length;
    const scores = () => textsTo(officer).filter((t) => t.includes("Tổng điểm tạm tính")).length;
    const scoresBefore = scores();
    const forged = await zalo.deliver(hook, { kind: "text", userId: officer, text: "/diem" }, { signature: `mac=${"f".repeat(64)}` });
    expect(forged.status).toBe(401);
    const real = await zalo.deliver(hook, { kind: "text", userId: officer, text: "/huongdan", msgId: "e2e-replay-1" });
    await eventually(async () => (textsTo(officer).length > before ? true : undefined), "the help");
    const help = textsTo(officer).slice(before);
    expect(await zalo.redeliver(hook, real.body, real.signature)).toBe(200);
    await zalo.deliver(hook, { kind: "text", userId: officer, text: "/toi" });
    await said(officer, /Vai trò: cán bộ nhập liệu/, "the answer after the replay");
    expect(textsTo(officer).slice(before).filter((t) => t === help[0])).toHaveLength(1);
    // The forged /diem was never answered.
    expect(scores()).toBe(scoresBefore);
  });

  it("delivers the department's announcement on Zalo through an access-token expiry, and over Telegram to someone outside the window", async () => {
    const admin = emulator.server.getClient(TOKEN, { userId: 7101, chatId: 7101, firstName: "Quản Trị", userName: "admin7101", type: "private" });
    const adminSaw = (pattern: RegExp) =>
      eventually(async () => emulator.sentTo(7101).map((m) => plain(m.text)).find((t) => pattern.test(t)), String(pattern), 20_000);
    const tap = async (label: string) => {
      const withButtons = emulator.sentTo(7101).filter((m) => m.buttons.length > 0).at(-1)!;
      const button = withButtons.buttons.find((b) => b.text.includes(label))!;
      await admin.sendCallback(admin.makeCallbackQuery(button.data, { message: { message_id: withButtons.messageId } }));
    };
    await admin.sendCommand(admin.makeCommand(`/start ${invites["admin"]!}`));
    await adminSaw(/tài khoản đã được gắn thành công/);
    await admin.sendCommand(admin.makeCommand("/thongbao Kính gửi các đơn vị: hạn nộp số liệu DTI là 30/11."));
    await adminSaw(/Xin chọn nơi nhận thông báo:/);
    await tap("Tất cả");
    await adminSaw(/qua Zalo: \d+ người/);
    // The OA's access token runs out once the first Zalo recipient has it.
    const refreshesBefore = zalo.calls("/v4/oa/access_token");
    const announced = () => zalo.sent.filter((m) => m.text?.includes("Kính gửi các đơn vị")).map((m) => m.userId);
    let expired = false;
    const watch = setInterval(() => {
      if (!expired && announced().length === 1) {
        zalo.expireAccessTokens();
        expired = true;
      }
    }, 2);
    try {
      await tap("Gửi");
      await eventually(async () => (announced().length === 4 ? true : undefined), "the announcement on Zalo", 20_000);
    } finally {
      clearInterval(watch);
    }
    expect(expired).toBe(true);
    expect(announced().sort()).toEqual([officer, ...inWindow].sort());
    expect(zalo.calls("/v4/oa/access_token")).toBe(refreshesBefore + 1);
    const viaTelegram = await eventually(async () => emulator.sentTo(outside.telegram).find((m) => m.text.includes("Kính gửi các đơn vị")), "the Telegram copy");
    expect(viaTelegram.buttons.map((b) => b.text)).toEqual(["✅ Đã nhận"]);
    const report = await adminSaw(/Báo cáo gửi thông báo số/);
    expect(report).toMatch(/• Chuyển sang Telegram vì Zalo không gửi được \(.*\): 1/);
  });

  it("reminds the officers of a unit with items missing on Zalo, within their window, once", async () => {
    // The reminder job runs at start (and every ten minutes); a restart plans the same slot again and queues nothing new.
    const reminded = (userId: string) => textsTo(userId).filter((t) => /chỉ số chưa có số liệu đánh giá chuyển đổi số/.test(t));
    for (const userId of inWindow) {
      const reminder = await said(userId, /chỉ số chưa có số liệu đánh giá chuyển đổi số/, "the reminder");
      expect(reminder).toMatch(/^Kính gửi Anh\/Chị: Sở Y tế còn \d+ chỉ số chưa có số liệu/);
    }
    expect(await service.stop()).toBe(0);
    await start();
    await eventually(async () => (service.logs.some((l) => l["job"] === "reminders" && l["msg"] === "job done") ? true : undefined), "the reminder job");
    // Every reminder of this slot has its key already: the run after the restart queues none.
    expect(service.logs.filter((l) => l["msg"] === "reminders queued")).toEqual([]);
    for (const userId of inWindow) expect(reminded(userId)).toHaveLength(1);
    // Sở Tư pháp has everything in: its officer hears nothing.
    expect(reminded(officer)).toEqual([]);
  });
});
