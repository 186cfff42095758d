import { fold } from "../scoring/index.js";
import type { Inbound } from "./reply.js";
import { isFocus, type Focus } from "./understand/words.js";

/** What a message or a tap asks the bot to do, whichever channel it came from. */
export type Intent =
  | { readonly kind: "start"; readonly code?: string }
  | { readonly kind: "whoami" }
  | { readonly kind: "help" }
  | { readonly kind: "language"; readonly to?: "vi" | "en" }
  | { readonly kind: "submit"; readonly text: string }
  | { readonly kind: "withdraw"; readonly code?: string }
  | { readonly kind: "score" }
  /** /bieudo: the unit's scorecard as a picture. */
  | { readonly kind: "score_card" }
  | { readonly kind: "missing" }
  /** /muctieu, with the class asked for when named ("lên loại xuất sắc"). */
  | { readonly kind: "target"; readonly text?: string }
  | { readonly kind: "ranking" }
  | { readonly kind: "deadlines" }
  | { readonly kind: "approve" }
  | { readonly kind: "unit"; readonly code?: string }
  /** A question about indicators; `free` when it came as free text, which may also be a request (src/bot/understand). */
  | { readonly kind: "ask"; readonly text: string; readonly free?: boolean }
  | { readonly kind: "greeting" }
  | { readonly kind: "thanks" }
  /** "ok", "đã rõ": the user took note; nothing to do. */
  | { readonly kind: "noted" }
  /** Something the bot does not do (accounts, report templates): said plainly, with whom to ask. */
  | { readonly kind: "unsupported" }
  /** A tap on an item to choose: its card, in the order the question asked for (`focus`). */
  | { readonly kind: "item"; readonly rulesetId: string; readonly code: string; readonly focus?: Focus }
  /** A tap on "Xác nhận"; `detach` when the officer said the evidence of the earlier figures no longer applies. */
  | { readonly kind: "confirm"; readonly id: number; readonly detach?: boolean }
  | { readonly kind: "cancel"; readonly id: number }
  | { readonly kind: "snooze"; readonly text: string }
  | { readonly kind: "delegate"; readonly text: string; readonly personId?: number }
  | { readonly kind: "broadcast"; readonly text: string }
  | { readonly kind: "broadcast_step"; readonly id: number; readonly op: string; readonly arg?: string }
  | { readonly kind: "ack"; readonly id: number }
  | { readonly kind: "broadcast_report"; readonly id: number }
  | { readonly kind: "broadcast_nudge"; readonly id: number }
  | { readonly kind: "publish"; readonly periodId?: number }
  /** A photo or a document: evidence for the item its caption names. */
  | { readonly kind: "file"; readonly caption: string }
  | { readonly kind: "evidence"; readonly text: string }
  | { readonly kind: "review"; readonly text: string }
  | { readonly kind: "review_step"; readonly op: "ok" | "next" | "file"; readonly arg: string }
  | { readonly kind: "appeal"; readonly text: string }
  | { readonly kind: "appeal_step"; readonly op: "keep" | "self"; readonly id: number }
  | { readonly kind: "unknown_command"; readonly command: string }
  | { readonly kind: "ignore" };

/** Commands in Vietnamese (without diacritics, as Telegram requires) and their English aliases. */
export const COMMANDS: Readonly<Record<string, Intent["kind"]>> = {
  start: "start", batdau: "start",
  toi: "whoami", whoami: "whoami", me: "whoami",
  huongdan: "help", help: "help", trogiup: "help",
  ngonngu: "language", language: "language", lang: "language",
  nop: "submit", submit: "submit", sua: "submit", edit: "submit",
  huy: "withdraw", withdraw: "withdraw",
  diem: "score", score: "score",
  bieudo: "score_card", chart: "score_card",
  thieu: "missing", missing: "missing",
  muctieu: "target", target: "target",
  xephang: "ranking", ranking: "ranking", rank: "ranking",
  hanchot: "deadlines", deadlines: "deadlines",
  duyet: "approve", approve: "approve",
  donvi: "unit", unit: "unit",
  chiso: "ask", hoi: "ask", item: "ask", ask: "ask",
  hoanlai: "snooze", snooze: "snooze",
  uyquyen: "delegate", delegate: "delegate",
  thongbao: "broadcast", broadcast: "broadcast",
  congbo: "publish", publish: "publish",
  minhchung: "evidence", evidence: "evidence",
  thamdinh: "review", review: "review",
  khieunai: "appeal", appeal: "appeal",
};

