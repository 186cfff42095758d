import type { I18n, Locale } from "../i18n/index.js";
import type { Line, Reply, Style } from "./reply.js";

/** How a channel writes text: escaping for user data and markup for styles. */
export interface TextFormat {
  escape(value: string): string;
  style(value: string, style: Style): string;
}

export const PLAIN: TextFormat = { escape: (v) => v, style: (v) => v };

/**
 * One line in the user's language. Everything is escaped, our messages
 * included ("Sở KH&CN"), so markup comes only from a line's style.
 */
export function renderLine(i18n: I18n, locale: Locale, l: Line, format: TextFormat): string {
  let body: string;
  if ("key" in l) {
    body = format.escape(i18n.t(locale, l.key, l.args));
  } else if ("text" in l) {
    body = format.escape(l.text);
  } else {
    body = (l.prefix ? format.escape(l.prefix) : "") + format.escape(i18n.explain(locale, l.explain));
  }
  return l.style ? format.style(body, l.style) : body;
}

export interface RenderedReply {
  readonly text: string;
  readonly buttons: readonly (readonly { readonly label: string; readonly action: string }[])[];
}

export function renderReply(i18n: I18n, locale: Locale, r: Pick<Reply, "lines" | "buttons">, format: TextFormat): RenderedReply {
  return {
    text: r.lines.map((l) => renderLine(i18n, locale, l, format)).join("\n"),
    buttons: (r.buttons ?? []).map((row) => row.map((b) => ({ label: renderLine(i18n, locale, b.label, PLAIN), action: b.action }))),
  };
}

/**
 * Split a long text into messages of at most `limit` characters, at line
 * breaks where possible (Telegram: 4,096). A line longer than the limit is cut.
 * No part is blank (platforms refuse empty messages); only blank lines at a
 * cut can be lost, never text.
 */
export function splitText(value: string, limit: number): string[] {
  if (value.length <= limit) return [value];
  const parts: string[] = [];
  let current: string | null = null;
  for (const piece of value.split("\n")) {
    const chunks = piece.length > limit ? piece.match(new RegExp(`[\\s\\S]{1,${limit}}`, "g"))! : [piece];
    for (const chunk of chunks) {
      if (current !== null && current.length + 1 + chunk.length > limit) {
        if (current.trim() !== "") parts.push(current);
        current = chunk;
      } else {
        current = current === null ? chunk : `${current}\n${chunk}`;
      }
    }
  }
  if (current !== null && current.trim() !== "") parts.push(current);
  return parts;
}
