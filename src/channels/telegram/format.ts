import type { TextFormat } from "../../bot/render.js";

/**
 * Telegram HTML parse mode: only &, < and > need escaping in text, which is
 * why HTML is used rather than MarkdownV2 (where dates, decimals and hyphens
 * in Vietnamese text break messages).
 */
export const TELEGRAM_HTML: TextFormat = {
  escape: (value) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  style: (value, style) => (style === "bold" ? `<b>${value}</b>` : style === "italic" ? `<i>${value}</i>` : `<code>${value}</code>`),
};

/** Telegram's limit for one message's text, after entity parsing. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const CAPTION_LIMIT = 1024;
