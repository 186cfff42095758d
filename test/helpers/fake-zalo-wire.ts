// Wire-level pieces of the fake Zalo OA server (see fake-zalo.ts): envelopes,
// multipart parsing, webhook bodies and their signature, ids and dates.
import { createHash } from "node:crypto";
import { request, type IncomingMessage, STATUS_CODES } from "node:http";

/** What a route answers; the dispatcher writes it, or drops the connection instead ("cut"). */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const json = (payload: unknown, status = 200): Reply => ({ status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(payload) });

/** OA API success: HTTP 200 `{error:0, message:"Success", data}`. */
export const ok = (data: unknown): Reply => json({ error: 0, message: "Success", data });

/** OA API failure: HTTP 200 as well, a negative `error`. */
export const fail = (error: number, message: string): Reply => json({ error, message });

/** OAuth v4 failure: HTTP 200, `error` in the -14xxx range with `error_name`. */
export const oauthFail = (error: number, name: string, reason = name): Reply =>
  json({ error, error_name: name, error_reason: reason, error_description: reason });

/** OAuth v4 success: the token pair at the top level, lifetimes as strings of seconds. */
export const tokens = (access: string, refresh: string, accessTtl: number, refreshTtl: number): Reply =>
  json({ access_token: access, refresh_token: refresh, expires_in: String(accessTtl), refresh_token_expires_in: String(refreshTtl) });

export const redirect = (location: string): Reply => ({ status: 302, headers: { location }, body: "" });

/** A gateway-style error page, not JSON: what a client sees when something in front of the API fails. */
export const httpError = (status: number): Reply => ({
  status,
  headers: { "content-type": "text/html" },
  body: `<html><body><h1>${status} ${STATUS_CODES[status] ?? "Error"}</h1></body></html>`,
});

/** A failure a route raises deep inside its checks; the dispatcher turns it into the OA envelope. */
export class Fault extends Error {
  constructor(readonly error: number, message: string) {
    super(message);
  }
}

export const notFound = (): Reply => json({ error: -209, message: "Api is not supported" }, 404);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The JSON in a GET endpoint's single `data` query parameter, or null when absent or malformed. */
export function dataParam(url: URL): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(url.searchParams.get("data") ?? "");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

export interface FilePart {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** The parts of a multipart/form-data body that carry a file (a part with a `filename`). */
export function fileParts(contentType: string, raw: Buffer): FilePart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  // After the first, every delimiter starts on a new line: the CRLF before it belongs to it, not to the content.
  const between = Buffer.concat([Buffer.from("\r\n"), delimiter]);
  const parts: FilePart[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const headStart = start + delimiter.length;
    if (raw.subarray(headStart, headStart + 2).toString() === "--") break;
    const next = raw.indexOf(between, headStart);
    const headEnd = raw.indexOf("\r\n\r\n", headStart);
    if (next < 0 || headEnd < 0 || headEnd > next) break;
    const head = raw.subarray(headStart, headEnd).toString("utf8");
    const bytes = raw.subarray(headEnd + 4, next);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? "";
    const filename = /filename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename !== undefined) {
      parts.push({
        name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? "",
        filename,
        contentType: (/content-type:\s*([^\r\n;]+)/i.exec(head)?.[1] ?? "application/octet-stream").trim().toLowerCase(),
        bytes,
      });
    }
    start = next + 2;
  }
  return parts;
}

/** The signature Zalo puts in X-ZEvent-Signature: "mac=" + hex(sha256(appId + rawBody + timestamp + oaSecretKey)). */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash("sha256").update(appId + rawBody + timestamp + oaSecretKey).digest("hex")}`;
}

/** A user's id as seen by the app: a stable 19-digit number derived from the app and the OA-scoped user id. */
export function idByApp(appId: string, userId: string): string {
  const n = BigInt(`0x${createHash("sha256").update(`${appId}:${userId}`).digest("hex").slice(0, 16)}`);
  return String(1_000_000_000_000_000_000n + (n % 8_000_000_000_000_000_000n));
}

/** Vietnam time (UTC+7, no DST) as the calendar fields of a UTC date. */
export const vietnam = (at: Date): Date => new Date(at.getTime() + 7 * 3_600_000);

/** "dd/MM/yyyy" in Vietnam time, the format of `user_last_interaction_date`. */
export function vnDate(at: Date): string {
  const d = vietnam(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export interface WebhookIds {
  readonly appId: string;
  readonly oaId: string;
  readonly userId: string;
  readonly userIdByApp: string;
  /** Write the user ids as bare JSON numbers (the 19 digits kept exact by building the text by hand). */
  readonly numericIds: boolean;
}

/** An entry of `message.attachments` in a user_send_image / user_send_file event. */
export interface WireAttachment {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/** The raw JSON text of a webhook event, fields in Zalo's order; a user_send_* event's text and attachments only when given. */
export function eventBody(
  ids: WebhookIds, event: { name: string; timestamp: string; msgId?: string; text?: string; attachments?: readonly WireAttachment[] },
): string {
  const id = (value: string) => {
    if (!ids.numericIds) return JSON.stringify(value);
    if (!/^[1-9]\d*$/.test(value)) throw new Error(`numericIds needs a decimal id, got ${JSON.stringify(value)}`);
    return value;
  };
  const s = JSON.stringify;
  if (event.name.startsWith("user_send_")) {
    const text = event.text ?? (event.name === "user_send_text" ? "" : undefined);
    const message = [`"msg_id":${s(event.msgId ?? "")}`, ...(text !== undefined ? [`"text":${s(text)}`] : []),
      ...(event.attachments ? [`"attachments":${s(event.attachments)}`] : [])].join(",");
    return `{"app_id":${s(ids.appId)},"user_id_by_app":${id(ids.userIdByApp)},"event_name":${s(event.name)},"timestamp":${s(event.timestamp)},`
      + `"sender":{"id":${id(ids.userId)}},"recipient":{"id":${s(ids.oaId)}},"message":{${message}}}`;
  }
  return `{"app_id":${s(ids.appId)},"oa_id":${s(ids.oaId)},"follower":{"id":${id(ids.userId)}},"user_id_by_app":${id(ids.userIdByApp)},`
    + `"event_name":${s(event.name)},"timestamp":${s(event.timestamp)},"source":"oa_profile"}`;
}

/** POST a webhook body as Zalo does; resolves with the HTTP status of the answer. */
export function postEvent(target: string, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body, "utf8");
    const req = request(target, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(bytes.length), "x-zevent-signature": signature },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(bytes);
  });
}
