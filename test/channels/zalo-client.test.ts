// The Zalo OA client against the local fake Zalo server (its real wire format), the error table,
// and what the delivery queue makes of each failure.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createZaloClient, type AccessTokenSource, type ZaloClient } from "../../src/channels/zalo/client.js";
import { actionFor, CALL_LIMIT_WAIT_MS, ZaloApiError, ZaloTransportError, type ZaloAction } from "../../src/channels/zalo/errors.js";
import { parseZaloJson } from "../../src/channels/zalo/http.js";
import { createZaloOAuth } from "../../src/channels/zalo/oauth.js";
import { classifyZalo, promotionBlockedUntil } from "../../src/channels/zalo/sender.js";
import { ZaloAuthError } from "../../src/channels/zalo/tokens.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";
import { freePort } from "../helpers/telegram-emulator.js";

/** 10:00 in Vietnam: inside the day for promotion messages. */
const MORNING = new Date("2025-03-10T10:00:00+07:00");
const clock = { now: MORNING };
const now = () => clock.now;

/** Zalo's user ids are 18–19 digits, more than a double holds exactly. */
const USER = "7305428153201849371";
const OTHER = "6118042975530129464";

/** Tokens straight from the fake's OAuth endpoint; counts how often the client reported a refused one. */
function tokenSource(fake: FakeZalo): AccessTokenSource & { refusals: string[]; token: string | null } {
  const oauth = createZaloOAuth({ fetch, appId: fake.appId, appSecret: fake.appSecret, base: fake.url, now });
  let refresh = fake.grantRefreshToken();
  const renew = async () => {
    const pair = await oauth.refresh(refresh);
    refresh = pair.refreshToken;
    source.token = pair.accessToken;
    return pair.accessToken;
  };
  const source = {
    token: null as string | null,
    refusals: [] as string[],
    current: async () => source.token ?? renew(),
    async refused(token: string) {
      source.refusals.push(token);
      return renew();
    },
  };
  return source;
}

/** A fetch that rewrites answer bodies before the client reads them (Zalo ids written as bare JSON numbers). */
const rewriting = (edit: (body: string) => string): typeof fetch => async (input, init) => {
  const answer = await fetch(input, init);
  return new Response(edit(await answer.text()), { status: answer.status, headers: answer.headers });
};

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(() => expect.fail("the call should have failed"), (error: unknown) => error);
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => i % 256)]);

