import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";

/** An error that escaped a command, as one line in the admin's language. */
export function describeError(ctx: CliContext, error: unknown): string {
  const { i18n, locale } = ctx;
  const e = error as { code?: string; message?: string; path?: string; name?: string } | null;
  const message = e?.message ?? String(error);
  if (e?.code === "ENOENT") return i18n.t(locale, "cli-file-missing", { file: e.path ?? "" });
  if (e?.code === "EACCES") return i18n.t(locale, "cli-file-denied", { file: e.path ?? "" });
  if (e?.name === "CsvError" || /zip|central directory|End of data|Corrupted/i.test(message)) {
    return i18n.t(locale, "cli-file-unreadable", { detail: message.split("\n")[0] ?? "" });
  }
  if (e?.code === "P2002") return i18n.t(locale, "cli-conflict");
  if (error instanceof AppError) return i18n.t(locale, "cli-failed", { detail: message });
  return i18n.t(locale, "cli-unexpected", { detail: message.split("\n").find((l) => l.trim()) ?? "" });
}

/** A numeric id typed on the command line, or null (with the reason printed). */
export function idArgument(ctx: CliContext, text: string, key = "cli-period-unknown"): number | null {
  if (/^\d+$/.test(text.trim())) return Number(text);
  ctx.err(ctx.i18n.t(ctx.locale, key, { id: text }));
  return null;
}
