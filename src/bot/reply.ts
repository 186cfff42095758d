import type { Explanation } from "../scoring/index.js";
import type { ChannelName } from "./ports/records.js";

/** Arguments of a localized message. */
export type Args = Readonly<Record<string, string | number | Date | null | undefined>>;

/**
 * A line of a reply: a message key rendered by the channel in the user's
 * language, or text that came from people or the database (always escaped).
 */
export type Line =
  | { readonly key: string; readonly args?: Args; readonly style?: Style }
  | { readonly text: string; readonly style?: Style }
  /** A scoring explanation ("6.2: 85% × 10 = 8,5/10"), with its bonus/penalty prefix. */
  | { readonly explain: Explanation; readonly prefix?: string; readonly style?: Style };
export type Style = "bold" | "italic" | "code";

/** A button; its action comes back as an `Inbound.action` when tapped. */
export interface Button {
  readonly label: Line;
  readonly action: string;
}

export interface Attachment {
  readonly kind: "photo" | "document";
  readonly filename: string;
  readonly data: Uint8Array;
  readonly caption?: Line;
}

/** What the core answers; each channel renders it its own way. */
export interface Reply {
  readonly lines: readonly Line[];
  /** Rows of buttons. */
  readonly buttons?: readonly (readonly Button[])[];
  readonly attachment?: Attachment;
}

/** A file a person sent (a photo or a document), fetched only when the core wants it. */
export interface InboundFile {
  readonly filename: string;
  /** What the platform says it is; the core trusts only the content. */
  readonly declaredType: string | null;
  /** As the platform announces it, before any download; null when it does not say. */
  readonly size: number | null;
  download(): Promise<Uint8Array>;
}

/** A message or a button tap from any channel, in the core's terms. */
export interface Inbound {
  readonly channel: ChannelName;
  /** Platform update id, so a re-delivered update is handled once. */
  readonly updateId: string;
  readonly userId: string;
  readonly chatId: string;
  readonly chatType: "private" | "group";
  readonly displayName?: string;
  /** The platform's language of the user, used on first contact only. */
  readonly languageHint?: string;
  /** NFC-normalized text, when a message. */
  readonly text?: string;
  /** Button data, when a tap. */
  readonly action?: string;
  /** A photo or a document; its caption, if any, is `text`. */
  readonly file?: InboundFile;
  /** In groups: the bot was mentioned or a command was addressed to it. */
  readonly addressed?: boolean;
  readonly at: Date;
}

export const line = (key: string, args?: Args, style?: Style): Line => ({ key, ...(args && { args }), ...(style && { style }) });
export const text = (value: string, style?: Style): Line => ({ text: value, ...(style && { style }) });
export const explained = (explain: Explanation, prefix?: string): Line => ({ explain, ...(prefix && { prefix }) });

/**
 * A signed change as message arguments: `<name>` is the size, `<name>Dir` is
 * up, down or none, so messages write "+3,2" or "−2 bậc" in their own words.
 */
export function movement(value: number, name: string): Args {
  return { [name]: Math.abs(value), [`${name}Dir`]: value > 0 ? "up" : value < 0 ? "down" : "none" };
}
export const reply = (lines: readonly Line[], buttons?: readonly (readonly Button[])[]): Reply => ({ lines, ...(buttons && { buttons }) });
