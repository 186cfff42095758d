import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Explanation } from "../scoring/index.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Args = Readonly<Record<string, string | number | Date | null | undefined>>;

export const DEFAULT_LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/** Intl locale per message locale: Vietnamese uses a decimal comma and dot grouping. */
const INTL: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface I18n {
  /** The message, or the key itself when it is missing (logged by tests, never thrown). */
  t(locale: Locale, key: string, args?: Args): string;
  has(locale: Locale, key: string): boolean;
  /** All message ids of a locale. */
  keys(locale: Locale): string[];
  explain(locale: Locale, explanation: Explanation): string;
  number(locale: Locale, value: number, maxDigits?: number): string;
  /** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
  date(locale: Locale, value: Date): string;
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

function toFluent(value: string | number | Date | null | undefined, locale: Locale): FluentVariable {
  if (typeof value === "number") {
    // Points and values arrive already rounded by the scoring module; show what they hold.
    return new FluentNumber(value, { maximumFractionDigits: 6, useGrouping: true });
  }
  if (value instanceof Date) return formatDate(value, locale);
  return value ?? "";
}

export function formatDate(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE })
    .format(value);
}

export function formatNumber(value: number, locale: Locale, maxDigits = 6): string {
  return new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: maxDigits }).format(value);
}

/** Load locales/*.ftl into Fluent bundles. Throws if a file has syntax errors. */
export function createI18n(dir: string = DEFAULT_LOCALES_DIR): I18n {
  const bundles = new Map<Locale, FluentBundle>();
  const ids = new Map<Locale, string[]>();
  for (const locale of LOCALES) {
    // Isolation marks (U+2068/U+2069) would show up as garbage in chat clients.
    const bundle = new FluentBundle(INTL[locale], { useIsolating: false });
    const resource = new FluentResource(readFileSync(join(dir, `${locale}.ftl`), "utf8"));
    const errors = bundle.addResource(resource);
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join("; ")}`);
    bundles.set(locale, bundle);
    ids.set(locale, resource.body.filter((entry) => !entry.id.startsWith("-")).map((entry) => entry.id));
  }
  const t = (locale: Locale, key: string, args: Args = {}): string => {
    const bundle = bundles.get(locale)!;
    const message = bundle.getMessage(key) ?? bundles.get("vi")!.getMessage(key);
    if (!message?.value) return key;
    const fluentArgs: Record<string, FluentVariable> = {};
    for (const [name, value] of Object.entries(args)) fluentArgs[name] = toFluent(value, locale);
    return bundle.formatPattern(message.value, fluentArgs);
  };
  return {
    t,
    has: (locale, key) => bundles.get(locale)!.hasMessage(key),
    keys: (locale) => [...ids.get(locale)!],
    explain(locale, explanation) {
      const line = t(locale, explanation.key, explanation.args);
      const effect = explanation.args["effect"];
      return effect === "bonus" || effect === "penalty" ? t(locale, `explain-effect-${effect}`, { line }) : line;
    },
    number: (locale, value, maxDigits) => formatNumber(value, locale, maxDigits),
    date: (locale, value) => formatDate(value, locale),
  };
}
