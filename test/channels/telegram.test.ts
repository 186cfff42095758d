import type { Update } from "grammy/types";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Core } from "../../src/bot/core.js";
import { line, text } from "../../src/bot/reply.js";
import { createTelegramChannel } from "../../src/channels/telegram/channel.js";
import { createHttpServer } from "../../src/http/server.js";
import { createI18n } from "../../src/i18n/index.js";
import { chatFixture, QUIET, type ChatFixture } from "../helpers/chat.js";
import { BOT_INFO, telegramDriver } from "../helpers/drivers.js";

type Call = { method: string; payload: Record<string, unknown> };

/** A Telegram channel over a stand-in core, with API calls captured (grammY's own testing pattern). */
function channelWith(core: Core, fixture: ChatFixture, rateLimit = 100) {
  const calls: Call[] = [];
  const channel = createTelegramChannel({
    token: "123456:TEST-TOKEN-FOR-TELEGRAM-UNIT-TESTS", botInfo: BOT_INFO, core, i18n: createI18n(), inbox: fixture.store.inbox, log: QUIET,
    rateLimit, now: () => fixture.clock.now,
    transformer: async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: method === "sendMessage" ? { message_id: calls.length, date: 0, chat: { id: 1, type: "private" }, text: "" } : true } as never;
    },
  });
  return { channel, calls };
}

let nextUpdate = 90_000;
const message = (chatId: number, body: string, chatType: "private" | "group" = "private", fromId = chatId): Update => ({
  update_id: ++nextUpdate,
  message: {
    message_id: nextUpdate, date: 0, text: body,
    chat: chatType === "private" ? { id: chatId, type: "private", first_name: "A" } : { id: chatId, type: "group", title: "Tổ CNTT Sở Y tế" },
    from: { id: fromId, is_bot: false, first_name: "A" },
    ...(body.startsWith("/") && { entities: [{ type: "bot_command", offset: 0, length: body.split(" ")[0]!.length }] }),
  },
} as Update);

