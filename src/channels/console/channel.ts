import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Core } from "../../bot/core.js";
import { PLAIN, renderReply } from "../../bot/render.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { createConsoleBoard, type ConsoleBoard } from "./board.js";

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
  /** Shared with the console sender: who chats now, and the buttons of pushes. */
  readonly board?: ConsoleBoard;
  /**
   * Lines that follow one another within this many milliseconds are one
   * message (a paste into a terminal, which delivers them line by line);
   * 0 or absent: every line is a message (input from a file or a test).
   */
  readonly pasteMs?: number;
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
  const queue: string[] = [];
  let closed = false;
  let wake: (() => void) | null = null;
  lines.on("line", (l) => {
    queue.push(l.normalize("NFC"));
    wake?.();
  });
  lines.on("close", () => {
    closed = true;
    wake?.();
  });
  /** The next line; null once the input has ended; undefined when none came within `waitMs`. */
  const nextLine = async (waitMs?: number): Promise<string | null | undefined> => {
    while (queue.length === 0) {
      if (closed) return null;
      const came = await new Promise<boolean>((resolve) => {
        wake = () => resolve(true);
        if (waitMs !== undefined) setTimeout(() => resolve(false), waitMs);
      });
      wake = null;
      if (!came && queue.length === 0) return undefined;
    }
    return queue.shift()!;
  };
  const ask = async (prompt: string): Promise<string | null> => {
    output.write(prompt);
    return (await nextLine()) ?? null;
  };
  /** A message: a line, and the lines pasted with it. */
  const askMessage = async (prompt: string): Promise<string | null> => {
    const first = await ask(prompt);
    if (first === null || !deps.pasteMs) return first;
    const pasted = [first];
    for (let more = await nextLine(deps.pasteMs); typeof more === "string"; more = await nextLine(deps.pasteMs)) pasted.push(more);
    return pasted.join("\n");
  };
  const board = deps.board ?? createConsoleBoard();

  say(t("console-banner"));
  say(t("console-how-to-configure"));
  let userId: string | null = null;
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
        board.setLabel(userId, n === 0 ? t("console-guest") : deps.logins[n - 1]!.label);
        say(t("console-ready"));
        // Pushes that came for this person while someone else was chatting: their buttons work now.
        const kept = board.switchTo(userId);
        if (kept.length > 0) say(`${t("console-kept-buttons")}\n${kept.map((b, i) => `  [${i + 1}] ${b.label}`).join("")}`);
        return true;
      }
      say(t("console-choose-again", { max: deps.logins.length }));
    }
  };
  if (!(await choose())) return;
  for (;;) {
    const typed = await askMessage("> ");
    if (typed === null) return;
    const value = typed.trim();
    if (!value) continue;
    if (/^(\/thoat|\/exit|\/quit)$/i.test(value)) return;
    if (/^(\/doivaitro|\/switch)$/i.test(value)) {
      if (!(await choose())) return;
      continue;
    }
    const picked = /^\d{1,2}$/.test(value) ? board.buttons[Number(value) - 1] : undefined;
    seq += 1;
    const { replies, locale: replyLocale } = await deps.core.handle({
      channel: "console", updateId: `console-${seq}`, userId: userId!, chatId: userId!, chatType: "private",
      // The demo person's label names them in the pushes others see.
      displayName: board.label(userId!) ?? "Người dùng thử",
      ...(picked ? { action: picked.action } : { text: value.replace(/\s*\\n\s*/g, "\n") }), at: deps.now(),
    });
    board.buttons = [];
    for (const r of replies) {
      const rendered = renderReply(i18n, replyLocale, r, PLAIN);
      say("");
      say(rendered.text);
      const flat = rendered.buttons.flat();
      if (flat.length > 0) {
        say(flat.map((b, i) => `  [${board.buttons.length + i + 1}] ${b.label}`).join(""));
        board.buttons.push(...flat);
      }
    }
    say("");
  }
}
