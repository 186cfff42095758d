// A local fake of the Zalo Official Account Open API v3 and OAuth v4 servers, in their wire
// format (../shared/docs/channels.md, A1–A7), for tests of the Zalo channel. Both APIs live
// under one `url`. Envelope, access tokens, Message V3 sends, uploads, users, webhooks.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkContent, type MessageType } from "./fake-zalo-message.js";
import { createOAuth } from "./fake-zalo-oauth.js";
import {
  dataParam, eventBody, Fault, fail, fileParts, httpError, idByApp, notFound, oauthFail, ok, postEvent, readBody, type Reply, vietnam, vnDate, zaloSignature,
  type WireAttachment,
} from "./fake-zalo-wire.js";

export { zaloSignature } from "./fake-zalo-wire.js";

export interface FakeZaloOptions {
  appId?: string;
  appSecret?: string;
  oaId?: string;
  oaSecretKey?: string;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  now?: () => Date;
  windowDays?: number;
  maxTextLength?: number;
  maxButtons?: number;
  perMinute?: number;
  maxImageBytes?: number;
}

export interface SentMessage {
  type: MessageType; userId: string; text: string | null; buttons: { title: string; type: string; payload: unknown }[];
  attachmentId: string | null; messageId: string; at: Date;
}

export type ZaloEvent =
  | { kind: "follow" | "unfollow"; userId: string; at?: Date }
  | { kind: "text"; userId: string; text: string; msgId?: string; at?: Date }
  /**
   * A person sends a picture (user_send_image) or a file (user_send_file), with `text` typed along if given:
   * the bytes are hosted at `${url}/files/<random>` and announced in `message.attachments[0].payload`
   * as Zalo does (`url`, `name` when given, `size` as a string; a thumbnail for an image, the extension and a checksum for a file).
   */
  | { kind: "image" | "file"; userId: string; data: Uint8Array; name?: string; text?: string; msgId?: string; at?: Date };

export type ZaloFailure = { error: number; message?: string } | { http: number } | { cut: true };

export interface DeliverOptions {
  /** Send this X-ZEvent-Signature instead of the right one (a forged event). */
  signature?: string;
  /** Write sender.id / follower.id / user_id_by_app as bare JSON numbers. */
  numericIds?: boolean;
}

export interface FakeZalo {
  readonly url: string;
  readonly appId: string; readonly oaId: string; readonly appSecret: string; readonly oaSecretKey: string;
  /** Issue an initial refresh token (as if an admin authorised the OA) and return it. */
  grantRefreshToken(): string;
  /** The refresh token currently valid (the last one issued), or null. */
  currentRefreshToken(): string | null;
  /** Make every access token issued so far expire now (next OA call with it → -220). */
  expireAccessTokens(): void;
  /** Users of the OA: follower by default, last interaction now by default. */
  addUser(user: { id: string; name: string; follower?: boolean; lastInteraction?: Date }): void;
  setLastInteraction(userId: string, at: Date): void;
  /** Messages the OA sent, in order. */
  readonly sent: SentMessage[];
  readonly uploads: { attachmentId: string; bytes: number; filename: string; contentType: string }[];
  /** Answer the next `times` calls to a path (no query) with a Zalo error, an HTTP error page, or a connection cut after processing. */
  failNext(path: string, failure: ZaloFailure, times?: number): void;
  /** Requests received for a path, whatever their outcome (so OAuth refresh attempts, failed ones included). */
  calls(path: string): number;
  /** Host bytes as Zalo's CDN does for an attachment (image/file events do it themselves); returns the URL. */
  hostFile(data: Uint8Array): string;
  /** Files hosted for image/file events, by URL, and how often each was downloaded. */
  readonly hosted: ReadonlyMap<string, { readonly bytes: number; readonly downloads: number }>;
  /** Webhook: build, sign like Zalo and POST an event to `target`; returns the HTTP status and the exact bytes sent (for replays). */
  deliver(target: string, event: ZaloEvent, options?: DeliverOptions): Promise<{ status: number; body: string; signature: string }>;
  /** POST exactly these bytes with this signature again (a replay). */
  redeliver(target: string, body: string, signature: string): Promise<number>;
  close(): Promise<void>;
}

