import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// The package is CommonJS without an exports map: its class is imported from the file that defines it.
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";
import { TelegramServer, type StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A message the bot sent, as the emulator stored it (the sendMessage payload). */
export interface BotMessage {
  readonly messageId: number;
  readonly chatId: string;
  readonly text: string;
  readonly buttons: readonly { text: string; data: string }[];
}

/** A file a test user sends to the bot from the Telegram app. */
export interface UserFile {
  /** The document's `file_name`; a photo has none in Telegram (the name only picks the stored path's extension). */
  readonly filename: string;
  /** The document's `mime_type`; left out of the update when not given. Photos are JPEG in Telegram whatever they were. */
  readonly mimeType?: string;
  /** The bytes the bot downloads (for a photo: those of its largest size). */
  readonly data: Uint8Array;
  readonly caption?: string;
  /** Sent as a compressed photo (`message.photo`, three sizes, smallest first) rather than as a file (`message.document`). */
  readonly asPhoto?: boolean;
}

/** What the bot can fetch of a sent file with getFile: ids of the document, or of the photo's largest size. */
export interface SentFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly filePath: string;
}

export interface TelegramEmulator {
  /** The Bot API root to give the bot (TELEGRAM_API_ROOT). */
  readonly apiRoot: string;
  readonly server: TelegramServer;
  /** Methods the emulator does not implement, answered here as Telegram would (setMyCommands, sendPhoto…). */
  readonly extraCalls: { method: string; body: Record<string, unknown> }[];
  /**
   * The person behind `client` sends a document or a photo, with an optional caption: the bot gets a
   * real-format `message` update with `document` or `photo`, and can fetch the bytes with getFile and
   * GET `/file/bot<token>/<file_path>`, as from Telegram. Resolves once the emulator holds the update.
   */
  sendFile(client: TelegramClient, file: UserFile): Promise<SentFile>;
  /** Everything the bot has sent to a chat so far, oldest first. */
  sentTo(chatId: number): BotMessage[];
  /** Ways the Bot API fails, for the fault tests. */
  readonly faults: EmulatorFaults;
  close(): Promise<void>;
}

export interface EmulatorFaults {
  /**
   * pass: answer as Telegram does; freeze: take every request and never answer (a hung server or network);
   * conflict: answer getUpdates 409, as Telegram does while another process polls the same bot.
   */
  mode: "pass" | "freeze" | "conflict";
  /** Every sendMessage is held this long before Telegram takes it (a slow network): messages stay in flight. */
  sendDelayMs: number;
  /** setWebhook answers 400 "bad webhook", as Telegram does for an address it does not accept. */
  refuseWebhook: boolean;
  /** Stop listening: connections are refused, and open ones are cut. */
  refuse(): Promise<void>;
  /** Listen again, on the same address. */
  resume(): Promise<void>;
  /** Hand a raw update (any shape) to the next getUpdates, as if Telegram had sent it. */
  inject(update: Record<string, unknown>): void;
}

/** Telegram lets bots download files up to 20 MB (getFile answers "file is too big" above). */
const GET_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** The sizes a photo comes in (Telegram keeps the aspect ratio; these stand for a 4:3 picture). */
const PHOTO_SIZES = [[90, 68], [320, 240], [1280, 960]] as const;

interface StoredFile {
  readonly token: string;
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly filePath: string;
  readonly bytes: Buffer;
}

const EXTRA_METHODS = new Set(["setMyCommands", "deleteMyCommands", "sendChatAction", "sendPhoto", "sendDocument"]);
/** Longest a getUpdates call is held open here while no update is waiting (Telegram holds up to `timeout` seconds). */
const LONG_POLL_MS = 1_000;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * telegram-test-api (a Bot API emulator) behind a thin front that adds what a
 * polling bot needs from the real server: getUpdates held open until an update
 * arrives (long polling), and real-format answers for the few methods the
 * emulator lacks, so grammY never sees a non-Telegram error.
 */
