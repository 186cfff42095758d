import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { realCatalog } from "../helpers/real.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const TOKEN = "987654321:E2E-TOKEN-FOR-THE-TELEGRAM-EMULATOR";
const plain = (html: string) => html.replace(/<\/?(b|i|code)>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const all = (messages: BotMessage[]) => messages.map((m) => plain(m.text)).join("\n");

/**
 * The real service in its own process, talking HTTP to a Bot API emulator by
 * long polling, on its own SQLite file: what a unit sees in Telegram.
 */
describe("end to end over the Telegram Bot API", () => {
  let emulator: TelegramEmulator;
  let service: RunningService;
  let databaseUrl: string;
  const invites: Record<string, string> = {};
  /** Updates sent to the running service since it started. */
  let sent = 0;

  const start = async () => {
    // Reminders only on the deadline day (ten days away in the seeded demo), so none lands in these conversations.
    service = await startService({
      DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, CHAT_RATE_LIMIT: "50", REMINDER_OFFSETS: "0",
    });
    sent = 0;
  };

  beforeAll(async () => {
    databaseUrl = tempDatabaseUrl();
    const store = await createStore(databaseUrl);
    const demo = await seedDemo({ store, catalog: realCatalog(), now: new Date(), province: DA_NANG });
    const province = (await store.provinces.byCode("da-nang"))!;
    for (const [name, role, unitCode] of [["officer", "officer", "S16"], ["leader", "leader", "S16"], ["admin", "admin", null]] as const) {
      const unit = unitCode ? (await store.units.byCode(province.id, unitCode))! : null;
      invites[name] = (await store.invites.create({
        provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000),
      }, "e2e")).code;
    }
    expect(demo.created).toBe(true);
    await store.close();
    emulator = await startTelegramEmulator();
    await start();
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await emulator?.close();
  });

  /** A person in a private chat with the bot, typing in the Telegram app. */
  const person = (id: number, name: string) => {
    const client = emulator.server.getClient(TOKEN, { userId: id, chatId: id, firstName: name, userName: `user${id}`, type: "private" });
    let seen = 0;
    const collect = async (): Promise<BotMessage[]> => {
      const expected = sent;
      await eventually(async () => ((await service.updatesHandled()) >= expected ? true : undefined), `update ${expected} to be handled`);
      const messages = emulator.sentTo(id);
      const fresh = messages.slice(seen);
      seen = messages.length;
      return fresh;
    };
    return {
      /** Send without waiting for the answer (the service may be down). */
      async post(text: string) {
        sent += 1;
        if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text));
        else await client.sendMessage(client.makeMessage(text));
      },
      collect,
      async send(text: string) {
        await this.post(text);
        return collect();
      },
      async tap(label: string) {
        const withButtons = emulator.sentTo(id).filter((m) => m.buttons.length > 0).at(-1);
        const button = withButtons?.buttons.find((b) => b.text.includes(label));
        if (!withButtons || !button) throw new Error(`no button "${label}"`);
        sent += 1;
        await client.sendCallback(client.makeCallbackQuery(button.data, { message: { message_id: withButtons.messageId } }));
        return collect();
      },
    };
  };

  it("registers its command menu with the Bot API on start", () => {
    const menus = emulator.extraCalls.filter((c) => c.method === "setMyCommands");
    expect(menus.map((m) => (m.body["scope"] as { type: string }).type)).toEqual(["all_private_chats", "all_private_chats", "all_group_chats", "all_group_chats"]);
  });

  it("lets a stranger ask but not submit", async () => {
    const stranger = person(7001, "Người Lạ");
    expect(all(await stranger.send("/start"))).toContain("xin vui lòng nhập mã mời do Sở cấp");
    // Without a unit the question spans every province's sets: the bot offers the nearest items to pick from.
    expect(all(await stranger.send("tieu chi ky so duoc bao nhieu diem"))).toContain("Có một vài chỉ số gần với câu hỏi.");
    expect(all(await stranger.tap("Văn bản điện tử được ký số"))).toMatch(/Văn bản điện tử được ký số[\s\S]*Điểm tối đa: \d+/);
    expect(all(await stranger.send("6.2 = 85%"))).toContain("Tài khoản của Anh/Chị chưa được gắn với đơn vị nào.");
  });

  it("joins with a code, asks three kinds of question, submits a batch with a bad line, confirms, and sees the score move", async () => {
    const officer = person(7002, "Phạm Thị Nhập");
    const joined = all(await officer.send(`/start ${invites["officer"]!}`));
    expect(joined).toContain("tài khoản đã được gắn thành công");
    expect(joined).toContain("Sở Tư pháp");

    expect(all(await officer.send("chỉ số 6.2 là gì"))).toMatch(/6\.2\. Văn bản điện tử được ký số[\s\S]*Điểm tối đa: 10/);
    expect(all(await officer.send("cach tinh diem hop khong giau"))).toContain("Họp không giấy");
    expect(all(await officer.send("bộ chỉ số của sở có bao nhiêu chỉ số"))).toMatch(/\d+ chỉ số chính, \d+ chỉ số thành phần/);

    const total = (text: string) => Number(/Tổng điểm tạm tính: ([\d,]+)\//.exec(text)![1]!.replace(",", "."));
    const before = total(all(await officer.send("/diem")));
    const preview = await officer.send("6.2 = 100%\n6.3 = 508/508\n4.1 = nhiều lắm");
    expect(all(preview)).toContain("Xin xác nhận 2 số liệu của Sở Tư pháp");
    expect(all(preview)).toContain("Dòng 3 (4.1 = «nhiều lắm»):");
    expect(all(await officer.tap("Xác nhận"))).toContain("Đã ghi 2 số liệu của Sở Tư pháp.");
    expect(total(all(await officer.send("/diem")))).toBeGreaterThan(before);

    // A used code does not open a second account.
    const other = person(7003, "Người Thứ Hai");
    expect(all(await other.send(`/start ${invites["officer"]!}`))).toContain("Mã mời đã được sử dụng hết số lần cho phép.");
  });

  it("a leader sees the group ranking with the unit marked, and cannot submit", async () => {
    const leader = person(7004, "Lãnh Đạo Sở");
    await leader.send(`/start ${invites["leader"]!}`);
    expect(all(await leader.send("/xephang"))).toMatch(/Sở Tư pháp — [\d,]+\/100.*◀/);
    expect(all(await leader.send("6.2 = 90%"))).toContain("Chỉ cán bộ nhập liệu của Sở Tư pháp mới nộp");
  });

  it("delivers the department's announcement through the queue, takes the acknowledgement, and reports to the sender", async () => {
    const admin = person(7010, "Quản Trị Sở");
    expect(all(await admin.send(`/start ${invites["admin"]!}`))).toContain("tài khoản đã được gắn thành công");
    expect(all(await admin.send("/thongbao Kính gửi các sở, ngành: hạn nộp số liệu DTI là 30/11."))).toContain("Xin chọn nơi nhận thông báo:");
    expect(all(await admin.tap("Các sở, ban, ngành"))).toMatch(/Thông báo sẽ gửi tới 2 người thuộc \d+ đơn vị\.[\s\S]*qua Telegram: 2 người/);
    expect(all(await admin.tap("Gửi"))).toMatch(/Đã xếp lịch gửi thông báo số \d+ tới 2 người/);
    // The officer and the leader of Sở Tư pháp joined earlier: the worker delivers to both, with "Đã nhận".
    const announced = (chat: number) => emulator.sentTo(chat).filter((m) => m.text.includes("Kính gửi các sở, ngành"));
    await eventually(async () => (announced(7002).length === 1 && announced(7004).length === 1 ? true : undefined), "the announcement to arrive");
    expect(announced(7002)[0]!.buttons.map((b) => b.text)).toEqual(["✅ Đã nhận"]);
    const officer = person(7002, "Phạm Thị Nhập");
    await officer.collect();
    expect(all(await officer.tap("Đã nhận"))).toMatch(/Cảm ơn Anh\/Chị đã xác nhận đã nhận thông báo số \d+\./);
    // The broadcast job sees it finished within seconds and sends the report to the admin.
    await eventually(async () => (emulator.sentTo(7010).some((m) => m.text.includes("Báo cáo gửi thông báo số")) ? true : undefined), "the report", 20_000);
    const report = plain(emulator.sentTo(7010).find((m) => m.text.includes("Báo cáo gửi thông báo số"))!.text);
    expect(report).toContain("• Đã gửi: 2/2");
    expect(report).toContain("• Đã xác nhận «Đã nhận»: 1/2");
  });

  it("answers what was sent while the service was down, once, after a crash and restart", async () => {
    const officer = person(7005, "Sau Sự Cố");
    // Nothing answered while it is down; the Bot API keeps the updates.
    await service.kill();
    await officer.post("/start");
    await officer.post("chỉ số 4.14 là gì");
    await start();
    sent = 2;
    const answers = all(await officer.collect());
    expect(answers).toContain("xin vui lòng nhập mã mời do Sở cấp");
    expect(answers).toContain("Họp không giấy");
    expect(answers.match(/xin vui lòng nhập mã mời do Sở cấp/g)).toHaveLength(1);
  });

  it("reports its health and what it has handled", async () => {
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: {
        database: { ok: true, status: "reads and writes" },
        evidence: { ok: true, status: "writable" },
        telegram: { ok: true, status: "the Bot API answers (long polling)" },
        scheduler: { ok: true, status: "running" },
        // Restarted after a crash: the dead run's lease on sending runs out within a minute.
        delivery: { ok: true, status: expect.stringMatching(/^(sending|standing by: another run holds the sending lease)/) as unknown as string },
      },
    });
    expect((await fetch(`${service.url}/livez`)).status).toBe(200);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^dti_updates_total\{channel="telegram",outcome="ok"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^dti_messages_sent_total\{channel="telegram",kind="text"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^dti_update_seconds_count\{channel="telegram"\} [1-9]\d*$/m);
  });

  it("on SIGTERM, answers what it has taken before it exits, and the rest after it is back: each once", async () => {
    const asker = person(7006, "Hỏi Nhiều");
    const questions = ["6.2", "6.3", "4.14", "6.1", "6.4", "5.1", "4.2", "2.2"].map((code) => `chỉ số ${code} là gì`);
    for (const q of questions) await asker.post(q);
    await eventually(async () => ((await service.updatesHandled()) >= 1 ? true : undefined), "the first question to be answered");
    expect(await service.stop()).toBe(0);
    const beforeRestart = emulator.sentTo(7006).length;
    await start();
    sent = questions.length - beforeRestart;
    // Everything the bot sent to this chat, before the stop and after the restart.
    const answers = await asker.collect();
    expect(answers).toHaveLength(questions.length);
    expect(answers.map((a) => (/^(?:<b>)?(\d+\.\d+)\./.exec(a.text) ?? /^(\d+\.\d+)\./.exec(a.buttons[0]?.text ?? ""))?.[1]).sort()).toEqual(["2.2", "4.14", "4.2", "5.1", "6.1", "6.2", "6.3", "6.4"].sort());
  });
});
