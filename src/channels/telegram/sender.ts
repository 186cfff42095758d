import { Api, GrammyError, HttpError, InlineKeyboard, InputFile, type Transformer } from "grammy";
import type { OutboxRecord, PreparedPart, SendResult, Sender } from "../../bot/ports/delivery.js";
import { renderLine, renderReply, splitText } from "../../bot/render.js";
import type { I18n } from "../../i18n/index.js";
import { CAPTION_LIMIT, MESSAGE_LIMIT, TELEGRAM_HTML } from "./format.js";

type Part = PreparedPart & (
  | { kind: "text"; text: string; keyboard?: InlineKeyboard }
  | { kind: "edit"; text: string; messageId: number; keyboard?: InlineKeyboard }
  | { kind: "photo" | "document"; file: InputFile | string; caption?: string }
);

/** Connection errors that mean the request never left: sending again cannot duplicate anything. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** How long one Bot API call may take before it counts as lost (grammY's default is 500 s). */
const CALL_TIMEOUT_S = 30;

function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/** What a Bot API failure means for the queue (Telegram's documented errors, see docs/channels.md). */
export function classify(error: unknown): Exclude<SendResult, { ok: true }> {
  if (error instanceof GrammyError) {
    const description = `${error.error_code} ${error.description}`;
    if (error.error_code === 429) {
      return { ok: false, kind: "rate_limited", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000, error: description };
    }
    if (error.error_code === 403 || /chat not found|user not found|PEER_ID_INVALID/i.test(error.description)) {
      return { ok: false, kind: "unreachable", error: description };
    }
    if (error.error_code >= 500) return { ok: false, kind: "transient", error: description };
    return { ok: false, kind: "rejected", error: description };
  }
  if (error instanceof HttpError) {
    const code = errorCode(error.error);
    return code && NOT_SENT.has(code)
      ? { ok: false, kind: "transient", error: `${code}: ${error.message}` }
      : { ok: false, kind: "uncertain", error: error.message };
  }
  return { ok: false, kind: "uncertain", error: (error as Error).message };
}

/**
 * The delivery queue's Telegram side. Its own Api client, without
 * auto-retry: the queue decides about retries, so a message whose request may
 * have arrived is never sent a second time behind its back.
 */
export function createTelegramSender(deps: { token: string; apiRoot?: string; i18n: I18n; watch?: Transformer }): Sender {
  const api = new Api(deps.token, { ...(deps.apiRoot && { apiRoot: deps.apiRoot }), timeoutSeconds: CALL_TIMEOUT_S });
  // Its answers also tell /readyz how the Bot API is.
  if (deps.watch) api.config.use(deps.watch);
  return {
    channel: "telegram",
    async prepare(message: OutboxRecord, file) {
      const locale = message.identity.language;
      const rendered = renderReply(deps.i18n, locale, message.reply, TELEGRAM_HTML);
      const parts: Part[] = [];
      const attachment = message.reply.attachment;
      if (attachment) {
        const stored = await file(attachment.fileId);
        if (!stored) throw new Error(`attachment file ${attachment.fileId} is missing`);
        const caption = attachment.caption
          ? splitText(renderLine(deps.i18n, locale, attachment.caption, TELEGRAM_HTML), CAPTION_LIMIT, "html")[0]
          : undefined;
        // A file sent before goes again by its Telegram id, without a new upload.
        const upload = stored.ref ?? new InputFile(Buffer.from(stored.data), attachment.filename);
        parts.push({ kind: attachment.kind, file: upload, ...(caption && { caption }) });
      }
      const keyboard = rendered.buttons.length > 0
        ? InlineKeyboard.from(rendered.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.action))))
        : undefined;
      const chunks = rendered.text ? splitText(rendered.text, MESSAGE_LIMIT, "html") : [];
      // A progress report edits the message it replaces, when that one went out and the new text fits in one message.
      if (message.replaces && chunks.length === 1 && !attachment) {
        return [{ kind: "edit", text: chunks[0]!, messageId: Number(message.replaces), ...(keyboard && { keyboard }) }];
      }
      chunks.forEach((text, i) => parts.push({ kind: "text", text, ...(keyboard && i === chunks.length - 1 && { keyboard }) }));
      return parts;
    },
    async sendPart(message, prepared): Promise<SendResult> {
      const part = prepared as Part;
      const chatId = message.identity.chatId ?? message.identity.externalId;
      try {
        switch (part.kind) {
          case "text": {
            const sent = await api.sendMessage(chatId, part.text, {
              parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(part.keyboard && { reply_markup: part.keyboard }),
            });
            return { ok: true, externalId: String(sent.message_id) };
          }
          case "edit": {
            await api.editMessageText(chatId, part.messageId, part.text, { parse_mode: "HTML", ...(part.keyboard && { reply_markup: part.keyboard }) });
            return { ok: true, externalId: String(part.messageId) };
          }
          case "photo":
          case "document": {
            const options = { ...(part.caption && { caption: part.caption, parse_mode: "HTML" as const }) };
            const sent = part.kind === "photo" ? await api.sendPhoto(chatId, part.file, options) : await api.sendDocument(chatId, part.file, options);
            const ref = "photo" in sent ? sent.photo?.at(-1)?.file_id : "document" in sent ? sent.document?.file_id : undefined;
            return { ok: true, externalId: String(sent.message_id), ...(ref && typeof part.file !== "string" && { fileRef: ref }) };
          }
        }
      } catch (error) {
        // Editing to the same text is not a failure: the message already says it.
        if (part.kind === "edit" && error instanceof GrammyError && /message is not modified/i.test(error.description)) {
          return { ok: true, externalId: String(part.messageId) };
        }
        return classify(error);
      }
    },
  };
}
