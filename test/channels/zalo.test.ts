import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pkcePair } from "../../src/channels/zalo/oauth.js";
import { zaloMac } from "../../src/channels/zalo/webhook.js";
import { createRefusals } from "../../src/http/refusals.js";
import { chatFixture, type ChatFixture } from "../helpers/chat.js";
import { zaloUserId } from "../helpers/drivers.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";
import { eventually } from "../helpers/service.js";
import { zaloWebhookServer, type ZaloWebhookServer } from "../helpers/zalo-server.js";

/** How long a test waits for what the bot does after the webhook's answer. */
const UNTIL_MS = 5_000;

describe("Zalo OA over its webhook and the real HTTP server", () => {
  let fixture: ChatFixture;
  let fake: FakeZalo;
  let server: ZaloWebhookServer;
  let base: string;
  let hook: string;
  const textsTo = (userId: string) => fake.sent.filter((m) => m.userId === userId).map((m) => m.text ?? "");
  const replyTo = (userId: string, after: number, pattern: RegExp) =>
    eventually(() => textsTo(userId).slice(after).find((t) => pattern.test(t)), `a reply matching ${String(pattern)}`, UNTIL_MS);
  /** Everything sent to this person so far has been answered in full: events of one person are handled in order. */
  const settle = async (userId: string) => {
    const switched = () => textsTo(userId).filter((t) => t.includes("Đã chuyển sang Tiếng Việt")).length;
    const count = switched();
    await fake.deliver(hook, { kind: "text", userId, text: "/ngonngu vi" });
    await eventually(() => (switched() > count ? true : undefined), "the person's earlier messages to be answered", UNTIL_MS);
  };

  /** What the service would log and count of refused requests. */
  const warnings: Record<string, unknown>[] = [];
  const refusedCount = new Map<string, number>();

  beforeAll(async () => {
    fixture = await chatFixture();
    fake = await startFakeZalo({ now: () => fixture.clock.now });
    const refusals = createRefusals({ warn: (d) => warnings.push(d), count: (_c, reason) => refusedCount.set(reason, (refusedCount.get(reason) ?? 0) + 1) });
    server = await zaloWebhookServer(fixture, fake, fixture.core, { refusals });
    ({ base, hook } = server);
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
    await fixture.close();
  });

  it("greets a new follower, binds them with the code typed alone, and answers with their 19-digit id kept exact", async () => {
    const userId = zaloUserId("7001");
    fake.addUser({ id: userId, name: "Phạm Thị Zalo", follower: false });
    expect((await fake.deliver(hook, { kind: "follow", userId })).status).toBe(200);
    expect(await replyTo(userId, 0, /mã mời/)).toContain("xin vui lòng nhập mã mời do Sở cấp");
    const code = await fixture.invite("officer", "S19");
    // Zalo ids written as bare JSON numbers must not lose digits on the way in.
    await fake.deliver(hook, { kind: "text", userId, text: code }, { numericIds: true });
    expect(await replyTo(userId, 1, /gắn thành công/)).toMatch(/Kính chào Phạm Thị Zalo, tài khoản đã được gắn thành công\./);
    const identity = await fixture.store.identities.find("zalo", userId);
    expect(identity?.externalId).toBe(userId);
    expect(identity?.personId).not.toBeNull();
    const before = textsTo(userId).length;
    await fake.deliver(hook, { kind: "text", userId, text: "chỉ số 6.2 là gì" });
    expect(await replyTo(userId, before, /6\.2\./)).toMatch(/6\.2\. Văn bản điện tử được ký số/);
  });

  it("refuses a forged signature, a request for another app and a stale one, and handles none of them", async () => {
    const userId = zaloUserId("7002");
    fake.addUser({ id: userId, name: "Người Giả" });
    const forged = await fake.deliver(hook, { kind: "text", userId, text: "/start" }, { signature: `mac=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    const stale = await fake.deliver(hook, { kind: "text", userId, text: "/start", at: new Date(fixture.clock.now.getTime() - 13 * 3_600_000) });
    expect(stale.status).toBe(401);
    // Signed correctly, but for another Zalo app.
    const at = String(fixture.clock.now.getTime());
    const otherApp = JSON.stringify({
      app_id: "1111111111111111111", event_name: "user_send_text", timestamp: at, sender: { id: userId }, recipient: { id: fake.oaId }, message: { msg_id: "x1", text: "/start" },
    });
    const foreign = await fetch(hook, {
      method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": zaloMac("1111111111111111111", otherApp, at, fake.oaSecretKey) }, body: otherApp,
    });
    expect(foreign.status).toBe(401);
    const unsigned = await fetch(hook, { method: "POST", headers: { "content-type": "application/json" }, body: forged.body });
    expect(unsigned.status).toBe(401);
    // A request that passes is handled; by the time it is answered, the refused ones would have been too.
    await fake.deliver(hook, { kind: "text", userId, text: "/huongdan" });
    await replyTo(userId, 0, /./);
    expect(textsTo(userId)).toHaveLength(1);
    expect(await fixture.store.inbox.unhandled("zalo")).toEqual([]);
  });

  it("refuses a correctly signed event dated more than five minutes ahead, and takes one a little ahead", async () => {
    const userId = zaloUserId("7012");
    fake.addUser({ id: userId, name: "Đồng Hồ Nhanh" });
    const ahead = (minutes: number) => new Date(fixture.clock.now.getTime() + minutes * 60_000);
    expect((await fake.deliver(hook, { kind: "text", userId, text: "/huongdan", at: ahead(10) })).status).toBe(401);
    expect((await fake.deliver(hook, { kind: "text", userId, text: "/huongdan", at: ahead(12 * 60 - 1) })).status).toBe(401);
    expect((await fake.deliver(hook, { kind: "text", userId, text: "/huongdan", at: ahead(4) })).status).toBe(200);
    await replyTo(userId, 0, /./);
    expect(textsTo(userId)).toHaveLength(1);
  });

  it("counts a flood of forged requests and logs them as a count, not one line each", async () => {
    const userId = zaloUserId("7013");
    const before = refusedCount.get("signature") ?? 0;
    const lines = warnings.length;
    for (let i = 0; i < 300; i += 1) {
      const forged = await fake.deliver(hook, { kind: "text", userId, text: `/start ${i}` }, { signature: `mac=${"1".repeat(64)}` });
      expect(forged.status).toBe(401);
    }
    expect((refusedCount.get("signature") ?? 0) - before).toBe(300);
    // Within a minute: at most the line that opened the minute, then nothing until it ends.
    expect(warnings.length - lines).toBeLessThanOrEqual(1);
  });

  it("answers a replayed event 200 and handles it once", async () => {
    const userId = zaloUserId("7003");
    fake.addUser({ id: userId, name: "Gửi Lại" });
    const first = await fake.deliver(hook, { kind: "text", userId, text: "/huongdan", msgId: "replayed-message-1" });
    await replyTo(userId, 0, /./);
    const count = textsTo(userId).length;
    expect(await fake.redeliver(hook, first.body, first.signature)).toBe(200);
    // Another event after the replay: once it is answered, the replay would have been too.
    await fake.deliver(hook, { kind: "text", userId, text: "/toi" });
    await replyTo(userId, count, /./);
    expect(textsTo(userId).filter((t) => t === textsTo(userId)[0])).toHaveLength(1);
  });

  it("marks an unfollower unreachable and fails what was waiting for them; tells a sender of voice messages that only text is read", async () => {
    const userId = zaloUserId("7004");
    fake.addUser({ id: userId, name: "Bỏ Theo Dõi" });
    await fake.deliver(hook, { kind: "text", userId, text: "/toi" });
    await replyTo(userId, 0, /./);
    const identity = (await fixture.store.identities.find("zalo", userId))!;
    await fixture.store.outbox.enqueue([{ key: `t:${userId}`, identityId: identity.id, kind: "notice", reply: { lines: [] }, notBefore: fixture.clock.now }]);
    await fake.deliver(hook, { kind: "unfollow", userId });
    const gone = await eventually(async () => {
      const i = await fixture.store.identities.find("zalo", userId);
      return i && !i.reachable ? i : undefined;
    }, "the identity marked unreachable", UNTIL_MS);
    expect(gone.unreachableReason).toContain("unfollowed");
    const stats = await fixture.store.outbox.stats();
    expect(stats.problems.find((p) => p.recipient === identity.displayName || p.recipient === userId)?.error).toContain("unfollowed");

    const other = zaloUserId("7005");
    fake.addUser({ id: other, name: "Gửi Tiếng" });
    const raw = JSON.stringify({
      app_id: fake.appId, user_id_by_app: "1", event_name: "user_send_audio", timestamp: String(fixture.clock.now.getTime()),
      sender: { id: other }, recipient: { id: fake.oaId }, message: { msg_id: "voice-1", attachments: [{ type: "audio", payload: { url: "https://x.invalid/a.m4a" } }] },
    });
    const answer = await fetch(hook, {
      method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": zaloMac(fake.appId, raw, String(fixture.clock.now.getTime()), fake.oaSecretKey) }, body: raw,
    });
    expect(answer.status).toBe(200);
    expect(await replyTo(other, 0, /./)).toContain("chỉ đọc tin nhắn dạng chữ");
  });

  it("completes an OA authorisation started from the command line, once", async () => {
    const { verifier } = pkcePair();
    await fixture.store.tokens.saveAuthState("state-1", verifier, fixture.clock.now);
    const { createZaloOAuth } = await import("../../src/channels/zalo/oauth.js");
    const oauth = createZaloOAuth({ fetch, appId: fake.appId, appSecret: fake.appSecret, base: fake.url, now: () => fixture.clock.now });
    const approval = await fetch(oauth.permissionUrl(`${base}/zalo/oauth`, "state-1", verifier), { redirect: "manual" });
    const back = approval.headers.get("location")!;
    const done = await fetch(back);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Đã uỷ quyền Zalo OA cho DTI Bot");
    expect((await fixture.store.tokens.get("zalo", fake.oaId))?.refreshToken).toBe(fake.currentRefreshToken());
    const again = await fetch(back);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("đã quá 10 phút");
    // Approved from another OA's admin account: refused, its tokens not kept.
    await fixture.store.tokens.saveAuthState("state-2", verifier, fixture.clock.now);
    const otherOa = await fetch(`${base}/zalo/oauth?code=whatever&state=state-2&oa_id=1111111111111111111`);
    expect(otherOa.status).toBe(400);
    expect(await otherOa.text()).toContain("không phải OA của Sở");
  });

  it("writes the choices out when Zalo refuses buttons on a customer-service message, and keeps doing so", async () => {
    const userId = zaloUserId("7006");
    fake.addUser({ id: userId, name: "Không Có Nút" });
    await fake.deliver(hook, { kind: "text", userId, text: `/start ${await fixture.invite("officer", "S05")}` });
    await replyTo(userId, 0, /gắn thành công/);
    await settle(userId);
    fake.failNext("/v3.0/oa/message/cs", { error: -201, message: "template_type is invalid" });
    const before = textsTo(userId).length;
    await fake.deliver(hook, { kind: "text", userId, text: "6.2 = 85%" });
    const preview = await replyTo(userId, before, /Xin xác nhận/);
    expect(preview).toContain("Để chọn, xin Anh/Chị gõ đúng mã tương ứng:");
    const typed = /• ✅ Xác nhận: gõ (#ok:\d+)/.exec(preview)![1]!;
    expect(fake.sent.filter((m) => m.userId === userId).every((m) => m.buttons.length === 0)).toBe(true);
    // Typing the code is the tap.
    await fake.deliver(hook, { kind: "text", userId, text: typed });
    await replyTo(userId, before + 1, /Đã ghi 1 số liệu/);
    const more = textsTo(userId).length;
    await fake.deliver(hook, { kind: "text", userId, text: "6.3 = 10/20" });
    expect(await replyTo(userId, more, /Xin xác nhận/)).toContain("gõ #ok:");
  });

  it("reads a message ending in a hashtag as text, and a late event does not move the person's last message back", async () => {
    const { tapAction } = await import("../../src/channels/zalo/render.js");
    expect(tapAction("Họp giao ban sáng thứ Hai #ok")).toBeNull();
    expect(tapAction("Lịch họp #hop:thu2")).toBeNull();
    expect(tapAction("✅ Xác nhận #ok:12")).toBe("ok:12");
    expect(tapAction("Sở Y tế #unit:S19")).toBe("unit:S19");
    const userId = zaloUserId("7007");
    fake.addUser({ id: userId, name: "Đến Muộn" });
    await fake.deliver(hook, { kind: "text", userId, text: "/toi" });
    await replyTo(userId, 0, /./);
    const latest = (await fixture.store.identities.find("zalo", userId))!.lastInteractionAt!;
    // An earlier event that Zalo re-sent late (still within the webhook's age limit).
    await fake.deliver(hook, { kind: "text", userId, text: "/huongdan", at: new Date(latest.getTime() - 3_600_000) });
    await replyTo(userId, 1, /./);
    expect((await fixture.store.identities.find("zalo", userId))!.lastInteractionAt).toEqual(latest);
  });
});
