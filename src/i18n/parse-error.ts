import type { ParseError } from "../scoring/index.js";
import type { Args, I18n, Locale } from "./index.js";

/** The message key and arguments that explain a parse error (locales: `parse-*`). */
export function parseErrorArgs(error: ParseError): { key: string; args: Args } {
  const key = `parse-${error.code.replace(/_/g, "-")}`;
  switch (error.code) {
    case "unknown_choice":
    case "ambiguous_choice":
    case "single_choice":
      return { key, args: { options: error.options.map((o, i) => `${i + 1}. ${o.label}`).join("; ") } };
    case "ambiguous_number":
      return { key, args: { text: error.text, first: error.readings[0], second: error.readings[1] } };
    case "ambiguous_percent":
      return { key, args: { value: error.value, percent: Math.round(error.value * 100 * 1e6) / 1e6 } };
    case "not_a_number":
      return { key, args: { expected: error.expected } };
    case "not_integer":
      return { key, args: { value: error.value } };
    case "out_of_range":
      return { key, args: { value: error.value, min: error.min, max: error.max } };
    case "numerator_exceeds":
      return { key, args: { a: error.a, b: error.b } };
    default:
      return { key, args: {} };
  }
}

/** A parse error as the reply an officer reads. */
export function parseErrorMessage(i18n: I18n, locale: Locale, error: ParseError): string {
  const { key, args } = parseErrorArgs(error);
  return i18n.t(locale, key, args);
}
