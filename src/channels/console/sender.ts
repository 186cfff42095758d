import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Writable } from "node:stream";
import type { PreparedPart, Sender } from "../../bot/ports/delivery.js";
import { PLAIN, renderReply } from "../../bot/render.js";
import type { I18n } from "../../i18n/index.js";
import type { ConsoleBoard } from "./board.js";

type ConsolePart = PreparedPart & { readonly text: string; readonly buttons: readonly { action: string; label: string }[] };

/**
 * Pushes in the terminal demo (reminders, announcements, results): printed
 * between the lines of the conversation, as they would pop up in Telegram,
 * each with whom it is for. Its buttons can be typed by number by the person
 * chatting now if it is theirs, or after switching to its addressee
 * (/doivaitro). A picture or spreadsheet is written to `filesDir`, and its
 * path shown.
 */
export function createConsoleSender(deps: { i18n: I18n; output: Writable; board?: ConsoleBoard; filesDir?: string }): Sender {
  return {
    channel: "console",
    async prepare(message, file) {
      const rendered = renderReply(deps.i18n, message.identity.language, message.reply, PLAIN);
      let attachment = "";
      const attached = message.reply.attachment;
      if (attached) {
        const stored = await file(attached.fileId);
        if (stored && deps.filesDir) {
          const dir = resolve(deps.filesDir);
          mkdirSync(dir, { recursive: true });
          const path = join(dir, attached.filename);
          writeFileSync(path, stored.data);
          attachment = `\n📎 ${deps.i18n.t("vi", "console-file-saved", { path })}`;
        } else {
          attachment = `\n📎 ${attached.filename}`;
        }
      }
      const part: ConsolePart = { kind: "text", text: `${rendered.text}${attachment}`, buttons: rendered.buttons.flat() };
      return [part];
    },
    async sendPart(message, prepared) {
      const part = prepared as ConsolePart;
      const userId = message.identity.externalId;
      const board = deps.board;
      const mine = !board || board.active === userId;
      const to = board?.label(userId) ?? message.identity.displayName ?? userId;
      const head = deps.i18n.t("vi", mine ? "console-push" : "console-push-other", { to });
      let buttons = "";
      if (part.buttons.length > 0) {
        if (board && mine) {
          const from = board.buttons.length;
          board.buttons.push(...part.buttons);
          buttons = `\n${part.buttons.map((b, i) => `  [${from + i + 1}] ${b.label}`).join("")}`;
        } else {
          board?.keep(userId, part.buttons);
          buttons = `\n${part.buttons.map((b) => `[${b.label}]`).join(" ")}${board ? `\n${deps.i18n.t("vi", "console-push-buttons-later")}` : ""}`;
        }
      }
      deps.output.write(`\n📩 ${head}\n${part.text}${buttons}\n> `);
      return { ok: true, externalId: null };
    },
  };
}
