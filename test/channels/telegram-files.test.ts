import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/bot/core.js";
import type { InboxRepo } from "../../src/bot/ports/store.js";
import type { Inbound } from "../../src/bot/reply.js";
import { MAX_FILE_BYTES } from "../../src/channels/download.js";
import { createTelegramChannel, type TelegramChannel } from "../../src/channels/telegram/channel.js";
import { createI18n } from "../../src/i18n/index.js";
import { QUIET } from "../helpers/chat.js";
import { BOT_INFO } from "../helpers/drivers.js";
import { startTelegramEmulator } from "../helpers/telegram-emulator.js";

const TOKEN = "123456:TEST-TOKEN-FOR-TELEGRAM-FILE-TESTS";
const MB = 1024 * 1024;

/** Updates handled once, in memory: these tests are about files, not the store. */
function memoryInbox(): InboxRepo {
  const seen = new Map<string, boolean>();
  return {
    record: async (channel, id) => (seen.get(`${channel}:${id}`) ? "done" : (seen.set(`${channel}:${id}`, false), "new")),
    begin: async (channel, id) => (seen.get(`${channel}:${id}`) ? "done" : (seen.set(`${channel}:${id}`, true), "go")),
    done: async () => undefined,
    payload: async () => null,
    unhandled: async () => [],
    prune: async () => 0,
  };
}

/** A stand-in core that keeps what it was given. */
function recordingCore(): Core & { inbound: Inbound[] } {
  const inbound: Inbound[] = [];
  return {
    inbound,
    failureKey: () => "bot-error",
    handle: async (i) => {
      inbound.push(i);
      return { locale: "vi", replies: [] };
    },
  };
}

/** A stand-in for Telegram's file server: real HTTP, bytes under /file/bot<token>/<path>, and two that break the 20 MB limit. */
async function startFileServer(files: Map<string, Uint8Array>): Promise<{ url: string; server: Server; streamed: () => number }> {
  let streamed = 0;
  const server = createServer((req, res) => {
    const path = (req.url ?? "").replace(`/file/bot${TOKEN}/`, "");
    if (path === "big/announced.pdf") {
      // Says it is 25 MB; a client that trusts it to be small would wait for bytes that never come.
      res.writeHead(200, { "content-type": "application/pdf", "content-length": String(25 * MB) });
      res.write(randomBytes(1024));
      return;
    }
    if (path === "big/endless.pdf") {
      // No length, and no end: only a client that counts while it reads stops.
      res.writeHead(200, { "content-type": "application/pdf" });
      const chunk = randomBytes(MB);
      const pump = () => {
        while (!res.destroyed && streamed < 200 * MB && res.write(chunk)) streamed += chunk.length;
      };
      res.on("drain", pump);
      pump();
      return;
    }
    const bytes = files.get(path);
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { "content-length": String(bytes.length) }).end(bytes);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, streamed: () => streamed };
}

let nextUpdate = 70_000;
type Chat = { id: number; type: "private"; first_name: string } | { id: number; type: "group"; title: string };
const privateChat = (id: number): Chat => ({ id, type: "private", first_name: "A" });
const groupChat: Chat = { id: -1003, type: "group", title: "Tổ CNTT Sở Y tế" };
const withMedia = (chat: Chat, fromId: number, media: Record<string, unknown>, caption?: string): Update => ({
  update_id: ++nextUpdate,
  message: {
    message_id: nextUpdate, date: 0, chat, from: { id: fromId, is_bot: false, first_name: "A", language_code: "vi" },
    ...media, ...(caption !== undefined && { caption }),
  },
} as Update);
const document = (fileId: string, extra: Record<string, unknown> = {}) => ({
  document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: "Bao cao ky so.pdf", mime_type: "application/pdf", ...extra },
});

