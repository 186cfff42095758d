/**
 * What people write to the bot, as two instances see it in the cluster test
 * and bench: six messages whose answers tell them apart (for a person not yet
 * bound to a unit), so the order of answers in a chat can be checked, and a
 * private message as Telegram posts it to the webhook.
 */
export const MESSAGES = [
  { text: "/diem", answer: /^Tài khoản của Anh\/Chị chưa được gắn/ },
  { text: "/huongdan", answer: /^<b>Anh\/Chị có thể dùng các lệnh sau/ },
  { text: "hello", answer: /^<b>Kính chào Anh\/Chị\. DTI Bot/ },
  { text: "chỉ số 4.14 là gì", answer: /^<b>4\.14\. Họp không giấy/ },
  { text: "zzqx 17", answer: /^Chưa tìm thấy chỉ số phù hợp/ },
  { text: "chỉ số 6.2 là gì", answer: /^Có một vài chỉ số gần với câu hỏi/ },
] as const;

/** Which of MESSAGES an answer is; -1 for none. */
export const kindOfAnswer = (text: string) => MESSAGES.findIndex((m) => m.answer.test(text));

/** A private message from `chat`, update `id`, as Telegram posts it to a webhook (a command carries its entity). */
export function privateMessage(id: number, chat: number, text: string, name: string) {
  return {
    update_id: id,
    message: {
      message_id: id, date: Math.floor(Date.now() / 1000), text, chat: { id: chat, type: "private", first_name: name },
      from: { id: chat, is_bot: false, first_name: name, language_code: "vi" },
      ...(text.startsWith("/") && { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] }),
    },
  };
}
