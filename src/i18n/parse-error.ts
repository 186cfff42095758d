import type { ParseError } from "../scoring/index.js";
import type { I18n, Locale } from "./index.js";

/** A parse error as the reply an officer reads. */
export function parseErrorMessage(i18n: I18n, locale: Locale, error: ParseError): string {
  const key = `parse-${error.code.replace(/_/g, "-")}`;
  switch (error.code) {
    case "unknown_choice":
    case "ambiguous_choice":
    case "single_choice":
      return i18n.t(locale, key, { options: error.options.map((o, i) => `${i + 1}. ${o.label}`).join("; ") });
    case "ambiguous_number":
      return i18n.t(locale, key, { text: error.text, first: error.readings[0], second: error.readings[1] });
    case "ambiguous_percent":
      return i18n.t(locale, key, { value: error.value, percent: Math.round(error.value * 100 * 1e6) / 1e6 });
    case "not_a_number":
      return i18n.t(locale, key, { expected: error.expected });
    case "not_integer":
      return i18n.t(locale, key, { value: error.value });
    case "out_of_range":
      return i18n.t(locale, key, { value: error.value, min: error.min, max: error.max });
    case "numerator_exceeds":
      return i18n.t(locale, key, { a: error.a, b: error.b });
    default:
      return i18n.t(locale, key);
  }
}