describe("Telegram channel: photos and documents", () => {
  const files = new Map<string, Uint8Array>();
  /** getFile answers, by file_id, as Telegram gives them. */
  const paths = new Map<string, { file_path: string; file_size?: number }>();
  const getFileCalls: string[] = [];
  let fileServer: Awaited<ReturnType<typeof startFileServer>>;
  let core: ReturnType<typeof recordingCore>;
  let channel: TelegramChannel;

  const host = (fileId: string, path: string, bytes: Uint8Array) => {
    files.set(path, bytes);
    paths.set(fileId, { file_path: path, file_size: bytes.length });
  };

  beforeAll(async () => {
    fileServer = await startFileServer(files);
    core = recordingCore();
    channel = createTelegramChannel({
      token: TOKEN, apiRoot: fileServer.url, botInfo: BOT_INFO, core, i18n: createI18n(), inbox: memoryInbox(), log: QUIET, rateLimit: 100,
      now: () => new Date("2026-11-21T03:00:00Z"),
      transformer: async (_prev, method, payload) => {
        if (method !== "getFile") return { ok: true, result: true } as never;
        const fileId = (payload as { file_id: string }).file_id;
        getFileCalls.push(fileId);
        const known = paths.get(fileId);
        if (!known) return { ok: false, error_code: 400, description: "Bad Request: invalid file_id" } as never;
        return { ok: true, result: { file_id: fileId, file_unique_id: `u-${fileId}`, ...known } } as never;
      },
    });
  });
  afterAll(async () => {
    await channel.stop();
    fileServer.server.closeAllConnections();
    await new Promise((resolve) => fileServer.server.close(resolve));
  });

  it("gives the core a document with its caption, and downloads its exact bytes only when asked", async () => {
    const bytes = randomBytes(150_000);
    host("doc-1", "documents/file_1.pdf", bytes);
    // A caption typed on macOS may come decomposed (NFD): the core reads it composed.
    await channel.process(withMedia(privateChat(81), 81, document("doc-1", { file_size: bytes.length }), "Minh chứng chỉ số 6.2 quý IV".normalize("NFD")));
    const got = core.inbound.at(-1)!;
    expect(got).toMatchObject({ channel: "telegram", userId: "81", chatId: "81", chatType: "private", text: "Minh chứng chỉ số 6.2 quý IV", addressed: true });
    expect(got.file).toMatchObject({ filename: "Bao cao ky so.pdf", declaredType: "application/pdf", size: 150_000 });
    expect(getFileCalls).not.toContain("doc-1");
    expect(await got.file!.download()).toEqual(new Uint8Array(bytes));
    expect(getFileCalls).toContain("doc-1");
  });

  it("takes the largest size of a photo, names it after its unique id, and says what it does not know", async () => {
    const large = randomBytes(90_000);
    host("photo-s", "photos/file_2.jpg", randomBytes(1_000));
    host("photo-m", "photos/file_3.jpg", randomBytes(12_000));
    host("photo-l", "photos/file_4.jpg", large);
    const photo = [
      { file_id: "photo-s", file_unique_id: "u-s", width: 90, height: 68, file_size: 1_000 },
      { file_id: "photo-m", file_unique_id: "u-m", width: 320, height: 240, file_size: 12_000 },
      { file_id: "photo-l", file_unique_id: "u-l", width: 1280, height: 960 },
    ];
    await channel.process(withMedia(privateChat(82), 82, { photo }));
    const got = core.inbound.at(-1)!;
    expect(got.text).toBeUndefined();
    expect(got.file).toMatchObject({ filename: "anh-u-l.jpg", declaredType: "image/jpeg", size: null });
    expect(await got.file!.download()).toEqual(new Uint8Array(large));
    // A document without a name or a type: named after its id, type unknown.
    host("doc-2", "documents/file_5", randomBytes(10));
    await channel.process(withMedia(privateChat(82), 82, { document: { file_id: "doc-2", file_unique_id: "u-doc-2" } }));
    expect(core.inbound.at(-1)!.file).toMatchObject({ filename: "tep-u-doc-2", declaredType: null, size: null });
  });

  it("gives every photo of an album the caption Telegram puts on the first one only", async () => {
    for (const id of ["alb-1", "alb-2", "alb-3"]) host(id, `photos/${id}.jpg`, randomBytes(500));
    const album = (id: string, caption?: string) => withMedia(privateChat(85), 85, {
      media_group_id: "13579", photo: [{ file_id: id, file_unique_id: `u-${id}`, width: 800, height: 600 }],
    }, caption);
    await channel.process(album("alb-1", "4.1"));
    await channel.process(album("alb-2"));
    await channel.process(album("alb-3"));
    expect(core.inbound.slice(-3).map((i) => [i.file?.filename, i.text])).toEqual([["anh-u-alb-1.jpg", "4.1"], ["anh-u-alb-2.jpg", "4.1"], ["anh-u-alb-3.jpg", "4.1"]]);
    // Another album of the same chat has its own caption, or none.
    await channel.process(withMedia(privateChat(85), 85, { media_group_id: "24680", photo: [{ file_id: "alb-3", file_unique_id: "u-x", width: 8, height: 6 }] }));
    expect(core.inbound.at(-1)!.text).toBeUndefined();
  });

  it("in a group, a caption addressed to the bot counts as addressed, without the bot's name; a file for another bot is not ours", async () => {
    host("doc-3", "documents/file_6.pdf", randomBytes(100));
    await channel.process(withMedia(groupChat, 83, document("doc-3"), "@dti_test_bot minh chứng 6.2"));
    expect(core.inbound.at(-1)).toMatchObject({ chatType: "group", chatId: "-1003", text: "minh chứng 6.2", addressed: true });
    await channel.process(withMedia(groupChat, 83, document("doc-3"), "gửi anh em xem"));
    expect(core.inbound.at(-1)).toMatchObject({ text: "gửi anh em xem", addressed: false });
    await channel.process(withMedia(groupChat, 83, document("doc-3")));
    expect(core.inbound.at(-1)!.addressed).toBe(false);
    expect(core.inbound.at(-1)!.text).toBeUndefined();
    const before = core.inbound.length;
    await channel.process(withMedia(groupChat, 83, document("doc-3"), "/nop@other_bot"));
    expect(core.inbound).toHaveLength(before);
    // A video is not evidence the bot reads, caption or not.
    await channel.process(withMedia(privateChat(83), 83, { video: { file_id: "v", file_unique_id: "v", width: 1, height: 1, duration: 1 } }, "video"));
    expect(core.inbound).toHaveLength(before);
  });

  it("refuses a file over 20 MB: as getFile announces it, as the server announces it, and while it streams", async () => {
    paths.set("big-1", { file_path: "big/any.pdf", file_size: MAX_FILE_BYTES + 1 });
    paths.set("big-2", { file_path: "big/announced.pdf" });
    paths.set("big-3", { file_path: "big/endless.pdf" });
    const downloads = [];
    for (const id of ["big-1", "big-2", "big-3"]) {
      await channel.process(withMedia(privateChat(84), 84, document(id)));
      downloads.push(core.inbound.at(-1)!.file!.download());
    }
    const [announcedByTelegram, announcedByServer, endless] = await Promise.allSettled(downloads);
    for (const outcome of [announcedByTelegram, announcedByServer, endless]) {
      expect(outcome?.status).toBe("rejected");
      const message = ((outcome as PromiseRejectedResult).reason as Error).message;
      expect(message).toMatch(/20971520-byte limit/);
      // The error is logged: the bot's token must not be in it.
      expect(message).not.toContain(TOKEN);
    }
    expect(((announcedByTelegram as PromiseRejectedResult).reason as Error).message).toBe("telegram: file big-1 not downloaded: 20971521 bytes, over the 20971520-byte limit");
    // The endless body was given up on soon after the limit, not read on and on.
    expect(fileServer.streamed()).toBeLessThan(200 * MB);
  });

  it("rejects a download Telegram refuses, with Telegram's reason", async () => {
    await channel.process(withMedia(privateChat(85), 85, document("unknown-file")));
    await expect(core.inbound.at(-1)!.file!.download()).rejects.toThrow(/invalid file_id/);
  });
});

