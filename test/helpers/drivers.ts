import { PassThrough } from "node:stream";
import type { Update, UserFromGetMe } from "grammy/types";
import type { InboxRepo } from "../../src/bot/ports/store.js";
import { runConsole } from "../../src/channels/console/channel.js";
import { createTelegramChannel } from "../../src/channels/telegram/channel.js";
import { createZaloChannel } from "../../src/channels/zalo/channel.js";
import { createZaloClient } from "../../src/channels/zalo/client.js";
import { createZaloOAuth } from "../../src/channels/zalo/oauth.js";
import type { ZaloEvent } from "../../src/channels/zalo/webhook.js";
import { startFakeZalo } from "./fake-zalo.js";
import { QUIET, type ChatFixture } from "./chat.js";

/** A reply as the person sees it: plain text and the labels of its buttons. */
export interface Seen {
  readonly text: string;
  readonly buttons: readonly string[];
}

export interface ChatUser {
  send(text: string): Promise<Seen[]>;
  /** Tap the button with this label in the latest reply that has buttons. */
  tap(label: string | RegExp): Promise<Seen[]>;
}

/** A channel under the contract suite: people who chat with the bot through it. */
export interface ChatDriver {
  readonly name: string;
  user(id: string, displayName?: string): Promise<ChatUser>;
  close(): Promise<void>;
}

export const BOT_INFO: UserFromGetMe = {
  id: 777000111, is_bot: true, first_name: "DTI Bot", username: "dti_test_bot", can_join_groups: true,
  can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false,
} as UserFromGetMe;

const stripHtml = (html: string) => html.replace(/<\/?(b|i|code)>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

type Call = { method: string; payload: Record<string, unknown> };

/** Telegram through grammY with every API call captured in process (no network). */
export function telegramDriver(fixture: ChatFixture, options: { inbox?: InboxRepo } = {}): ChatDriver & { calls: Call[] } {
  const calls: Call[] = [];
  let messageId = 100;
  const channel = createTelegramChannel({
    token: "123456:TEST-TOKEN-FOR-THE-CONTRACT-SUITE", botInfo: BOT_INFO, core: fixture.core, i18n: fixture.i18n,
    inbox: options.inbox ?? fixture.store.inbox, log: QUIET, rateLimit: 100, now: () => fixture.clock.now,
    transformer: async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      messageId += 1;
      const result = method === "sendMessage"
        ? { message_id: messageId, date: 0, chat: { id: (payload as { chat_id: number }).chat_id, type: "private" }, text: (payload as { text: string }).text }
        : true;
      return { ok: true, result } as never;
    },
  });
  let updateId = 5000;
  return {
    name: "telegram",
    calls,
    async user(id, displayName = "Cán bộ thử") {
      const chat = { id: Number(id), type: "private" as const, first_name: displayName };
      const from = { id: Number(id), is_bot: false, first_name: displayName, language_code: "vi" };
      let lastButtons: { text: string; callback_data: string }[] = [];
      let lastMessageId = 0;
      const collect = async (update: Update): Promise<Seen[]> => {
        const before = calls.length;
        await channel.process(update);
        const seen = calls.slice(before).filter((c) => c.method === "sendMessage").map((c) => {
          const markup = c.payload["reply_markup"] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
          const buttons = markup?.inline_keyboard?.flat() ?? [];
          if (buttons.length > 0) lastButtons = buttons;
          return { text: stripHtml(String(c.payload["text"])), buttons: buttons.map((b) => b.text) };
        });
        return seen;
      };
      return {
        async send(text) {
          updateId += 1;
          lastMessageId += 1;
          const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
          return collect({ update_id: updateId, message: { message_id: lastMessageId, date: 0, chat, from, text, ...(entities && { entities }) } } as Update);
        },
        async tap(label) {
          const button = lastButtons.find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
          if (!button) throw new Error(`no button ${String(label)} among ${lastButtons.map((b) => b.text).join(", ")}`);
          updateId += 1;
          return collect({
            update_id: updateId,
            callback_query: { id: `cb${updateId}`, from, chat_instance: "1", data: button.callback_data, message: { message_id: lastMessageId, date: 0, chat, text: "" } },
          } as Update);
        },
      };
    },
    close: async () => undefined,
  };
}

