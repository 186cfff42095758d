import type { Update, UserFromGetMe } from "grammy/types";
import type { Inbound } from "../../bot/reply.js";

/** A Telegram update in the core's terms; null for updates the bot does not act on. */
export function toInbound(update: Update, me: UserFromGetMe, at: Date): Inbound | null {
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
  if (!message?.text || !message.from) return null;
  const chat = message.chat;
  const text = message.text.normalize("NFC");
  const mentioned = new RegExp(`@${me.username}\\b`, "i").test(text) || message.reply_to_message?.from?.id === me.id;
  return {
    channel: "telegram", updateId, userId: String(message.from.id), chatId: String(chat.id),
    chatType: chat.type === "private" ? "private" : "group", displayName: fullName(message.from), text,
    ...(message.from.language_code && { languageHint: message.from.language_code }),
    addressed: chat.type === "private" || text.startsWith("/") || mentioned, at,
  };
}

function fullName(user: { first_name: string; last_name?: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}
