import { createHash, timingSafeEqual } from "node:crypto";
import { parseZaloJson } from "./http.js";

/** A webhook event in the terms the channel needs; ids stay strings (they exceed 2^53). */
export interface ZaloEvent {
  readonly name: string;
  readonly appId: string;
  /** Milliseconds since the epoch, as Zalo writes it (a string). */
  readonly timestamp: string;
  /** The person: the sender of a message, or the follower of a follow/unfollow. */
  readonly userId: string | null;
  readonly msgId: string | null;
  readonly text: string | null;
  /** What a person attached (images, files, links, stickers…), in order; only those with a URL. Plain data: events are stored as JSON. */
  readonly files: readonly ZaloFile[];
}

/** An attachment as Zalo announces it in `message.attachments[]`. */
export interface ZaloFile {
  readonly url: string;
  /** The file's name, for files; images come without one. */
  readonly name: string | null;
  /** Bytes, as announced (Zalo writes it as a string); null when absent. */
  readonly size: number | null;
  /** The attachment's `type`: "image", "file", "gif", "sticker", "link", "audio", "video"… */
  readonly type: string;
}

export type WebhookVerdict =
  | { readonly ok: true; readonly event: ZaloEvent }
  | { readonly ok: false; readonly reason: "malformed" | "signature" | "app" | "stale" | "future" };

/** How far ahead of our clock a request's timestamp may be (clocks differ a little; more is a forgery or a broken clock). */
export const MAX_FUTURE_MS = 5 * 60_000;

/** Zalo's webhook signature: "mac=" + hex(sha256(app_id + raw body + timestamp + OA secret key)), app_id and timestamp from the body. */
export function zaloMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash("sha256").update(appId + rawBody + timestamp + oaSecretKey, "utf8").digest("hex")}`;
}

const str = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);
const byteCount = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
};
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

/**
 * Check a webhook request: the signature over the exact bytes received, the
 * app it is for, and its age (a replayed old request is refused, and so is
 * one dated more than five minutes ahead; duplicates within the window are
 * dropped later by message id).
 */
export function verifyWebhook(
  rawBody: Buffer, signature: string | undefined,
  expected: { appId: string; oaSecretKey: string; maxAgeMs: number; now: Date },
): WebhookVerdict {
  const raw = rawBody.toString("utf8");
  let body: Record<string, unknown>;
  try {
    body = obj(parseZaloJson(raw));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const appId = str(body["app_id"]);
  const timestamp = str(body["timestamp"]);
  const name = str(body["event_name"]);
  if (!appId || !timestamp || !name || !/^\d+$/.test(timestamp)) return { ok: false, reason: "malformed" };
  const given = Buffer.from(signature ?? "", "utf8");
  const wanted = Buffer.from(zaloMac(appId, raw, timestamp, expected.oaSecretKey), "utf8");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: "signature" };
  if (appId !== expected.appId) return { ok: false, reason: "app" };
  const age = expected.now.getTime() - Number(timestamp);
  if (age > expected.maxAgeMs) return { ok: false, reason: "stale" };
  if (age < -MAX_FUTURE_MS) return { ok: false, reason: "future" };
  const message = obj(body["message"]);
  const person = name === "follow" || name === "unfollow" ? obj(body["follower"]) : obj(body["sender"]);
  return {
    ok: true,
    event: {
      name, appId, timestamp,
      userId: str(person["id"]),
      msgId: str(message["msg_id"]),
      text: str(message["text"]),
      files: filesOf(message["attachments"]),
    },
  };
}

/** The attachments that point at something to fetch (a location or a business card has no URL). */
function filesOf(attachments: unknown): ZaloFile[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: unknown) => {
    const payload = obj(obj(a)["payload"]);
    const url = str(payload["url"]);
    if (!url) return [];
    return [{ url, name: str(payload["name"]) || null, size: byteCount(payload["size"]), type: str(obj(a)["type"]) ?? "file" }];
  });
}

/** The key a repeated delivery of the same event has: the message id, or what identifies an event without one. */
export const eventKey = (e: ZaloEvent): string => e.msgId ?? `${e.name}:${e.userId ?? "-"}:${e.timestamp}`;