/** An invite code typed alone (Zalo users often just paste it). */
const INVITE_CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/i;
/**
 * "4.14 = 77,6%", "4.14: 394/508", "4.14 85%", "3.5 có" — one figure per line. A code written with a decimal
 * comma, as Vietnamese write numbers, counts before "=" or ":" ("6,2 = 85" is 6.2).
 */
export const FIGURE_LINE =
  /^\s*(\d{1,2}(?:\.\d{1,2}){1,2}|\d{1,2},\d{1,2}(?=\s*[=:])|(?:[A-H]|[IVX]{1,4})\.\d{1,3}|(?:DTI[- ]?)?\d{1,2}(?=\s*[=:])|\d)\s*(=|:|\s)\s*(\S.*)$/i;

/**
 * The code a figure line names, as the ruleset keeps it: "6,2" is 6.2, "b.1" is B.1, and "DTI-28" (how
 * some provinces' tracking sheets label item 28) is 28.
 */
export function figureCode(written: string): string {
  return written.replace(",", ".").replace(/^dti[- ]?/i, "").toUpperCase();
}

/** Short answers that make "3.5 có" a figure rather than a question ("6.2 có bao nhiêu điểm" stays a question). */
const ANSWER_WORDS = /^(co|khong|chua|dat|x|yes|no|dac thu|khong ap dung)\s*[.!]?$/;

/** A line that gives a figure: "=" or ":" after the code, or a value that starts like one. */
export function isFigureLine(raw: string): boolean {
  const m = FIGURE_LINE.exec(raw);
  if (!m) return false;
  if (m[2] === "=" || m[2] === ":") return true;
  return /^[\d.,+-]/.test(m[3]!) || ANSWER_WORDS.test(fold(m[3]!));
}

function fromCommand(command: string, rest: string): Intent {
  const kind = COMMANDS[command.toLowerCase()];
  switch (kind) {
    case undefined:
      return { kind: "unknown_command", command };
    case "start":
      return rest ? { kind: "start", code: rest.split(/\s+/)[0]! } : { kind: "start" };
    case "language": {
      const to = fold(rest);
      return to === "vi" || to === "tieng viet" ? { kind: "language", to: "vi" } : to === "en" || to === "english" ? { kind: "language", to: "en" } : { kind: "language" };
    }
    case "submit":
      return { kind: "submit", text: rest };
    case "withdraw":
      return rest ? { kind: "withdraw", code: rest.split(/\s+/)[0]! } : { kind: "withdraw" };
    case "unit":
      return rest ? { kind: "unit", code: rest.trim() } : { kind: "unit" };
    case "ask":
      return { kind: "ask", text: rest };
    case "target":
      return rest ? { kind: "target", text: rest } : { kind: "target" };
    case "snooze":
    case "delegate":
    case "broadcast":
    case "evidence":
    case "review":
    case "appeal":
      return { kind, text: rest };
    default:
      return { kind } as Intent;
  }
}

const id = (value: string | undefined): number | null => (value && /^\d+$/.test(value) ? Number(value) : null);

function fromAction(action: string): Intent {
  const [verb, a, b, c] = action.split(":");
  if (verb === "rv" && (a === "ok" || a === "next" || a === "file")) return { kind: "review_step", op: a, arg: action.split(":").slice(2).join(":") };
  if (verb === "ap" && (a === "keep" || a === "self") && id(b) !== null) return { kind: "appeal_step", op: a, id: Number(b) };
  const n = id(a);
  if (verb === "bc" && n !== null && b) return { kind: "broadcast_step", id: n, op: b, ...(c && { arg: c }) };
  if (verb === "ack" && n !== null) return { kind: "ack", id: n };
  if (verb === "bcr" && n !== null) return { kind: "broadcast_report", id: n };
  if (verb === "bcn" && n !== null) return { kind: "broadcast_nudge", id: n };
  if (verb === "pub" && n !== null) return { kind: "publish", periodId: n };
  if (verb === "deleg" && n !== null) return { kind: "delegate", text: "", personId: n };
  if ((verb === "ok" || verb === "no") && a && /^\d+$/.test(a)) return { kind: verb === "ok" ? "confirm" : "cancel", id: Number(a) };
  if (verb === "okd" && a && /^\d+$/.test(a)) return { kind: "confirm", id: Number(a), detach: true };
  if (verb === "item" && a && b) return { kind: "item", rulesetId: a, code: b, ...(isFocus(c) && { focus: c }) };
  if (verb === "unit" && a) return { kind: "unit", code: a };
  if (verb === "lang" && (a === "vi" || a === "en")) return { kind: "language", to: a };
  if (verb === "cmd" && a && COMMANDS[a]) return fromCommand(a, "");
  return { kind: "ignore" };
}

