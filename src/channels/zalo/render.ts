import { PLAIN, renderLine, renderReply, splitText } from "../../bot/render.js";
import type { Line, Reply } from "../../bot/reply.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { ZALO_MAX_BUTTONS, type ZaloButton, type ZaloClient, type ZaloMessageType } from "./client.js";
import { ZaloApiError } from "./errors.js";

/**
 * How buttons reach Zalo users. "template": real buttons (a button template
 * on a customer-service message, which docs/channels.md marks UNCONFIRMED);
 * "text": each choice written under the message with what to type.
 */
export type ButtonMode = "template" | "text";

/** The mode in force, shared by the channel and the queue: Zalo refusing the template switches it to "text" for good. */
export interface ButtonPolicy {
  mode: ButtonMode;
}

/** One Zalo message of a reply. */
export type ZaloOut =
  | { readonly kind: "text"; readonly text: string; readonly buttons: readonly ZaloButton[] }
  | { readonly kind: "photo"; readonly caption: string | null }
  | { readonly kind: "document"; readonly filename: string };

/** Zalo has no styles in customer-service text, and button titles are short. */
const TITLE_LIMIT = 80;

/** What a tap sends back as the person's message: the label they saw, and the action after "#". */
/** A label cut to Zalo's title length between whole characters (an emoji is never halved). */
const title = (label: string): string => Array.from(label).slice(0, TITLE_LIMIT).join("");
export const tapText = (label: string, action: string): string => `${title(label)} #${action}`;

/** Only the core's own button actions: a message that merely ends in a hashtag is text. */
const TAP = /(?:^|\s)#((?:ok|no|bc|ack|bcr|bcn|pub|deleg|item|unit|lang|cmd)(?::[\w.-]+)+)$/;
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
  const buttons = rendered.buttons.flat().map((b) => ({ title: title(b.label), payload: tapText(b.label, b.action) }));
  let body = rendered.text;
  if (options.mode === "text" && buttons.length > 0) body = [body, ...typedChoices(i18n, locale, buttons)].filter(Boolean).join("\n");
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

/** The text with its choices written out, each with what to type (the same text a tap would send). */
function typedChoices(i18n: I18n, locale: Locale, buttons: readonly ZaloButton[]): string[] {
  return [
    i18n.t(locale, "zalo-choices-intro"),
    ...buttons.map((b) => i18n.t(locale, "zalo-choice-typed", { label: b.title, typed: `#${tapAction(b.payload) ?? ""}` })),
  ];
}

/**
 * Send one text message with its buttons. Buttons on customer-service
 * messages are not confirmed by Zalo's documentation: if Zalo refuses the
 * template (-201, -233), the same message goes with the choices written out,
 * and from then on every message does (the policy switches to "text").
 */
export async function sendWithButtons(deps: {
  client: ZaloClient; i18n: I18n; policy: ButtonPolicy; textLimit: number; onFallback?: (error: ZaloApiError) => void;
}, userId: string, locale: Locale, text: string, buttons: readonly ZaloButton[], type?: ZaloMessageType): Promise<{ messageId: string }> {
  const typed = async () => {
    const choices = typedChoices(deps.i18n, locale, buttons).join("\n");
    const whole = `${text}\n${choices}`;
    if (whole.length <= deps.textLimit) return deps.client.sendText(userId, whole, { ...(type && { type }) });
    await deps.client.sendText(userId, text, { ...(type && { type }) });
    return deps.client.sendText(userId, choices, { ...(type && { type }) });
  };
  if (buttons.length === 0) return deps.client.sendText(userId, text, { ...(type && { type }) });
  if (deps.policy.mode === "text") return typed();
  try {
    return await deps.client.sendText(userId, text, { buttons, ...(type && { type }) });
  } catch (error) {
    if (!(error instanceof ZaloApiError) || (error.errorCode !== -201 && error.errorCode !== -233)) throw error;
    deps.policy.mode = "text";
    deps.onFallback?.(error);
    return typed();
  }
}