/** The terminal demo, driven through its own input and output streams. */
export function consoleDriver(fixture: ChatFixture): ChatDriver {
  const sessions: PassThrough[] = [];
  return {
    name: "console",
    async user() {
      const input = new PassThrough();
      const output = new PassThrough();
      sessions.push(input);
      let buffer = "";
      output.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
      });
      void runConsole({ core: fixture.core, i18n: fixture.i18n, input, output, logins: [], now: () => fixture.clock.now });
      // Wait for a prompt: the console prints "> " when it is ready for the next line.
      const settle = async (): Promise<string> => {
        for (let i = 0; i < 400; i += 1) {
          if (buffer.endsWith("> ")) {
            const out = buffer;
            buffer = "";
            return out;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`console did not answer: ${buffer}`);
      };
      await settle();
      input.write("0\n");
      await settle();
      let lastButtons: string[] = [];
      const parse = (out: string): Seen[] => {
        const blocks = out.replace(/> $/, "").split(/\n\n+/).map((b) => b.trim()).filter(Boolean);
        return blocks.map((block) => {
          const lines = block.split("\n");
          const last = lines.at(-1) ?? "";
          const buttons = /^\s*\[\d+\] /.test(last) ? [...last.matchAll(/\[\d+\] (.*?)(?=\s*\[\d+\] |$)/g)].map((m) => m[1]!.trim()) : [];
          if (buttons.length > 0) lastButtons = buttons;
          return { text: (buttons.length > 0 ? lines.slice(0, -1) : lines).join("\n"), buttons };
        });
      };
      return {
        async send(text) {
          input.write(`${text.replace(/\n/g, "\\n")}\n`);
          return parse(await settle());
        },
        async tap(label) {
          const index = lastButtons.findIndex((b) => (typeof label === "string" ? b.includes(label) : label.test(b)));
          if (index === -1) throw new Error(`no button ${String(label)} among ${lastButtons.join(", ")}`);
          input.write(`${index + 1}\n`);
          return parse(await settle());
        },
      };
    },
    close: async () => {
      for (const input of sessions) input.end();
    },
  };
}

/** A Zalo user id for a test id: 19 digits, beyond what a JavaScript number holds exactly. */
export const zaloUserId = (id: string): string => `8${id.padStart(18, "0")}`;

/**
 * Zalo OA through the real client over HTTP to the local fake Zalo server;
 * each message is a user_send_text event handed to the channel (the webhook
 * in front of it has its own tests), each tap the button's text sent back.
 */
export async function zaloDriver(fixture: ChatFixture, options: { buttons?: "template" | "text" } = {}): Promise<ChatDriver> {
  const now = () => fixture.clock.now;
  const fake = await startFakeZalo({ now });
  const oauth = createZaloOAuth({ fetch, appId: fake.appId, appSecret: fake.appSecret, base: fake.url, now });
  // The clock moves in some conversations: a refused token is refreshed, as the token keeper would.
  let grant = await oauth.refresh(fake.grantRefreshToken());
  const tokens = {
    current: async () => grant.accessToken,
    refused: async () => (grant = await oauth.refresh(grant.refreshToken)).accessToken,
  };
  const channel = createZaloChannel({
    client: createZaloClient({ fetch, tokens, apiBase: fake.url }), core: fixture.core, i18n: fixture.i18n, inbox: fixture.store.inbox,
    identities: fixture.store.identities, outbox: fixture.store.outbox, log: QUIET, now, buttons: { mode: options.buttons ?? "template" }, textLimit: 2000,
  });
  let msg = 0;
  return {
    name: "zalo",
    async user(id, displayName = "Cán bộ thử") {
      const userId = zaloUserId(id);
      fake.addUser({ id: userId, name: displayName, follower: true, lastInteraction: now() });
      let lastButtons: { title: string; payload: unknown }[] = [];
      const say = async (text: string): Promise<Seen[]> => {
        msg += 1;
        fake.setLastInteraction(userId, now());
        const before = fake.sent.length;
        const event: ZaloEvent = {
          name: "user_send_text", appId: fake.appId, timestamp: String(now().getTime()), userId, msgId: `m${msg}-${userId}`, text, files: [],
        };
        await channel.process(event);
        return fake.sent.slice(before).filter((m) => m.userId === userId).map((m) => {
          if (m.buttons.length > 0) lastButtons = m.buttons;
          return { text: m.text ?? "", buttons: m.buttons.map((b) => b.title) };
        });
      };
      return {
        send: say,
        async tap(label) {
          const button = lastButtons.find((b) => (typeof label === "string" ? b.title.includes(label) : label.test(b.title)));
          if (!button) throw new Error(`no button ${String(label)} among ${lastButtons.map((b) => b.title).join(", ")}`);
          return say(String(button.payload));
        },
      };
    },
    close: () => fake.close(),
  };
}