describe("Zalo client against the fake Zalo server", () => {
  let fake: FakeZalo;
  let tokens: ReturnType<typeof tokenSource>;
  let client: ZaloClient;

  beforeAll(async () => {
    fake = await startFakeZalo({ now });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    clock.now = MORNING;
    tokens = tokenSource(fake);
    client = createZaloClient({ fetch, tokens, apiBase: fake.url });
    fake.addUser({ id: USER, name: "Nguyễn Thị Lan", lastInteraction: new Date(MORNING.getTime() - 3_600_000) });
  });
  afterEach(() => {
    fake.sent.length = 0;
    fake.uploads.length = 0;
  });

  it("sends a customer-service text the fake records with the exact text", async () => {
    const text = "Chỉ số PCI của Sở KH&CN: 72,5 điểm\nXếp hạng: 3/63 — \"tốt\" 👍";
    const { messageId } = await client.sendText(USER, text);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ type: "cs", userId: USER, text, buttons: [], attachmentId: null, messageId });
    expect(messageId).not.toBe("");
  });

  it("sends buttons as oa.query.show with their payloads, on the message type asked for", async () => {
    const buttons = [{ title: "Xem báo cáo", payload: "/report 2025-Q1" }, { title: "Hủy", payload: "/cancel" }];
    await client.sendText(USER, "Chọn một mục:", { buttons, type: "transaction" });
    expect(fake.sent).toEqual([expect.objectContaining({
      type: "transaction", text: "Chọn một mục:",
      buttons: [{ title: "Xem báo cáo", type: "oa.query.show", payload: "/report 2025-Q1" }, { title: "Hủy", type: "oa.query.show", payload: "/cancel" }],
    })]);
  });

  it("refuses more than five buttons before any call to Zalo", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ title: `Mục ${i + 1}`, payload: `/pick ${i + 1}` }));
    const sends = fake.calls("/v3.0/oa/message/cs");
    const oauthCalls = fake.calls("/v4/oa/access_token");
    await expect(async () => client.sendText(USER, "Chọn:", { buttons: six })).rejects.toThrow(RangeError);
    expect(fake.calls("/v3.0/oa/message/cs")).toBe(sends);
    expect(fake.calls("/v4/oa/access_token")).toBe(oauthCalls);
    expect(fake.sent).toEqual([]);
    // Five is still fine.
    await client.sendText(USER, "Chọn:", { buttons: six.slice(0, 5) });
    expect(fake.sent[0]?.buttons).toHaveLength(5);
  });

  it("uploads an image, then sends it by its attachment id", async () => {
    const attachmentId = await client.uploadImage(PNG, "bieu-do.PNG");
    expect(fake.uploads).toEqual([{ attachmentId, bytes: PNG.length, filename: "bieu-do.PNG", contentType: "image/png" }]);
    await client.sendImage(USER, attachmentId, { text: "Biểu đồ quý 1" });
    expect(fake.sent).toEqual([expect.objectContaining({ type: "cs", userId: USER, attachmentId, text: "Biểu đồ quý 1" })]);
  });

  it("gives an image id the fake never issued back as Zalo's -201", async () => {
    const error = await failure(client.sendImage(USER, "not-an-uploaded-image"));
    expect(error).toMatchObject({ errorCode: -201, action: "give_up", endpoint: "/v3.0/oa/message/cs" });
  });

  it("reads a profile with a 19-digit user id, every digit kept, as a string", async () => {
    const profile = await client.profile(USER);
    expect(profile).toEqual({ userId: USER, displayName: "Nguyễn Thị Lan", follower: true, lastInteractionDay: "10/03/2025" });
  });

  it("keeps a 19-digit id exact when Zalo writes it as a bare JSON number", async () => {
    const numeric = createZaloClient({ fetch: rewriting((body) => body.replace(`"user_id":"${USER}"`, `"user_id":${USER}`)), tokens, apiBase: fake.url });
    const profile = await numeric.profile(USER);
    expect(profile.userId).toBe(USER);
    // What a plain JSON.parse would have made of it: the test would catch a lossy parser.
    expect(String(JSON.parse(USER))).not.toBe(USER);
  });

  it("pages through followers, non-followers left out", async () => {
    fake.addUser({ id: OTHER, name: "Trần Văn Minh" });
    fake.addUser({ id: "5000000000000000001", name: "Lê Hoa", follower: false });
    fake.addUser({ id: "5000000000000000002", name: "Phạm An" });
    const first = await client.followers(0, 2);
    const second = await client.followers(2, 2);
    expect(first.total).toBe(second.total);
    expect(first.userIds).toHaveLength(2);
    const all = [...first.userIds, ...second.userIds];
    expect(all).toEqual(expect.arrayContaining([USER, OTHER, "5000000000000000002"]));
    expect(all).not.toContain("5000000000000000001");
    expect(all).toHaveLength(first.total);
  });

  it("keeps follower ids exact when the list has them as bare numbers", async () => {
    const numeric = createZaloClient({ fetch: rewriting((body) => body.replace(/"user_id":"(\d+)"/g, "\"user_id\":$1")), tokens, apiBase: fake.url });
    const page = await numeric.followers(0, 50);
    expect(page.userIds).toContain(USER);
  });

  it.each<[string, number, ZaloAction]>([
    ["a person who does not follow the OA", -213, "not_follower"],
    ["a person silent for more than 7 days", -230, "switch_channel"],
    ["an unknown user id", -201, "give_up"],
  ])("turns the fake's answer for %s into ZaloApiError %i (%s)", async (_case, errorCode, action) => {
    if (errorCode === -213) fake.addUser({ id: USER, name: "Nguyễn Thị Lan", follower: false });
    if (errorCode === -230) fake.setLastInteraction(USER, new Date(MORNING.getTime() - 8 * 86_400_000));
    const error = await failure(client.sendText(errorCode === -201 ? "1111111111111111111" : USER, "Xin chào"));
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ errorCode, action, endpoint: "/v3.0/oa/message/cs" });
    expect(fake.sent).toEqual([]);
  });

  it("turns an injected error answer into ZaloApiError without retrying it", async () => {
    fake.failNext("/v3.0/oa/message/cs", { error: -32 });
    const before = fake.calls("/v3.0/oa/message/cs");
    const error = await failure(client.sendText(USER, "Xin chào"));
    expect(error).toMatchObject({ errorCode: -32, action: "retry_later" });
    expect(fake.calls("/v3.0/oa/message/cs")).toBe(before + 1);
  });

  it("refreshes an expired access token once and sends", async () => {
    await client.sendText(USER, "một");
    const old = tokens.token;
    fake.expireAccessTokens();
    await client.sendText(USER, "hai");
    expect(tokens.refusals).toEqual([old]);
    expect(fake.sent.map((m) => m.text)).toEqual(["một", "hai"]);
  });

  it("asks for a new token only once when Zalo keeps refusing it", async () => {
    const stuck: AccessTokenSource = { current: async () => "not-a-token", refused: async () => "still-not-a-token" };
    const before = fake.calls("/v3.0/oa/user/detail");
    const error = await failure(createZaloClient({ fetch, tokens: stuck, apiBase: fake.url }).profile(USER));
    expect(error).toMatchObject({ errorCode: -216, action: "refresh_token" });
    expect(fake.calls("/v3.0/oa/user/detail")).toBe(before + 2);
  });

  it("makes an HTTP 5xx a ZaloTransportError that may have been sent", async () => {
    fake.failNext("/v3.0/oa/message/cs", { http: 502 });
    const error = await failure(client.sendText(USER, "Xin chào"));
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ notSent: false, endpoint: "/v3.0/oa/message/cs" });
    expect((error as Error).message).toContain("HTTP 502");
    expect(classifyZalo(error, clock.now).kind).toBe("transient");
  });

  it("makes a connection cut after Zalo sent the message an uncertain ZaloTransportError", async () => {
    fake.failNext("/v3.0/oa/message/cs", { cut: true });
    const error = await failure(client.sendText(USER, "Xin chào"));
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ notSent: false });
    // The fake did deliver it: sending again would duplicate the message.
    expect(fake.sent.map((m) => m.text)).toEqual(["Xin chào"]);
    expect(classifyZalo(error, clock.now).kind).toBe("uncertain");
  });

  it("makes a failure to get an access token a send that never left, not an uncertain one; the OA needing authorisation stays what it is", async () => {
    const broken = { current: async () => Promise.reject(new Error("database is locked")), refused: async () => "x" };
    const error = await failure(createZaloClient({ fetch, tokens: broken, apiBase: fake.url }).sendText(USER, "Xin chào"));
    expect(error).toMatchObject({ notSent: true });
    expect(classifyZalo(error, clock.now).kind).toBe("transient");
    expect(fake.sent).toHaveLength(0);
    const unauthorised = { current: async () => Promise.reject(new ZaloAuthError("the Zalo OA must be authorised again")), refused: async () => "x" };
    const refused = await failure(createZaloClient({ fetch, tokens: unauthorised, apiBase: fake.url }).sendText(USER, "Xin chào"));
    // The OA is out of order, not the person: another channel, or wait; never "cannot reach".
    expect(classifyZalo(refused, clock.now)).toMatchObject({ kind: "switch_channel", orWaitUntil: new Date(clock.now.getTime() + 600_000) });
  });

  it("makes a refused connection a ZaloTransportError that was not sent", async () => {
    const port = await freePort();
    const error = await failure(createZaloClient({ fetch, tokens, apiBase: `http://127.0.0.1:${port}` }).sendText(USER, "Xin chào"));
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ notSent: true });
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(classifyZalo(error, clock.now).kind).toBe("transient");
  });

  it("makes an answer that never comes (timeout) a ZaloTransportError that may have been sent", async () => {
    const silent: Server = createServer(() => undefined);
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    try {
      const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const error = await failure(createZaloClient({ fetch, tokens, apiBase: base, timeoutMs: 50 }).sendText(USER, "Xin chào"));
      expect(error).toMatchObject({ notSent: false });
      expect(classifyZalo(error, clock.now).kind).toBe("uncertain");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("defers a promotion message Zalo refuses at night (-234) to 06:00 Vietnam time", async () => {
    clock.now = new Date("2025-03-10T23:15:00+07:00");
    fake.setLastInteraction(USER, clock.now);
    const error = await failure(client.sendText(USER, "Nhắc lịch nộp báo cáo", { type: "promotion" }));
    expect(error).toMatchObject({ errorCode: -234, action: "retry_later" });
    expect(classifyZalo(error, clock.now)).toEqual({
      ok: false, kind: "deferred", until: new Date("2025-03-11T06:00:00+07:00"), error: expect.stringContaining("-234"),
    });
  });
});

describe("Zalo error codes", () => {
  it.each<[number, ZaloAction]>([
    [-32, "retry_later"], [-100, "reupload"], [-201, "give_up"], [-204, "alert"], [-205, "alert"], [-211, "alert"], [-213, "not_follower"],
    [-216, "refresh_token"], [-218, "give_up"], [-220, "refresh_token"], [-223, "alert"], [-227, "not_follower"], [-230, "switch_channel"],
    [-232, "switch_channel"], [-233, "give_up"], [-234, "retry_later"], [-240, "give_up"], [-242, "alert"], [-244, "give_up"], [-320, "alert"],
    [-14014, "alert"], [-14002, "alert"], [-999, "give_up"], [-13999, "give_up"], [-15000, "give_up"],
  ])("%i → %s", (code, action) => {
    expect(actionFor(code)).toBe(action);
    const error = new ZaloApiError("/v3.0/oa/message/cs", code, "x");
    expect(error).toMatchObject({ errorCode: code, action, code: "ZALO_API" });
    expect(error.message).toContain(String(code));
  });
});

describe("classifyZalo", () => {
  const at = new Date("2025-03-10T14:00:00+07:00");
  const api = (code: number) => new ZaloApiError("/v3.0/oa/message/cs", code, "x");

  it.each<[string, unknown, string]>([
    ["-213 not a follower", api(-213), "unreachable"],
    ["-227 banned or inactive", api(-227), "unreachable"],
    ["-230 out of the window", api(-230), "switch_channel"],
    ["-232 interaction expired", api(-232), "switch_channel"],
    ["-211 out of quota (the OA cannot send)", api(-211), "switch_channel, or wait"],
    ["-14014 refresh refused", api(-14014), "switch_channel, or wait"],
    ["the OA must be authorised again", new ZaloAuthError("authorise again"), "switch_channel, or wait"],
    ["-201 invalid field", api(-201), "rejected"],
    ["-233 unsupported message", api(-233), "rejected"],
    ["-220 still refused after the refresh", api(-220), "transient"],
    ["-100 expired upload", api(-100), "transient"],
    ["HTTP 503", new ZaloTransportError("/v3.0/oa/message/cs", "HTTP 503", false), "transient"],
    ["connection refused", new ZaloTransportError("/v3.0/oa/message/cs", "ECONNREFUSED: connect", true), "transient"],
    ["connection cut", new ZaloTransportError("/v3.0/oa/message/cs", "other side closed", false), "uncertain"],
    ["an unknown error", new Error("boom"), "uncertain"],
  ])("%s → %s", (_case, error, kind) => {
    const result = classifyZalo(error, at);
    // The person's window closed: another channel or "cannot reach". The OA out of order: another channel, or wait.
    expect(result.kind).toBe(kind.replace(", or wait", ""));
    expect(result.kind === "switch_channel" && result.orWaitUntil !== undefined).toBe(kind.endsWith(", or wait"));
    expect(result.ok).toBe(false);
  });

  it("waits a minute on the call limit (-32)", () => {
    expect(classifyZalo(api(-32), at)).toEqual({ ok: false, kind: "rate_limited", retryAfterMs: CALL_LIMIT_WAIT_MS, error: expect.stringContaining("-32") });
    expect(CALL_LIMIT_WAIT_MS).toBe(60_000);
  });

  it.each([
    ["22:00", "2025-03-10T22:00:00+07:00", "2025-03-11T06:00:00+07:00"],
    ["00:30", "2025-03-11T00:30:00+07:00", "2025-03-11T06:00:00+07:00"],
    ["05:59 on the last day of the month", "2025-03-31T05:59:00+07:00", "2025-03-31T06:00:00+07:00"],
  ])("defers a -234 at %s to the next 06:00 in Vietnam", (_case, when, until) => {
    expect(classifyZalo(api(-234), new Date(when))).toMatchObject({ kind: "deferred", until: new Date(until) });
  });

  it("defers a -234 answered in the daytime (a clock off from Zalo's) by a minute", () => {
    expect(classifyZalo(api(-234), at)).toMatchObject({ kind: "deferred", until: new Date(at.getTime() + CALL_LIMIT_WAIT_MS) });
  });
});

describe("promotionBlockedUntil (Vietnam time)", () => {
  it.each<[string, string | null]>([
    ["2025-03-10T21:59:00+07:00", null],
    ["2025-03-10T21:59:59.999+07:00", null],
    ["2025-03-10T22:00:00+07:00", "2025-03-11T06:00:00+07:00"],
    ["2025-03-10T23:59:59+07:00", "2025-03-11T06:00:00+07:00"],
    ["2025-03-11T00:00:00+07:00", "2025-03-11T06:00:00+07:00"],
    ["2025-03-11T05:59:00+07:00", "2025-03-11T06:00:00+07:00"],
    ["2025-03-11T06:00:00+07:00", null],
    ["2025-03-11T12:00:00+07:00", null],
    // Month and year ends, and a night that starts on one UTC day and ends on the next.
    ["2025-03-31T22:30:00+07:00", "2025-04-01T06:00:00+07:00"],
    ["2025-12-31T23:00:00+07:00", "2026-01-01T06:00:00+07:00"],
    ["2024-02-28T22:00:00+07:00", "2024-02-29T06:00:00+07:00"],
  ])("%s → %s", (at, until) => {
    expect(promotionBlockedUntil(new Date(at))).toEqual(until === null ? null : new Date(until));
  });
});

describe("parseZaloJson", () => {
  it("keeps numbers too large for a double as their exact digits", () => {
    const parsed = parseZaloJson("{\"user_id\":7305428153201849371,\"ids\":[9007199254740993,42],\"neg\":-9223372036854775807,\"n\":42,\"f\":1.5,\"s\":\"x\",\"b\":true,\"z\":null}");
    expect(parsed).toEqual({ user_id: "7305428153201849371", ids: ["9007199254740993", 42], neg: "-9223372036854775807", n: 42, f: 1.5, s: "x", b: true, z: null });
  });

  it("keeps small numbers as numbers, the largest safe integer included", () => {
    expect(parseZaloJson("{\"error\":-216,\"max\":9007199254740991}")).toEqual({ error: -216, max: 9_007_199_254_740_991 });
  });

  it("throws on what is not JSON", () => {
    expect(() => parseZaloJson("<html>")).toThrow();
  });
});