/** Figures come one per line, or separated by ";" when typed on one line. */
export function splitFigureLines(body: string): string[] {
  return body.split(/\r?\n|;\s*(?=\d)/).map((l) => l.trim()).filter((l) => l !== "");
}

/** "sửa 6.2 = 90", "em nộp 1.2 = 80% nhé": a figure said with its verb is the figure. */
const SAID_FIGURE = /^(?:(?:xin|cho)\s+)?(?:(?:em|toi|minh|anh|chi)\s+)?(?:sua|nop|cap nhat|nhap|gui|bao cao|dieu chinh)(?:\s+(?:lai|so lieu|chi so|muc))*\s+(?=\d)/;
/** "huỷ 6.2", "rút số liệu 6.2": a withdrawal said in words. */
const SAID_WITHDRAWAL = /^(?:(?:em|toi|minh)\s+)?(?:huy|rut|xoa)(?:\s+(?:bo|so lieu|chi so|muc|cua))*\s+(\d{1,2}(?:[.,]\d{1,2}){1,2})\s*(?:di|nhe|nha|a|giup|gium|voi)?\s*$/;

function spokenChange(body: string): Intent | null {
  const folded = fold(body);
  const withdrawal = SAID_WITHDRAWAL.exec(folded);
  if (withdrawal) return { kind: "withdraw", code: withdrawal[1]!.replace(",", ".") };
  const verb = SAID_FIGURE.exec(folded);
  if (!verb) return null;
  // The same number of words off the text as typed.
  const rest = body.replace(new RegExp(`^(?:\\S+\\s+){${verb[0].trim().split(" ").length}}`), "");
  const lines = splitFigureLines(rest);
  return lines.length > 0 && lines.some(isFigureLine) && lines.every((l) => FIGURE_LINE.test(l)) ? { kind: "submit", text: rest } : null;
}

/** Read an inbound message or tap. In groups, only commands and messages addressed to the bot count. */
export function parseIntent(inbound: Inbound, botUsername?: string): Intent {
  if (inbound.action) return fromAction(inbound.action);
  if (inbound.file) {
    if (inbound.chatType === "group" && !inbound.addressed) return { kind: "ignore" };
    const caption = (inbound.text ?? "").normalize("NFC").trim();
    return { kind: "file", caption: botUsername ? caption.replace(new RegExp(`@${botUsername}\\b`, "gi"), "").trim() : caption };
  }
  const text = (inbound.text ?? "").normalize("NFC").trim();
  if (!text) return { kind: "ignore" };
  const command = /^\/([A-Za-z_]+)(?:@(\w+))?(?:\s+([\s\S]*))?$/.exec(text);
  if (command) {
    if (command[2] && botUsername && command[2].toLowerCase() !== botUsername.toLowerCase()) return { kind: "ignore" };
    return fromCommand(command[1]!, (command[3] ?? "").trim());
  }
  if (inbound.chatType === "group" && !inbound.addressed) return { kind: "ignore" };
  const body = botUsername ? text.replace(new RegExp(`@${botUsername}\\b`, "gi"), "").trim() : text;
  if (INVITE_CODE.test(body)) return { kind: "start", code: body };
  const said = spokenChange(body);
  if (said) return said;
  const lines = splitFigureLines(body);
  if (lines.length > 0 && lines.some(isFigureLine) && lines.every((l) => FIGURE_LINE.test(l))) return { kind: "submit", text: body };
  return { kind: "ask", text: body, free: true };
}
