import type { Writable } from "node:stream";
import type { PreparedPart, Sender } from "../../bot/ports/delivery.js";
import { PLAIN, renderReply } from "../../bot/render.js";
import type { I18n } from "../../i18n/index.js";

/**
 * Pushes in the terminal demo (reminders, announcements, results): printed
 * between the lines of the conversation, as they would pop up in Telegram.
 */
export function createConsoleSender(deps: { i18n: I18n; output: Writable }): Sender {
  return {
    channel: "console",
    async prepare(message) {
      const rendered = renderReply(deps.i18n, message.identity.language, message.reply, PLAIN);
      const buttons = rendered.buttons.flat().map((b) => `[${b.label}]`).join(" ");
      const attachment = message.reply.attachment ? `\n📎 ${message.reply.attachment.filename}` : "";
      return [{ kind: "text", text: `${rendered.text}${attachment}${buttons ? `\n${buttons}` : ""}` } as PreparedPart & { text: string }];
    },
    async sendPart(_message, part) {
      deps.output.write(`\n📩 ${deps.i18n.t("vi", "console-push")}\n${(part as PreparedPart & { text: string }).text}\n> `);
      return { ok: true, externalId: null };
    },
  };
}
