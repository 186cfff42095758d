import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeLimits {
  readonly globalPerSecond: number;
  readonly chatPerSecond: number;
  readonly groupPerMinute: number;
}

type Failure = "ok" | "429" | "500" | "cut";

export interface Received {
  readonly method: string;
  readonly chatId: string;
  readonly text: string;
  readonly messageId: number;
  readonly at: number;
  /** The first path segment of the API root the client was given (`<apiRoot>/A`): which of several bots sent it; "" without one. */
  readonly via: string;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  /** Messages the fake accepted (sendMessage, sendPhoto, sendDocument, editMessageText), in order. */
  readonly received: Received[];
  /** Requests answered 429 because they broke a limit the bot had been told about (a retry_after not honoured). */
  readonly violations: string[];
  /** How many 429s were served in all, and why (global, chat, group, injected, penalty). */
  tooMany: number;
  readonly tooManyReasons: string[];
  /** Chats whose user blocked the bot: 403. */
  readonly blocked: Set<string>;
  /** Every send takes this long to answer (a slow network or a busy platform). */
  delayMs: number;
  /** Answer the next `n` sends to a chat with this failure ("ok" lets one through, to fail a later one). */
  failNext(chatId: string, n: number, failure: Failure): void;
  /** Hold every send to a chat unanswered until `release`: a handler writing to it stays in the middle of its work. */
  hold(chatId: string): void;
  release(chatId: string): void;
  /** Sends to a chat waiting on `hold` right now: the `via` of each (which client sent it). */
  held(chatId: string): readonly string[];
  close(): Promise<void>;
}

/** Bot API calls that change settings or answer a tap: nothing to count, nothing to limit. */
const SETTINGS_METHODS = new Set(["setWebhook", "deleteWebhook", "setMyCommands", "deleteMyCommands", "answerCallbackQuery", "editMessageReplyMarkup", "sendChatAction"]);

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** chat_id and text from a JSON body, or from a multipart upload (sendPhoto, sendDocument). */
function fields(req: IncomingMessage, raw: Buffer): Record<string, string> {
  if ((req.headers["content-type"] ?? "").includes("json")) return JSON.parse(raw.toString() || "{}") as Record<string, string>;
  const out: Record<string, string> = {};
  const text = raw.toString("latin1");
  for (const m of text.matchAll(/name="([a-z_]+)"\r\n\r\n([^\r]*)\r\n/g)) out[m[1]!] = Buffer.from(m[2]!, "latin1").toString("utf8");
  return out;
}

/**
 * A local stand-in for the Bot API's sending side, in its wire format, that
 * enforces Telegram's limits: more than `globalPerSecond` in any second, a
 * chat written to again within 1/`chatPerSecond` s, or a group past
 * `groupPerMinute` gets `429 Too Many Requests` with `retry_after`; a
 * request during a retry_after it announced is a violation. Blocked chats
 * get 403. Failures can be injected per chat, including a connection cut
 * after the message was taken (the bot cannot know it arrived). It also
 * answers the whole service's start-up calls (getMe, setWebhook, the command
 * menu), so a service in a child process can run against it.
 */
