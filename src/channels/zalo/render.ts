import { PLAIN, renderLine, renderReply, splitText } from "../../bot/render.js";
import type { Line, Reply } from "../../bot/reply.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { ZALO_MAX_BUTTONS, type ZaloButton } from "./client.js";

/**
 * How buttons reach Zalo users. "template": real buttons (a button template
 * on a customer-service message, which docs/channels.md marks UNCONFIRMED);
 * "text": each choice written under the message with what to type.
 */
export type ButtonMode = "template" | "text";

/** One Zalo message of a reply. */
export type ZaloOut =
  | { readonly kind: "text"; readonly text: string; readonly buttons: readonly ZaloButton[] }
  | { readonly kind: "photo"; readonly caption: string | null }
  | { readonly kind: "document"; readonly filename: string };

/** Zalo has no styles in customer-service text, and button titles are short. */
const TITLE_LIMIT = 80;

/** What a tap sends back as the person's message: the label they saw, and the action after "#". */
export const tapText = (label: string, action: string): string => `${label.slice(0, TITLE_LIMIT)} #${action}`;

const TAP = /(?:^|\s)#([a-z]+(?::[\w.-]+)*)$/;
/** The action in a tapped button's text (or the same typed by hand), or null for an ordinary message. */
export function tapAction(text: string): string | null {
  return TAP.exec(text.trim())?.[1] ?? null;
}

/**
 * A reply as Zalo messages: the photo first (as on Telegram), the text split
 * at Zalo's limit, buttons on the last part, five at most per message; more
 * choices follow in messages of their own.
 */
export function zaloMessages(i18n: I18n, locale: Locale, reply: Pick<Reply, "lines" | "buttons"> & {
  readonly attachment?: { readonly kind: "photo" | "document"; readonly filename: string; readonly caption?: Line };
}, options: {
  mode: ButtonMode; textLimit: number;
}): ZaloOut[] {
  const out: ZaloOut[] = [];
  const attachment = reply.attachment;
  if (attachment?.kind === "photo") {
    out.push({ kind: "photo", caption: attachment.caption ? renderLine(i18n, locale, attachment.caption, PLAIN) : null });
  } else if (attachment) {
    out.push({ kind: "document", filename: attachment.filename });
  }
  const rendered = renderReply(i18n, locale, reply, PLAIN);
  const buttons = rendered.buttons.flat().map((b) => ({ title: b.label.slice(0, TITLE_LIMIT), payload: tapText(b.label, b.action) }));
  let body = rendered.text;
  if (options.mode === "text" && buttons.length > 0) {
    const typed = buttons.map((b) => i18n.t(locale, "zalo-choice-typed", { label: b.title, typed: `#${tapAction(b.payload)!}` }));
    body = [body, i18n.t(locale, "zalo-choices-intro"), ...typed].filter(Boolean).join("\n");
  }
  const parts = body ? splitText(body, options.textLimit) : [];
  const groups = options.mode === "template" ? chunk(buttons, ZALO_MAX_BUTTONS) : [];
  parts.forEach((text, i) => out.push({ kind: "text", text, buttons: i === parts.length - 1 ? groups[0] ?? [] : [] }));
  if (parts.length === 0 && groups[0]) out.push({ kind: "text", text: i18n.t(locale, "zalo-more-choices"), buttons: groups[0] });
  for (const group of groups.slice(1)) out.push({ kind: "text", text: i18n.t(locale, "zalo-more-choices"), buttons: group });
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
