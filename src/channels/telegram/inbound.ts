import type { Message, Update, UserFromGetMe } from "grammy/types";
import type { Inbound, InboundFile } from "../../bot/reply.js";

/** Fetches a file's bytes by its Telegram file_id (getFile, then the file URL). */
export type FileDownloader = (fileId: string) => Promise<Uint8Array>;

/**
 * A Telegram update in the core's terms; null for updates the bot does not act on.
 * A photo or a document becomes `file`, downloaded only if the core asks; its caption is the text.
 */
export function toInbound(
  update: Update, me: UserFromGetMe, at: Date, download: FileDownloader, albumCaption?: (message: Message) => string | undefined,
): Inbound | null {
  const updateId = String(update.update_id);
  const callback = update.callback_query;
  if (callback?.data && callback.message) {
    const chat = callback.message.chat;
    return {
      channel: "telegram", updateId, userId: String(callback.from.id), chatId: String(chat.id),
      chatType: chat.type === "private" ? "private" : "group", displayName: fullName(callback.from), action: callback.data,
      ...(callback.from.language_code && { languageHint: callback.from.language_code }), addressed: true, at,
    };
  }
  const message = update.message;
  if (!message?.from) return null;
  const file = fileOf(message, download);
  // A caption counts only on what the bot reads (a video's caption is not a message to it).
  // In an album only the first photo carries the caption; the others take it from there.
  const remembered = file ? albumCaption?.(message) : undefined;
  const body = message.text ?? (file ? message.caption ?? remembered : undefined);
  if (body === undefined && !file) return null;
  const chat = message.chat;
  const raw = (body ?? "").normalize("NFC");
  // "/diem@other_bot" in a group is for another bot.
  const command = /^\/[A-Za-z_]+@(\w+)/.exec(raw);
  if (command && command[1]!.toLowerCase() !== me.username.toLowerCase()) return null;
  const mention = new RegExp(`@${me.username}\\b`, "gi");
  const mentioned = mention.test(raw) || message.reply_to_message?.from?.id === me.id;
  // The core reads the message without the bot's @name, wherever it stands.
  const text = raw.replace(mention, "").trim();
  return {
    channel: "telegram", updateId, userId: String(message.from.id), chatId: String(chat.id),
    chatType: chat.type === "private" ? "private" : "group", displayName: fullName(message.from),
    ...(body !== undefined && { text }), ...(file && { file }),
    ...(message.from.language_code && { languageHint: message.from.language_code }),
    addressed: chat.type === "private" || raw.startsWith("/") || mentioned, at,
  };
}

/** The document, or the largest size of the photo (Telegram lists a photo's sizes smallest first, but says nothing binding). */
function fileOf(message: Message, download: FileDownloader): InboundFile | null {
  if (message.document) {
    const d = message.document;
    return {
      filename: d.file_name ?? `tep-${d.file_unique_id}`, declaredType: d.mime_type ?? null, size: d.file_size ?? null,
      download: () => download(d.file_id),
    };
  }
  if (message.photo && message.photo.length > 0) {
    const area = (p: { width: number; height: number; file_size?: number }) => [p.width * p.height, p.file_size ?? 0] as const;
    const largest = message.photo.reduce((best, p) => {
      const [a, s] = area(p);
      const [b, t] = area(best);
      return a > b || (a === b && s > t) ? p : best;
    });
    return {
      filename: `anh-${largest.file_unique_id}.jpg`, declaredType: "image/jpeg", size: largest.file_size ?? null,
      download: () => download(largest.file_id),
    };
  }
  return null;
}

function fullName(user: { first_name: string; last_name?: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}
