import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Core } from "../../bot/core.js";
import { PLAIN, renderReply } from "../../bot/render.js";
import type { I18n, Locale } from "../../i18n/index.js";

/** Someone to chat as in the demo: a label and how to become them. */
export interface DemoLogin {
  readonly label: string;
  /** Make the console user this person; returns the console user id to chat with. */
  readonly login: () => Promise<string>;
}

export interface ConsoleDeps {
  readonly core: Core;
  readonly i18n: I18n;
  readonly input: Readable;
  readonly output: Writable;
  readonly logins: readonly DemoLogin[];
  readonly now: () => Date;
  readonly locale?: Locale;
}

/**
 * The local demo: the same core as Telegram, in a terminal. The user picks
 * who to be, then chats; replies print exactly as Telegram would show them
 * (as plain text), buttons as numbered choices to type.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const { i18n, output } = deps;
  const locale = deps.locale ?? "vi";
  const say = (value: string) => output.write(`${value}\n`);
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
  const lines = createInterface({ input: deps.input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    output.write(prompt);
    const next = await iterator.next();
    return next.done ? null : next.value.normalize("NFC");
  };

  say(t("console-banner"));
  say(t("console-how-to-configure"));
  let userId: string | null = null;
  let buttons: { action: string }[] = [];
  let seq = 0;
  const choose = async (): Promise<boolean> => {
    say(t("console-choose"));
    deps.logins.forEach((l, i) => say(`  [${i + 1}] ${l.label}`));
    say(`  [0] ${t("console-guest")}`);
    for (;;) {
      const answer = await ask("> ");
      if (answer === null) return false;
      const n = Number(answer.trim());
      if (Number.isInteger(n) && n >= 0 && n <= deps.logins.length) {
        userId = n === 0 ? `guest-${randomUUID()}` : await deps.logins[n - 1]!.login();
        say(t("console-ready"));
        return true;
      }
      say(t("console-choose-again", { max: deps.logins.length }));
    }
  };
  if (!(await choose())) return;
  for (;;) {
    const typed = await ask("> ");
    if (typed === null) return;
    const value = typed.trim();
    if (!value) continue;
    if (/^(\/thoat|\/exit|\/quit)$/i.test(value)) return;
    if (/^(\/doivaitro|\/switch)$/i.test(value)) {
      if (!(await choose())) return;
      continue;
    }
    const picked = /^\d{1,2}$/.test(value) ? buttons[Number(value) - 1] : undefined;
    seq += 1;
    const { replies, locale: replyLocale } = await deps.core.handle({
      channel: "console", updateId: `console-${seq}`, userId: userId!, chatId: userId!, chatType: "private", displayName: "Người dùng thử",
      ...(picked ? { action: picked.action } : { text: value.replace(/\s*\\n\s*/g, "\n") }), at: deps.now(),
    });
    buttons = [];
    for (const r of replies) {
      const rendered = renderReply(i18n, replyLocale, r, PLAIN);
      say("");
      say(rendered.text);
      const flat = rendered.buttons.flat();
      if (flat.length > 0) {
        say(flat.map((b, i) => `  [${buttons.length + i + 1}] ${b.label}`).join(""));
        buttons.push(...flat);
      }
    }
    say("");
  }
}