describe("Telegram channel", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture();
  });
  afterAll(() => fixture.close());

  it("escapes user and database text in HTML, and keeps styles as tags", async () => {
    const core: Core = { failureKey: () => "bot-error", handle: async () => ({ locale: "vi", replies: [{ lines: [text("<script>alert(1)</script> & Sở KH&CN", "bold"), line("bot-cancelled")] }] }) };
    const { channel, calls } = channelWith(core, fixture);
    await channel.process(message(42, "xin chào"));
    const sent = calls.find((c) => c.method === "sendMessage")!;
    expect(sent.payload).toMatchObject({ parse_mode: "HTML", text: "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sở KH&amp;CN</b>\nĐã huỷ; chưa ghi số liệu nào." });
  });

  it("splits long replies at 4,096 characters, on line breaks, buttons on the last part only", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => text(`${i + 1}. Đơn vị thứ ${i + 1} trong danh sách — 12,34/100 (Trung bình khá)`));
    const core: Core = { failureKey: () => "bot-error", handle: async () => ({ locale: "vi", replies: [{ lines, buttons: [[{ label: text("OK"), action: "cmd:diem" }]] }] }) };
    const { channel, calls } = channelWith(core, fixture);
    await channel.process(message(43, "/xephang"));
    const sent = calls.filter((c) => c.method === "sendMessage");
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((c) => String(c.payload["text"]).length <= 4096)).toBe(true);
    expect(sent.map((c) => String(c.payload["text"])).join("\n").split("\n")).toHaveLength(400);
    expect(sent.slice(0, -1).every((c) => c.payload["reply_markup"] === undefined)).toBe(true);
    expect(sent.at(-1)!.payload["reply_markup"]).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "cmd:diem" }]] });
  });

  it("handles a re-sent update once, and one cut short by a crash after restart", async () => {
    let handled = 0;
    const core: Core = { failureKey: () => "bot-error", handle: async () => ({ locale: "vi", replies: [{ lines: [text(`lần ${++handled}`)] }] }) };
    const { channel } = channelWith(core, fixture);
    const update = message(44, "/diem");
    await channel.process(update);
    await channel.process(update);
    expect(handled).toBe(1);
    // Recorded by the webhook, then the process stopped before handling it.
    const orphan = message(44, "/hanchot");
    expect(await fixture.store.inbox.record("telegram", String(orphan.update_id), JSON.stringify(orphan), fixture.clock.now)).toBe("new");
    // One process on SQLite: what the last one left unfinished is handled once, at the next start.
    try {
      expect(await channel.recover()).toBe(1);
      expect(handled).toBe(2);
      expect(await channel.recover()).toBe(0);
      expect(handled).toBe(2);
    } finally {
      await channel.stop();
    }
  });

  it("in a group answers commands and mentions, and stays quiet otherwise", async () => {
    const { channel, calls } = channelWith(fixture.core, fixture);
    await channel.process(message(-1001, "hôm nay họp mấy giờ?", "group", 501));
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
    await channel.process(message(-1001, "@dti_test_bot chỉ số 6.2 là gì", "group", 501));
    await channel.process(message(-1001, "/chiso họp không giấy", "group", 501));
    // A command for another bot in the same group is not ours.
    await channel.process(message(-1001, "/diem@other_bot", "group", 501));
    const sent = calls.filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => c.payload["chat_id"])).toEqual([-1001, -1001]);
    // A guest's "6.2" may be in each of the province's sets: its card, or the item among the choices.
    expect(JSON.stringify(sent[0]!.payload)).toContain("6.2. Văn bản điện tử được ký số");
  });

  it("in a group, reads a figure addressed to the bot, and a colleague cannot tap someone else's confirmation", async () => {
    const { channel, calls } = channelWith(fixture.core, fixture);
    const code = await fixture.invite("officer", "S18");
    await channel.process(message(502, `/start ${code}`));
    await channel.process(message(-1002, "@dti_test_bot 6.2 = 50%", "group", 502));
    const preview = calls.filter((c) => c.method === "sendMessage").at(-1)!;
    expect(String(preview.payload["text"])).toContain("Xin xác nhận 1 số liệu");
    const ok = ((preview.payload["reply_markup"] as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!).callback_data;
    const tap = (fromId: number): Update => ({
      update_id: ++nextUpdate,
      callback_query: {
        id: String(nextUpdate), chat_instance: "g", data: ok, from: { id: fromId, is_bot: false, first_name: "B" },
        message: { message_id: 7, date: 0, chat: { id: -1002, type: "group", title: "Tổ CNTT" }, text: "" },
      },
    } as Update);
    const before = calls.length;
    await channel.process(tap(503));
    const byColleague = calls.slice(before);
    expect(byColleague.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(byColleague[0]!.payload).toMatchObject({ show_alert: true, text: "Nút này thuộc yêu cầu của người khác; Anh/Chị không thao tác được." });
    await channel.process(tap(502));
    expect(calls.slice(before).map((c) => c.method)).toContain("editMessageReplyMarkup");
    expect(String(calls.filter((c) => c.method === "sendMessage").at(-2)!.payload["text"])).toContain("Đã ghi 1 số liệu");
  });

  it("on stop, finishes the updates already fetched by long polling before returning", async () => {
    const handled: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started!: () => void;
    const first = new Promise<void>((r) => {
      started = r;
    });
    const core: Core = {
      failureKey: () => "bot-error",
      handle: async (inbound) => {
        if (handled.length === 0) {
          started();
          await gate;
        }
        handled.push(inbound.text ?? "");
        return { locale: "vi", replies: [] };
      },
    };
    const batch = [message(60, "một"), message(61, "hai"), message(62, "ba")];
    let delivered = false;
    const channel = createTelegramChannel({
      token: "123456:TEST-TOKEN-FOR-TELEGRAM-UNIT-TESTS", botInfo: BOT_INFO, core, i18n: createI18n(), inbox: fixture.store.inbox, log: QUIET,
      rateLimit: 100, now: () => fixture.clock.now,
      transformer: async (_prev, method, payload, signal) => {
        if (method !== "getUpdates") return { ok: true, result: true } as never;
        if (!delivered) {
          delivered = true;
          return { ok: true, result: batch } as never;
        }
        // A long poll with nothing new is held until the bot stops it; a call without a timeout (grammY
        // confirming the offset as it stops) answers at once, as Telegram does.
        if ((payload as { timeout?: number }).timeout) await new Promise((_resolve, reject) => signal?.addEventListener("abort", () => reject(new Error("aborted"))));
        return { ok: true, result: [] } as never;
      },
    });
    await channel.startPolling();
    await first;
    const stopping = channel.stop();
    release();
    await stopping;
    expect(handled).toEqual(["một", "hai", "ba"]);
  });

  it("asks a person who sends too fast to slow down", async () => {
    const core: Core = { failureKey: () => "bot-error", handle: async () => ({ locale: "vi", replies: [{ lines: [text("ok")] }] }) };
    const { channel, calls } = channelWith(core, fixture, 3);
    for (let i = 0; i < 5; i += 1) await channel.process(message(45, `tin ${i}`));
    const texts = calls.filter((c) => c.method === "sendMessage").map((c) => c.payload["text"]);
    expect(texts.filter((t) => t === "ok")).toHaveLength(3);
    expect(texts).toContain("Anh/Chị gửi hơi nhanh; xin vui lòng đợi vài giây rồi gửi tiếp.");
  });

  it("answers a failure with an apology, not silence", async () => {
    const core: Core = {
      failureKey: () => "bot-error",
      handle: async () => {
        throw new Error("database gone");
      },
    };
    const { channel, calls } = channelWith(core, fixture);
    await channel.process(message(46, "/diem"));
    expect(calls.find((c) => c.method === "sendMessage")!.payload["text"]).toContain("Xin lỗi, hệ thống gặp sự cố");
  });

  it("removes a confirmation's buttons once tapped, and a second tap changes nothing", async () => {
    const driver = telegramDriver(fixture);
    const officer = await driver.user("47", "Nộp Hai Lần");
    await officer.send(`/start ${await fixture.invite("officer", "S11")}`);
    await officer.send("6.2 = 70%");
    expect((await officer.tap("Xác nhận")).map((s) => s.text).join("\n")).toContain("Đã ghi 1 số liệu");
    expect(driver.calls.some((c) => c.method === "editMessageReplyMarkup")).toBe(true);
    expect((await officer.tap("Xác nhận")).map((s) => s.text).join("\n")).toContain("Yêu cầu này đã được xử lý hoặc đã hết hạn");
    const unit = (await fixture.store.units.byCode(1, "S11"))!;
    expect((await fixture.store.figures.history(1, unit.id, "6.2")).filter((h) => h.rawValue === "70%")).toHaveLength(1);
  });

  it("registers the command menu per language and scope", async () => {
    const { channel, calls } = channelWith(fixture.core, fixture);
    await channel.registerCommands();
    const menus = calls.filter((c) => c.method === "setMyCommands").map((c) => [(c.payload["scope"] as { type: string }).type, c.payload["language_code"] ?? "vi"]);
    expect(menus).toEqual([["all_private_chats", "vi"], ["all_private_chats", "en"], ["all_group_chats", "vi"], ["all_group_chats", "en"]]);
    const vi = calls.find((c) => c.method === "setMyCommands")!.payload["commands"] as { command: string; description: string }[];
    expect(vi.find((c) => c.command === "diem")!.description).toBe("Điểm, xếp loại, thứ hạng của đơn vị");
  });

  it("takes webhooks only with the secret, answers at once, and ignores a replay", async () => {
    const handled: number[] = [];
    const core: Core = {
      failureKey: () => "bot-error",
      handle: async (inbound) => {
        handled.push(Number(inbound.updateId));
        return { locale: "vi", replies: [] };
      },
    };
    const { channel } = channelWith(core, fixture);
    const app = createHttpServer({
      logger: pino({ level: "silent" }), ready: async () => ({ status: "ready", checks: {} }),
      telegram: {
        secret: "webhook-secret-for-tests",
        accept: async (u) => (await fixture.store.inbox.record("telegram", String(u.update_id), JSON.stringify(u), fixture.clock.now)) !== "done",
        process: (u) => void channel.process(u as Update),
      },
    });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const post = (body: unknown, secret?: string) => fetch(`${url}/telegram/webhook`, {
        method: "POST", headers: { "content-type": "application/json", ...(secret && { "x-telegram-bot-api-secret-token": secret }) }, body: JSON.stringify(body),
      });
      const update = message(48, "/diem");
      expect((await post(update)).status).toBe(401);
      expect((await post(update, "wrong-secret-value-x")).status).toBe(401);
      expect((await post({ hello: 1 }, "webhook-secret-for-tests")).status).toBe(400);
      expect((await post(update, "webhook-secret-for-tests")).status).toBe(200);
      await vi.waitFor(() => expect(handled).toContain(update.update_id));
      expect((await post(update, "webhook-secret-for-tests")).status).toBe(200);
      // Whatever the replay scheduled has started after one turn of the loop; stop() waits for it to finish.
      await new Promise((r) => setImmediate(r));
      await channel.stop();
      expect(handled.filter((id) => id === update.update_id)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
