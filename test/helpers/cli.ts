import { createContext, type CliContext } from "../../src/cli/context.js";
import type { Locale } from "../../src/i18n/index.js";
import { RULESETS_DIR } from "./real.js";

export interface Captured {
  readonly ctx: CliContext;
  readonly out: string[];
  readonly err: string[];
}

/** A CLI context that records what a command prints. */
export function captured(options: { locale?: Locale; rulesetsDir?: string } = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = createContext({
    locale: options.locale ?? "vi",
    rulesetsDir: options.rulesetsDir ?? RULESETS_DIR,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { ctx, out, err };
}
