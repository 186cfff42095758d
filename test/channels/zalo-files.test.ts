import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/bot/core.js";
import type { Inbound } from "../../src/bot/reply.js";
import { MAX_FILE_BYTES } from "../../src/channels/download.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import { zaloMac, type ZaloEvent } from "../../src/channels/zalo/webhook.js";
import { chatFixture, type ChatFixture } from "../helpers/chat.js";
import { zaloUserId } from "../helpers/drivers.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";
import { eventually } from "../helpers/service.js";
import { zaloWebhookServer, type ZaloWebhookServer } from "../helpers/zalo-server.js";

const MB = 1024 * 1024;

/** How long a test waits for what the bot does after the webhook's answer. */
const UNTIL_MS = 5_000;

/** A CDN that breaks the 20 MB limit without saying so: no Content-Length, and a body that never ends. */
async function startEndlessServer(): Promise<{ url: string; server: Server; streamed: () => number }> {
  let streamed = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/pdf" });
    const chunk = randomBytes(MB);
    const pump = () => {
      while (!res.destroyed && streamed < 200 * MB && res.write(chunk)) streamed += chunk.length;
    };
    res.on("drain", pump);
    pump();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.pdf`, server, streamed: () => streamed };
}

describe("Zalo OA: images and files over the webhook", () => {
  let fixture: ChatFixture;
  let fake: FakeZalo;
  let server: ZaloWebhookServer;
  let channel: ZaloChannel;
  let hook: string;
  const inbound: Inbound[] = [];
  const core: Core = {
    failureKey: () => "bot-error",
    handle: async (i) => {
      inbound.push(i);
      return { locale: "vi", replies: [] };
    },
  };
  const received = (updateId: string) => eventually(() => inbound.find((i) => i.updateId === updateId), `event ${updateId} at the core`, UNTIL_MS);

  beforeAll(async () => {
    fixture = await chatFixture();
    fake = await startFakeZalo({ now: () => fixture.clock.now });
    server = await zaloWebhookServer(fixture, fake, core);
    ({ channel, hook } = server);
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
    await fixture.close();
  });

  it("gives the core an image with the text sent along, its 19-digit ids exact, and its bytes only when asked", async () => {
    const userId = zaloUserId("8101");
    fake.addUser({ id: userId, name: "Gửi Ảnh" });
    const jpeg = randomBytes(80_000);
    const msgId = "9123456789012345678";
    // Ids written as bare JSON numbers must keep their 19 digits.
    const sent = await fake.deliver(hook, { kind: "image", userId, data: jpeg, text: "Ảnh chụp minh chứng 6.2".normalize("NFD"), msgId }, { numericIds: true });
    expect(sent.status).toBe(200);
    const got = await received(msgId);
    expect(got).toMatchObject({ channel: "zalo", userId, chatId: userId, chatType: "private", text: "Ảnh chụp minh chứng 6.2", addressed: true });
    expect(got.file).toMatchObject({ filename: `anh-${msgId}.jpg`, declaredType: "image/jpeg", size: 80_000 });
    const url = (JSON.parse(sent.body) as { message: { attachments: { payload: { url: string } }[] } }).message.attachments[0]!.payload.url;
    expect(fake.hosted.get(url)?.downloads).toBe(0);
    expect(await got.file!.download()).toEqual(new Uint8Array(jpeg));
    expect(fake.hosted.get(url)?.downloads).toBe(1);
  });

  it("gives the core a file with its name and type, or a name made from the message when Zalo gives none", async () => {
    const userId = zaloUserId("8102");
    fake.addUser({ id: userId, name: "Gửi Tệp" });
    const pdf = randomBytes(120_000);
    await fake.deliver(hook, { kind: "file", userId, data: pdf, name: "Báo cáo ký số Q4.pdf", msgId: "file-1" });
    const got = await received("file-1");
    expect(got.text).toBeUndefined();
    expect(got.file).toMatchObject({ filename: "Báo cáo ký số Q4.pdf", declaredType: "application/pdf", size: 120_000 });
    expect(await got.file!.download()).toEqual(new Uint8Array(pdf));
    await fake.deliver(hook, { kind: "file", userId, data: randomBytes(10), msgId: "file-2" });
    expect((await received("file-2")).file).toMatchObject({ filename: "tep-file-2", declaredType: null, size: 10 });
  });

  it("hands each image of a message with several to the core, with the text sent along", async () => {
    const userId = zaloUserId("8105");
    const urls = [fake.hostFile(randomBytes(300)), fake.hostFile(randomBytes(400))];
    const event: ZaloEvent = {
      name: "user_send_image", appId: fake.appId, timestamp: String(fixture.clock.now.getTime()), userId, msgId: "album-1", text: "4.1",
      files: urls.map((url, i) => ({ url, name: `anh-${i + 1}.jpg`, size: 300 + 100 * i, type: "image" })),
    };
    const before = inbound.length;
    await channel.process(event);
    expect(inbound.slice(before).map((i) => [i.file?.filename, i.text])).toEqual([["anh-1.jpg", "4.1"], ["anh-2.jpg", "4.1"]]);
  });

  it("refuses a file over 20 MB, announced or streamed", async () => {
    const userId = zaloUserId("8103");
    fake.addUser({ id: userId, name: "Tệp Lớn" });
    await fake.deliver(hook, { kind: "file", userId, data: new Uint8Array(MAX_FILE_BYTES + 1), name: "lon.pdf", msgId: "big-1" });
    const announced = await received("big-1");
    expect(announced.file!.size).toBe(MAX_FILE_BYTES + 1);
    await expect(announced.file!.download()).rejects.toThrow("zalo: file of message big-1 not downloaded: announced 20971521 bytes, over the 20971520-byte limit");

    const endless = await startEndlessServer();
    try {
      // Straight to the channel, as the recovery would hand it a stored event: the URL says nothing of the size.
      const event: ZaloEvent = {
        name: "user_send_file", appId: fake.appId, timestamp: String(fixture.clock.now.getTime()), userId, msgId: "big-2", text: null,
        files: [{ url: endless.url, name: "vo-tan.pdf", size: null, type: "file" }],
      };
      await channel.process(event);
      await expect((await received("big-2")).file!.download()).rejects.toThrow(/over the 20971520-byte limit/);
      expect(endless.streamed()).toBeLessThan(200 * MB);
    } finally {
      endless.server.closeAllConnections();
      await new Promise((resolve) => endless.server.close(resolve));
    }
  });

  it("handles an image event left unfinished by a dead process from its stored JSON, file and all", async () => {
    const userId = zaloUserId("8104");
    fake.addUser({ id: userId, name: "Sau Khởi Động Lại" });
    // The webhook stores the event as it parsed it; here it was stored and the process stopped before handling it.
    const bytes = randomBytes(5_000);
    const url = fake.hostFile(bytes);
    const event: ZaloEvent = {
      name: "user_send_image", appId: fake.appId, timestamp: String(fixture.clock.now.getTime()), userId, msgId: "stored-1", text: "6.3",
      files: [{ url, name: null, size: 5_000, type: "image" }],
    };
    expect(await fixture.store.inbox.record("zalo", "stored-1", JSON.stringify(event), fixture.clock.now)).toBe("new");
    const saved = fixture.clock.now;
    fixture.clock.now = new Date(saved.getTime() + 31_000);
    try {
      expect(await channel.recover()).toBe(1);
    } finally {
      fixture.clock.now = saved;
    }
    const got = await received("stored-1");
    expect(got).toMatchObject({ text: "6.3", file: { filename: "anh-stored-1.jpg", size: 5_000 } });
    expect(await got.file!.download()).toEqual(new Uint8Array(bytes));
  });

  it("still answers a voice message, and an image stored before files were read, with 'text only'", async () => {
    const userId = zaloUserId("8105");
    fake.addUser({ id: userId, name: "Gửi Tiếng" });
    const at = String(fixture.clock.now.getTime());
    const raw = JSON.stringify({
      app_id: fake.appId, user_id_by_app: "1", event_name: "user_send_audio", timestamp: at,
      sender: { id: userId }, recipient: { id: fake.oaId }, message: { msg_id: "voice-1", attachments: [{ type: "audio", payload: { url: `${fake.url}/files/none.m4a` } }] },
    });
    const answer = await fetch(hook, {
      method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": zaloMac(fake.appId, raw, at, fake.oaSecretKey) }, body: raw,
    });
    expect(answer.status).toBe(200);
    const texts = () => fake.sent.filter((m) => m.userId === userId).map((m) => m.text ?? "");
    expect(await eventually(() => texts()[0], "the 'text only' answer", UNTIL_MS)).toContain("chỉ đọc tin nhắn dạng chữ");
    // Stored by an earlier version, with a count of attachments and no files.
    const old = { name: "user_send_image", appId: fake.appId, timestamp: at, userId, msgId: "old-1", text: null, attachments: 1 };
    await fixture.store.inbox.record("zalo", "old-1", JSON.stringify(old), fixture.clock.now);
    const saved = fixture.clock.now;
    fixture.clock.now = new Date(saved.getTime() + 31_000);
    try {
      await channel.recover();
    } finally {
      fixture.clock.now = saved;
    }
    expect(await eventually(() => texts()[1], "a second 'text only' answer", UNTIL_MS)).toContain("chỉ đọc tin nhắn dạng chữ");
    expect(inbound.some((i) => i.updateId === "voice-1" || i.updateId === "old-1")).toBe(false);
  });
});
