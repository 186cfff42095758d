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

export { splitText, type Markup } from "./split-text.js";