describe("Telegram channel: files through the Bot API emulator", () => {
  it("receives a document and a photo a test user sends, and downloads them with getFile", async () => {
    const emulator = await startTelegramEmulator();
    const core = recordingCore();
    const channel = createTelegramChannel({
      token: TOKEN, apiRoot: emulator.apiRoot, botInfo: BOT_INFO, core, i18n: createI18n(), inbox: memoryInbox(), log: QUIET, rateLimit: 100,
      now: () => new Date(),
    });
    try {
      await channel.startPolling();
      const client = emulator.server.getClient(TOKEN, { userId: 86, chatId: 86, firstName: "Gửi Tệp", type: "private" });
      const pdf = randomBytes(40_000);
      const sent = await emulator.sendFile(client, { filename: "Quyết định 12.pdf", mimeType: "application/pdf", data: pdf, caption: "6.2 minh chứng" });
      const jpeg = randomBytes(60_000);
      await emulator.sendFile(client, { filename: "anh.jpg", data: jpeg, asPhoto: true });
      for (let i = 0; i < 250 && core.inbound.length < 2; i += 1) await new Promise((r) => setTimeout(r, 20));
      const [document, photo] = core.inbound;
      expect(document).toMatchObject({ userId: "86", text: "6.2 minh chứng", file: { filename: "Quyết định 12.pdf", declaredType: "application/pdf", size: 40_000 } });
      expect(await document!.file!.download()).toEqual(new Uint8Array(pdf));
      expect(emulator.extraCalls.filter((c) => c.method === "getFile").map((c) => c.body["file_id"])).toEqual([sent.fileId]);
      expect(photo!.file).toMatchObject({ declaredType: "image/jpeg", size: 60_000 });
      expect(photo!.file!.filename).toMatch(/^anh-.+\.jpg$/);
      expect(await photo!.file!.download()).toEqual(new Uint8Array(jpeg));
      // The file URL answers only for the bot the file was sent to.
      expect((await fetch(`${emulator.apiRoot}/file/bot999:OTHER/${sent.filePath}`)).status).toBe(404);
    } finally {
      await channel.stop();
      await emulator.close();
    }
  });
});
