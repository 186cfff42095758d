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
  const raw = message.text.normalize("NFC");
  // "/diem@other_bot" in a group is for another bot.
  const command = /^\/[A-Za-z_]+@(\w+)/.exec(raw);
  if (command && command[1]!.toLowerCase() !== me.username.toLowerCase()) return null;
  const mention = new RegExp(`@${me.username}\\b`, "gi");
  const mentioned = mention.test(raw) || message.reply_to_message?.from?.id === me.id;
  // The core reads the message without the bot's @name, wherever it stands.
  const text = raw.replace(mention, "").trim();
  return {
    channel: "telegram", updateId, userId: String(message.from.id), chatId: String(chat.id),
    chatType: chat.type === "private" ? "private" : "group", displayName: fullName(message.from), text,
    ...(message.from.language_code && { languageHint: message.from.language_code }),
    addressed: chat.type === "private" || raw.startsWith("/") || mentioned, at,
  };
}

function fullName(user: { first_name: string; last_name?: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}
