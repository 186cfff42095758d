import type { OutboxKind, OutboxRecord, PreparedPart, SendResult, Sender } from "../../bot/ports/delivery.js";
import type { I18n } from "../../i18n/index.js";
import { vnDay, vnTime } from "../../i18n/dates.js";
import type { ZaloButton, ZaloClient, ZaloMessageType } from "./client.js";
import { CALL_LIMIT_WAIT_MS, ZaloApiError, ZaloAuthError, ZaloTransportError } from "./errors.js";
import { sendWithButtons, zaloMessages, type ButtonPolicy } from "./render.js";

export interface ZaloSenderDeps {
  readonly client: ZaloClient;
  readonly i18n: I18n;
  readonly now: () => Date;
  /** Customer-service messages go only to people who wrote to the OA within this many hours (Zalo: 48 free, 7 days at most). */
  readonly windowHours: number;
  readonly textLimit: number;
  readonly buttons: ButtonPolicy;
  /** Kinds of message sent as promotion messages (never between 22:00 and 06:00); the rest go as customer service. */
  readonly promotionKinds: ReadonlySet<OutboxKind>;
}

type Part = PreparedPart & (
  | { kind: "text"; text: string; buttons: readonly ZaloButton[] }
  | { kind: "photo"; data: Uint8Array; filename: string; caption: string | null }
  /** Zalo cannot edit a sent message: a progress update that would replace one is left out. */
  | { kind: "edit" }
);

/** While the OA cannot send, a message with nowhere else to go is looked at again after this. */
const OA_RETRY_MS = 10 * 60_000;
/** Zalo refuses promotion messages from 22:00 to 06:00 (error -234). */
const NIGHT_FROM_HOUR = 22;
const MORNING_HOUR = 6;

/** The next 06:00 in Vietnam when `at` falls in the night, else null. */
export function promotionBlockedUntil(at: Date): Date | null {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" }).format(at));
  if (hour >= MORNING_HOUR && hour < NIGHT_FROM_HOUR) return null;
  const { year, month, day } = vnDay(at);
  const morning = vnTime(year, month, day, MORNING_HOUR);
  return hour < MORNING_HOUR ? morning : new Date(morning.getTime() + 24 * 3_600_000);
}

/** What a Zalo failure means for the queue (codes in docs/channels.md A4). */
export function classifyZalo(error: unknown, now: Date): Exclude<SendResult, { ok: true }> {
  // The OA itself cannot send (not authorised, disabled, out of quota): the admins are told; meanwhile people are
  // reached on another channel, or wait. Their own window has nothing to do with it: no "cannot reach" notices.
  const outOfOrder = (description: string) =>
    ({ ok: false, kind: "switch_channel", error: description, orWaitUntil: new Date(now.getTime() + OA_RETRY_MS) }) as const;
  if (error instanceof ZaloAuthError) return outOfOrder(error.message);
  if (error instanceof ZaloApiError) {
    const description = `zalo ${error.errorCode}: ${error.message}`;
    switch (error.action) {
      case "not_follower": return { ok: false, kind: "unreachable", error: description };
      case "switch_channel": return { ok: false, kind: "switch_channel", error: description };
      case "alert": return outOfOrder(description);
      case "retry_later":
        return error.errorCode === -234
          ? { ok: false, kind: "deferred", until: promotionBlockedUntil(now) ?? new Date(now.getTime() + CALL_LIMIT_WAIT_MS), error: description }
          : { ok: false, kind: "rate_limited", retryAfterMs: CALL_LIMIT_WAIT_MS, error: description };
      // Refreshed once already by the client; an upload id that expired is uploaded again next time.
      case "refresh_token":
      case "reupload": return { ok: false, kind: "transient", error: description };
      case "give_up": return { ok: false, kind: "rejected", error: description };
    }
  }
  if (error instanceof ZaloTransportError) {
    return error.notSent || /HTTP 5\d\d/.test(error.message)
      ? { ok: false, kind: "transient", error: error.message }
      : { ok: false, kind: "uncertain", error: error.message };
  }
  return { ok: false, kind: "uncertain", error: (error as Error).message };
}

/**
 * The delivery queue's Zalo side. Zalo lets an OA message a person freely
 * only for a while after their last message: outside that window the
 * message is handed back for another channel without calling Zalo.
 */
export function createZaloSender(deps: ZaloSenderDeps): Sender {
  const windowMs = deps.windowHours * 3_600_000;
  const typeOf = (m: OutboxRecord): ZaloMessageType => (deps.promotionKinds.has(m.kind) ? "promotion" : "cs");
  return {
    channel: "zalo",
    async prepare(message, file) {
      if (message.replaces) return [{ kind: "edit" } as Part];
      const locale = message.identity.language;
      const parts: Part[] = [];
      for (const out of zaloMessages(deps.i18n, locale, message.reply, { mode: deps.buttons.mode, textLimit: deps.textLimit })) {
        if (out.kind === "text") parts.push({ kind: "text", text: out.text, buttons: out.buttons });
        else if (out.kind === "document") parts.push({ kind: "text", text: deps.i18n.t(locale, "zalo-document-elsewhere", { filename: out.filename }), buttons: [] });
        else {
          const attachment = message.reply.attachment!;
          const stored = await file(attachment.fileId);
          if (!stored) throw new Error(`attachment file ${attachment.fileId} is missing`);
          parts.push({ kind: "photo", data: stored.data, filename: attachment.filename, caption: out.caption });
        }
      }
      return parts;
    },
    async sendPart(message, prepared): Promise<SendResult> {
      const part = prepared as Part;
      if (part.kind === "edit") return { ok: true, externalId: message.replaces };
      const now = deps.now();
      const type = typeOf(message);
      const last = message.identity.lastInteractionAt;
      if (type === "cs" && (!last || now.getTime() - last.getTime() > windowMs)) {
        return { ok: false, kind: "switch_channel", error: `zalo: no message from the person in the last ${deps.windowHours} hours` };
      }
      const night = type === "promotion" ? promotionBlockedUntil(now) : null;
      if (night) return { ok: false, kind: "deferred", until: night, error: "zalo: no promotion messages between 22:00 and 06:00" };
      const userId = message.identity.externalId;
      try {
        if (part.kind === "text") {
          const buttons = { client: deps.client, i18n: deps.i18n, policy: deps.buttons, textLimit: deps.textLimit };
          const sent = await sendWithButtons(buttons, userId, message.identity.language, part.text, part.buttons, type);
          return { ok: true, externalId: sent.messageId };
        }
        // An upload is not a message: when it fails, nothing reached the person and it can be tried again.
        const attachmentId = await deps.client.uploadImage(part.data, part.filename).catch((error: unknown) => {
          throw error instanceof ZaloTransportError ? new ZaloTransportError(error.endpoint, error.message, true, error) : error;
        });
        const sent = await deps.client.sendImage(userId, attachmentId, { ...(part.caption && { text: part.caption }), type });
        return { ok: true, externalId: sent.messageId };
      } catch (error) {
        return classifyZalo(error, now);
      }
    },
  };
}