interface User { id: string; name: string; follower: boolean; lastInteraction: Date | null }

const DAY_MS = 86_400_000;
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif"]);
/** Zalo's wording for the errors a test is likely to inject. */
const MESSAGES: Record<number, string> = {
  [-32]: "The application has reached the limit of API calls per minute",
  [-201]: "Parameters are invalid",
  [-213]: "User has not followed OA",
  [-216]: "Access token is invalid",
  [-220]: "Access token has expired",
  [-230]: "User has not interacted with the OA in the past 7 days",
  [-234]: "Promotion messages cannot be sent between 22:00 and 06:00",
};
const OA_SEND: Record<string, MessageType> = { "/v3.0/oa/message/cs": "cs", "/v3.0/oa/message/transaction": "transaction", "/v3.0/oa/message/promotion": "promotion" };

const fault = (error: number, message = MESSAGES[error] ?? "Unknown error") => new Fault(error, message);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An integer from a `data` field given as a number or a numeric string; `fallback` when absent. */
function integer(data: Record<string, unknown>, key: string, fallback: number, min: number, max: number): number {
  const value = data[key] ?? fallback;
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) throw fault(-201, `${key} is invalid`);
  return n;
}

export async function startFakeZalo(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const appId = options.appId ?? "1234567890123456789";
  const appSecret = options.appSecret ?? "FakeZaloAppSecretKey01";
  const oaId = options.oaId ?? "5798234761203948571";
  const oaSecretKey = options.oaSecretKey ?? "FakeZaloOaSecretKey02";
  const now = options.now ?? (() => new Date());
  const windowDays = options.windowDays ?? 7;
  const perMinute = options.perMinute ?? 4000;
  const maxImageBytes = options.maxImageBytes ?? 1_000_000;
  const limits = { maxTextLength: options.maxTextLength ?? 2000, maxButtons: options.maxButtons ?? 5, attachments: new Set<string>() };
  const oauth = createOAuth({
    appId, appSecret, oaId, now, accessTtlSeconds: options.accessTtlSeconds ?? 90_000, refreshTtlSeconds: options.refreshTtlSeconds ?? 7_776_000,
  });

  const users = new Map<string, User>();
  const sent: SentMessage[] = [];
  const uploads: FakeZalo["uploads"] = [];
  const counts = new Map<string, number>();
  const injected = new Map<string, ZaloFailure[]>();
  const rate = { minute: -1, calls: 0 };
  const files = new Map<string, { data: Buffer; downloads: number }>();

  const underRateLimit = (): boolean => {
    const minute = Math.floor(now().getTime() / 60_000);
    if (minute !== rate.minute) Object.assign(rate, { minute, calls: 0 });
    rate.calls += 1;
    return rate.calls <= perMinute;
  };

  const sendMessage = (type: MessageType, raw: Buffer): Reply => {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw fault(-201, "body is invalid");
    }
    const recipient = isRecord(body) ? body["recipient"] : undefined;
    const userId = isRecord(recipient) ? recipient["user_id"] : undefined;
    const user = typeof userId === "string" ? users.get(userId) : undefined;
    if (!user || !isRecord(body)) throw fault(-201, "user_id is invalid");
    if (!user.follower) throw fault(-213);
    const at = now();
    if (type === "cs" && (user.lastInteraction === null || at.getTime() - user.lastInteraction.getTime() > windowDays * DAY_MS)) {
      throw fault(-230, `User has not interacted with the OA in the past ${windowDays} days`);
    }
    const hour = vietnam(at).getUTCHours();
    if (type === "promotion" && (hour >= 22 || hour < 6)) throw fault(-234);
    const content = checkContent(type, body["message"], limits);
    const messageId = randomBytes(16).toString("hex");
    sent.push({ type, userId: user.id, ...content, messageId, at });
    return ok({ message_id: messageId, user_id: user.id, sent_time: at.getTime() });
  };

  const uploadImage = (req: IncomingMessage, raw: Buffer): Reply => {
    const file = fileParts(req.headers["content-type"] ?? "", raw).find((part) => part.name === "file");
    if (!file || file.bytes.length === 0) throw fault(-201, "file is invalid");
    if (!IMAGE_TYPES.has(file.contentType)) throw fault(-201, "file type is invalid: only png, jpeg or gif images");
    if (file.bytes.length > maxImageBytes) throw fault(-201, `file size is invalid: over ${maxImageBytes} bytes`);
    const attachmentId = randomBytes(24).toString("hex");
    limits.attachments.add(attachmentId);
    uploads.push({ attachmentId, bytes: file.bytes.length, filename: file.filename, contentType: file.contentType });
    return ok({ attachment_id: attachmentId });
  };

  const userDetail = (url: URL): Reply => {
    const userId = dataParam(url)?.["user_id"];
    const user = typeof userId === "string" ? users.get(userId) : undefined;
    if (!user) throw fault(-201, "user_id is invalid");
    const avatar = (size: number) => `https://avatar.fake-zalo.invalid/${user.id}/${size}.jpg`;
    return ok({
      user_id: user.id, user_id_by_app: idByApp(appId, user.id), display_name: user.name, user_alias: "", is_sensitive: false,
      user_last_interaction_date: user.lastInteraction ? vnDate(user.lastInteraction) : "", user_is_follower: user.follower,
      avatar: avatar(240), avatars: { 120: avatar(120), 240: avatar(240) }, shared_info: {},
    });
  };

  const userList = (url: URL): Reply => {
    const data = dataParam(url);
    if (!data) throw fault(-201, "data is invalid");
    const offset = integer(data, "offset", 0, 0, 9951);
    const count = integer(data, "count", 50, 1, 50);
    const filter = String(data["is_follower"] ?? "");
    const matching = [...users.values()].filter((u) => (filter === "true" ? u.follower : filter === "false" ? !u.follower : true));
    const page = matching.slice(offset, offset + count).map((u) => ({ user_id: u.id }));
    return ok({ total: matching.length, count: page.length, offset, users: page });
  };

  /** The OA API: rate limit, then the access token, then the endpoint; a Fault becomes the error envelope. */
  const oaCall = (req: IncomingMessage, route: () => Reply): Reply => {
    if (!underRateLimit()) return fail(-32, MESSAGES[-32]!);
    const header = req.headers["access_token"];
    const check = oauth.checkAccess(typeof header === "string" ? header : undefined);
    if (check !== 0) return fail(check, MESSAGES[check]!);
    try {
      return route();
    } catch (error) {
      if (error instanceof Fault) return fail(error.error, error.message);
      throw error;
    }
  };

  const route = (req: IncomingMessage, raw: Buffer, url: URL): Reply => {
    const path = url.pathname;
    const send = OA_SEND[path];
    if (req.method === "POST" && send) return oaCall(req, () => sendMessage(send, raw));
    if (req.method === "POST" && path === "/v2.0/oa/upload/image") return oaCall(req, () => uploadImage(req, raw));
    if (req.method === "GET" && path === "/v3.0/oa/user/detail") return oaCall(req, () => userDetail(url));
    if (req.method === "GET" && path === "/v3.0/oa/user/getlist") return oaCall(req, () => userList(url));
    if (req.method === "POST" && path === "/v4/oa/access_token") return oauth.tokenEndpoint(req.headers, raw);
    if (req.method === "GET" && path === "/v4/oa/permission") return oauth.permission(url);
    return notFound();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake-zalo.invalid");
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    // Zalo's CDN: what people attached, no access token needed.
    const hostedFile = req.method === "GET" ? files.get(url.pathname) : undefined;
    if (hostedFile) {
      hostedFile.downloads += 1;
      return void res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(hostedFile.data.length) }).end(hostedFile.data);
    }
    const failure = injected.get(url.pathname)?.shift();
    let reply: Reply;
    if (failure && "error" in failure) {
      const message = failure.message ?? MESSAGES[failure.error] ?? "Injected failure";
      reply = url.pathname.startsWith("/v4/") ? oauthFail(failure.error, message) : fail(failure.error, message);
    } else if (failure && "http" in failure) {
      reply = httpError(failure.http);
    } else {
      reply = route(req, raw, url);
      // The platform did the work, then the connection broke: the client never learns the outcome.
      if (failure) return void res.destroy();
    }
    res.writeHead(reply.status, reply.headers).end(reply.body);
  };

  /** What the platform learns from an event before it delivers it. */
  const observe = (event: ZaloEvent, at: Date) => {
    const user = users.get(event.userId) ?? { id: event.userId, name: `Zalo user ${event.userId.slice(-4)}`, follower: event.kind !== "unfollow", lastInteraction: null };
    users.set(user.id, user);
    if (event.kind === "unfollow") user.follower = false;
    else if (user.lastInteraction === null || user.lastInteraction < at) user.lastInteraction = at;
    if (event.kind === "follow") user.follower = true;
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Host an attachment's bytes and describe it as Zalo's webhook does. */
  const hostFile = (data: Uint8Array): string => {
    const path = `/files/${randomBytes(12).toString("hex")}`;
    files.set(path, { data: Buffer.from(data), downloads: 0 });
    return `${base}${path}`;
  };
  const attach = (event: Extract<ZaloEvent, { kind: "image" | "file" }>): WireAttachment => {
    const data = Buffer.from(event.data);
    const url = hostFile(data);
    const named = event.name !== undefined ? { name: event.name } : {};
    if (event.kind === "image") return { type: "image", payload: { thumbnail: url, url, ...named, size: String(data.length) } };
    const extension = /\.([A-Za-z0-9]+)$/.exec(event.name ?? "")?.[1]?.toLowerCase();
    return {
      type: "file",
      payload: { url, ...named, size: String(data.length), ...(extension && { type: extension }), checksum: createHash("md5").update(data).digest("hex") },
    };
  };

  return {
    url: base,
    appId, oaId, appSecret, oaSecretKey, sent, uploads, hostFile,
    get hosted() {
      return new Map([...files].map(([path, f]) => [`${base}${path}`, { bytes: f.data.length, downloads: f.downloads }]));
    },
    grantRefreshToken: oauth.grantRefreshToken,
    currentRefreshToken: oauth.currentRefreshToken,
    expireAccessTokens: oauth.expireAccessTokens,
    addUser(user) {
      users.set(user.id, { id: user.id, name: user.name, follower: user.follower ?? true, lastInteraction: user.lastInteraction ?? now() });
    },
    setLastInteraction(userId, at) {
      const user = users.get(userId);
      if (!user) throw new Error(`fake Zalo: no user ${userId}; addUser first`);
      user.lastInteraction = at;
    },
    failNext(path, failure, times = 1) {
      injected.set(path, [...(injected.get(path) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    calls: (path) => counts.get(path) ?? 0,
    async deliver(target, event, deliverOptions = {}) {
      const at = event.at ?? now();
      const timestamp = String(at.getTime());
      const ids = { appId, oaId, userId: event.userId, userIdByApp: idByApp(appId, event.userId), numericIds: deliverOptions.numericIds ?? false };
      const msgId = "msgId" in event && event.msgId !== undefined ? event.msgId : randomBytes(16).toString("hex");
      const body = event.kind === "text"
        ? eventBody(ids, { name: "user_send_text", timestamp, msgId, text: event.text })
        : event.kind === "image" || event.kind === "file"
          ? eventBody(ids, { name: `user_send_${event.kind}`, timestamp, msgId, ...(event.text !== undefined && { text: event.text }), attachments: [attach(event)] })
          : eventBody(ids, { name: event.kind, timestamp });
      observe(event, at);
      const signature = deliverOptions.signature ?? zaloSignature(appId, body, timestamp, oaSecretKey);
      return { status: await postEvent(target, body, signature), body, signature };
    },
    redeliver: postEvent,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