export async function startTelegramEmulator(): Promise<TelegramEmulator> {
  const backendPort = await freePort();
  const server = new TelegramServer({ port: backendPort, host: "127.0.0.1", storeTimeout: 3_600 });
  await server.start();
  const extraCalls: TelegramEmulator["extraCalls"] = [];
  let fakeMessageId = 1_000_000;
  const files = new Map<string, StoredFile>();
  let fileCount = 0;
  /** Store bytes as Telegram would: an opaque file_id, a short file_unique_id, a path under documents/ or photos/. */
  const storeFile = (token: string, folder: string, extension: string, bytes: Buffer): StoredFile => {
    fileCount += 1;
    const file = {
      token, fileId: `BQACAgIAAxkBAAI${randomBytes(24).toString("base64url")}`, fileUniqueId: `AgAD${randomBytes(6).toString("base64url")}`,
      filePath: `${folder}/file_${fileCount}${extension}`, bytes,
    };
    files.set(file.fileId, file);
    return file;
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest({
        host: "127.0.0.1", port: backendPort, path: req.url, method: req.method,
        headers: { ...req.headers, "host": `127.0.0.1:${backendPort}`, "content-length": String(body.length) },
      }, async (res) => {
        const chunks = await readBody(res);
        resolve({ status: res.statusCode ?? 502, headers: { "content-type": res.headers["content-type"] ?? "application/json" }, body: chunks });
      });
      out.on("error", reject);
      out.end(body);
    });

  /**
   * Telegram's getUpdates: updates stay available until a later call's
   * `offset` confirms them, at most `limit` come per call, and the call is
   * held open up to `timeout` seconds while none is waiting. The emulator
   * hands each update out once, so what it hands out waits here until
   * confirmed: a bot that stops or crashes mid-batch gets it again.
   */
  const unconfirmed: { update_id: number }[] = [];
  const longPoll = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const params = (body.length > 0 ? JSON.parse(body.toString()) : {}) as { offset?: number; limit?: number; timeout?: number };
    const deadline = Date.now() + Math.min((params.timeout ?? 0) * 1000, LONG_POLL_MS);
    // A bot that went away mid-poll must not take updates with it.
    let gone = false;
    res.on("close", () => {
      gone = !res.writableFinished;
    });
    for (;;) {
      if (gone) return;
      if (params.offset !== undefined) {
        while (unconfirmed.length > 0 && unconfirmed[0]!.update_id < params.offset) unconfirmed.shift();
      }
      const fetched = await forward(req, Buffer.from("{}"));
      unconfirmed.push(...((JSON.parse(fetched.body.toString()) as { result?: { update_id: number }[] }).result ?? []));
      const result = unconfirmed.slice(0, params.limit ?? 100);
      if (result.length > 0 || Date.now() >= deadline) {
        if (gone) return;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
        return;
      }
      await Promise.race([server.waitUserMessage(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
  };

  /** getFile: the path to download a file from, for the bot it was sent to. */
  const getFile = (token: string, body: Buffer, query: URLSearchParams): unknown => {
    // grammY sends JSON; other clients may send a form or a query string.
    const json: Record<string, unknown> = body.length > 0 && body[0] === 0x7b
      ? JSON.parse(body.toString()) as Record<string, unknown>
      : Object.fromEntries(new URLSearchParams(body.toString()));
    const fileId = String(json["file_id"] ?? query.get("file_id") ?? "");
    extraCalls.push({ method: "getFile", body: { file_id: fileId } });
    const file = files.get(fileId);
    if (!file || file.token !== token) return { ok: false, error_code: 400, description: "Bad Request: invalid file_id" };
    if (file.bytes.length > GET_FILE_MAX_BYTES) return { ok: false, error_code: 400, description: "Bad Request: file is too big" };
    return { ok: true, result: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath } };
  };

  const faults: EmulatorFaults = {
    mode: "pass",
    sendDelayMs: 0,
    refuseWebhook: false,
    async refuse() {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    },
    async resume() {
      front.listen(frontPort, "127.0.0.1");
      await once(front, "listening");
    },
    inject(update) {
      unconfirmed.push(update as { update_id: number });
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A frozen server takes the request and never answers (the client's own time-out is all that ends it).
    if (faults.mode === "freeze") return;
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && req.method === "GET") {
      const file = [...files.values()].find((f) => f.token === download[1] && f.filePath === decodeURIComponent(download[2]!));
      if (!file) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.bytes.length) }).end(file.bytes);
      return;
    }
    const token = /^\/bot([^/]+)\//.exec(url.pathname)?.[1] ?? "";
    const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? "")?.[1] ?? "";
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    if (EXTRA_METHODS.has(method)) {
      const json = (req.headers["content-type"] ?? "").includes("json") ? JSON.parse(body.toString() || "{}") as Record<string, unknown> : {};
      extraCalls.push({ method, body: json });
      const result = method.startsWith("send") && method !== "sendChatAction"
        ? { message_id: ++fakeMessageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(json["chat_id"] ?? 0), type: "private" } }
        : true;
      reply(200, { ok: true, result });
      return;
    }
    if (method === "setWebhook" && faults.refuseWebhook) {
      reply(400, { ok: false, error_code: 400, description: "Bad Request: bad webhook: An HTTPS URL must be provided for webhook" });
      return;
    }
    if (method === "getFile") {
      reply(200, getFile(token, body, url.searchParams));
      return;
    }
    if (method === "getUpdates") {
      if (faults.mode === "conflict") {
        reply(409, { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
        return;
      }
      await longPoll(req, res, body);
      return;
    }
    if (method === "sendMessage" && faults.sendDelayMs > 0) await new Promise((r) => setTimeout(r, faults.sendDelayMs));
    const answer = await forward(req, body);
    res.writeHead(answer.status, answer.headers).end(answer.body);
  };

  const front: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  front.listen(0, "127.0.0.1");
  await once(front, "listening");
  const frontPort = (front.address() as AddressInfo).port;
  const apiRoot = `http://127.0.0.1:${frontPort}`;

  return {
    apiRoot,
    server,
    extraCalls,
    faults,
    async sendFile(client, file) {
      const { text: _text, ...common } = client.makeMessage("");
      const bytes = Buffer.from(file.data);
      const extension = /\.[A-Za-z0-9]+$/.exec(file.filename)?.[0]?.toLowerCase() ?? "";
      let sent: StoredFile;
      let media: Record<string, unknown>;
      if (file.asPhoto) {
        // The smaller sizes are other pictures with their own bytes: a bot that took one would not get `data`.
        const sizes = PHOTO_SIZES.map(([width, height], i) => {
          const last = i === PHOTO_SIZES.length - 1;
          const stored = storeFile(common.botToken, "photos", ".jpg", last ? bytes : Buffer.from(`thumbnail ${width}x${height}`));
          return { stored, size: { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, file_size: stored.bytes.length, width, height } };
        });
        sent = sizes.at(-1)!.stored;
        media = { photo: sizes.map((p) => p.size) };
      } else {
        sent = storeFile(common.botToken, "documents", extension, bytes);
        media = {
          document: {
            file_name: file.filename, ...(file.mimeType && { mime_type: file.mimeType }),
            file_id: sent.fileId, file_unique_id: sent.fileUniqueId, file_size: bytes.length,
          },
        };
      }
      // The emulator stores what it is given as the message, so the update carries exactly Telegram's fields.
      await client.sendMessage({ ...common, ...media, ...(file.caption !== undefined && { caption: file.caption }) } as never);
      return { fileId: sent.fileId, fileUniqueId: sent.fileUniqueId, filePath: sent.filePath };
    },
    sentTo(chatId) {
      return server.storage.botMessages
        .filter((u: StoredBotUpdate) => String(u.message.chat_id) === String(chatId))
        .map((u: StoredBotUpdate) => {
          const markup = u.message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
          return {
            messageId: u.messageId,
            chatId: String(u.message.chat_id),
            text: String(u.message.text),
            buttons: (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" })),
          };
        });
    },
    async close() {
      front.closeAllConnections();
      if (front.listening) await new Promise((resolve) => front.close(resolve));
      await server.stop();
    },
  };
}
