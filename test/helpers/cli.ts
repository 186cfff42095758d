import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, type CliContext, type ZaloSettings } from "../../src/cli/context.js";
import type { Locale } from "../../src/i18n/index.js";
import type { EvidenceStorageKind } from "../../src/store/index.js";
import { RULESETS_DIR } from "./real.js";

export interface Captured {
  readonly ctx: CliContext;
  readonly out: string[];
  readonly err: string[];
}

/** A fresh SQLite database file for a CLI test. */
export function tempDatabaseUrl(): string {
  return `file:${join(mkdtempSync(join(tmpdir(), "dti-cli-")), "dti.db")}`;
}

/** A CLI context that records what a command prints. */
export function captured(options: {
  locale?: Locale; rulesetsDir?: string; databaseUrl?: string; botUsername?: string; now?: Date;
  inviteSecret?: string; tokenKey?: string; zalo?: ZaloSettings; evidenceDir?: string; evidenceStorage?: EvidenceStorageKind;
} = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = createContext({
    locale: options.locale ?? "vi",
    rulesetsDir: options.rulesetsDir ?? RULESETS_DIR,
    databaseUrl: options.databaseUrl ?? tempDatabaseUrl(),
    botUsername: options.botUsername,
    actor: "cli:test",
    ...(options.now && { now: () => options.now! }),
    inviteSecret: options.inviteSecret, tokenKey: options.tokenKey, zalo: options.zalo ?? null,
    ...(options.evidenceDir && { evidenceDir: options.evidenceDir }),
    ...(options.evidenceStorage && { evidenceStorage: options.evidenceStorage }),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { ctx, out, err };
}