export async function startFakeTelegram(limits: FakeLimits): Promise<FakeTelegram> {
  const received: Received[] = [];
  const violations: string[] = [];
  const blocked = new Set<string>();
  const injected = new Map<string, Failure[]>();
  const recent: number[] = [];
  const lastToChat = new Map<string, number>();
  const groupSends = new Map<string, number[]>();
  let penaltyUntil = 0;
  let nextMessageId = 1;
  const fake = { tooMany: 0, tooManyReasons: [] as string[], delayMs: 0 };
  /** Held chats: the sends waiting on each, and what lets them go. */
  const holds = new Map<string, { waiting: string[]; released: Promise<void>; release: () => void }>();

  const reply = (res: ServerResponse, status: number, payload: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  const tooMany = (res: ServerResponse, seconds: number, why: string) => {
    fake.tooMany += 1;
    fake.tooManyReasons.push(why);
    penaltyUntil = Math.max(penaltyUntil, Date.now() + seconds * 1000);
    reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // `/<tag>/bot<token>/<method>`: several clients given `<apiRoot>/<tag>` share one fake and are told apart.
    const route = /^(?:\/([A-Za-z0-9_-]+))?\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? "");
    const via = route?.[1] ?? "";
    const method = route?.[2] ?? "";
    const raw = await body(req);
    // Not part of the Bot API: what the fake has seen, for a test or benchmark in another process.
    if (req.url === "/__stats") {
      const texts = new Map<string, number>();
      for (const r of received) texts.set(r.text, (texts.get(r.text) ?? 0) + 1);
      return reply(res, 200, { received: received.length, distinct: texts.size, tooMany: fake.tooMany, reasons: [...new Set(fake.tooManyReasons)] });
    }
    if (method === "getMe") return reply(res, 200, { ok: true, result: { id: 1, is_bot: true, first_name: "DTI Bot", username: "dti_fake_bot" } });
    // What the whole service calls besides sending (its start-up, taps): taken, as Telegram does.
    if (SETTINGS_METHODS.has(method)) return reply(res, 200, { ok: true, result: true });
    if (!["sendMessage", "sendPhoto", "sendDocument", "editMessageText"].includes(method)) {
      return reply(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
    const f = fields(req, raw);
    const chatId = String(f["chat_id"] ?? "");
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    const holding = holds.get(chatId);
    if (holding) {
      // A client that goes away while held (a killed process closes its connections): what it sent is not taken.
      let gone = false;
      const leave = () => {
        gone = true;
      };
      req.socket.once("end", leave).once("close", leave);
      holding.waiting.push(via);
      await holding.released;
      holding.waiting.splice(holding.waiting.indexOf(via), 1);
      req.socket.off("end", leave).off("close", leave);
      if (gone) return res.destroy();
    }
    const now = Date.now();
    if (now < penaltyUntil) {
      violations.push(`${method} to ${chatId} during retry_after`);
      return tooMany(res, Math.ceil((penaltyUntil - now) / 1000), "penalty");
    }
    const failure = injected.get(chatId)?.shift();
    if (failure === "429") return tooMany(res, 1, "injected");
    if (failure === "500") return reply(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    if (blocked.has(chatId)) return reply(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
    if (recent.length >= limits.globalPerSecond) return tooMany(res, 1, "global");
    if (now - (lastToChat.get(chatId) ?? -Infinity) < 1000 / limits.chatPerSecond) return tooMany(res, 1, "chat");
    if (chatId.startsWith("-")) {
      const sends = (groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
      groupSends.set(chatId, sends);
      if (sends.length >= limits.groupPerMinute) return tooMany(res, 3, "group");
      sends.push(now);
    }
    recent.push(now);
    lastToChat.set(chatId, now);
    const messageId = method === "editMessageText" ? Number(f["message_id"]) : nextMessageId++;
    received.push({ method, chatId, text: f["text"] ?? f["caption"] ?? "", messageId, at: now, via });
    // The platform took it, and then the connection broke: the bot gets no answer.
    if (failure === "cut") return res.destroy();
    const chat = { id: Number(chatId), type: chatId.startsWith("-") ? "group" : "private", ...(chatId.startsWith("-") ? { title: "Nhóm" } : { first_name: "A" }) };
    const result: Record<string, unknown> = { message_id: messageId, date: Math.floor(now / 1000), chat };
    if (method === "sendPhoto") result["photo"] = [{ file_id: `photo-${messageId}`, file_unique_id: `u${messageId}`, width: 800, height: 600 }];
    else if (method === "sendDocument") result["document"] = { file_id: `doc-${messageId}`, file_unique_id: `d${messageId}` };
    else result["text"] = f["text"] ?? "";
    return reply(res, 200, { ok: true, result });
  };

  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    apiRoot, received, violations, blocked,
    failNext(chatId: string, n: number, failure: Failure) {
      injected.set(chatId, [...(injected.get(chatId) ?? []), ...Array.from({ length: n }, () => failure)]);
    },
    hold(chatId: string) {
      if (holds.has(chatId)) return;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.set(chatId, { waiting: [], released, release });
    },
    release(chatId: string) {
      holds.get(chatId)?.release();
      holds.delete(chatId);
    },
    held: (chatId: string) => [...(holds.get(chatId)?.waiting ?? [])],
    async close() {
      for (const holding of holds.values()) holding.release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}
