import type { AnnexConfig } from "../reports.js";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import type { ProvinceRecord } from "../bot/ports/records.js";
import { createI18n, type I18n, type Locale } from "../i18n/index.js";
import { createCatalog, formatPath, loadRulesets, type Catalog, type RulesetIssue } from "../rulesets/index.js";
import { defaultEvidenceStorage } from "../config.js";
import type { EvidenceStorageKind, OpenStore } from "../store/index.js";

/** What every admin command gets: where to write, in which language, the rulesets and the store. */
export interface CliContext {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly locale: Locale;
  readonly i18n: I18n;
  readonly rulesetsDir: string;
  readonly databaseUrl: string;
  readonly botUsername: string | undefined;
  /** Written to the audit log as the author of administrative actions. */
  readonly actor: string;
  readonly now: () => Date;
  /** The Zalo OA settings, when configured (`dti zalo`). */
  readonly zalo: ZaloSettings | null;
  /** Where evidence files are kept (EVIDENCE_DIR). */
  readonly evidenceDir: string;
  /** Whether the service keeps them there or in the database (EVIDENCE_STORAGE); `createEvidenceStorage` gives the one in use. */
  readonly evidenceStorage: EvidenceStorageKind;
  /** The results annex's configured header and signature (ANNEX_*). */
  readonly annex: AnnexConfig;
  /** The store, opened (and migrated) on first use. */
  store(): Promise<OpenStore>;
  close(): Promise<void>;
}

export interface ZaloSettings {
  readonly appId: string;
  readonly appSecret: string;
  readonly oaId: string;
  readonly redirectUrl: string | null;
  readonly oauthRoot: string | null;
}

export interface ContextOptions {
  out?: (line: string) => void;
  err?: (line: string) => void;
  locale: Locale;
  rulesetsDir: string;
  localesDir?: string;
  databaseUrl?: string;
  botUsername?: string | undefined;
  actor?: string;
  now?: () => Date;
  /** The service's secrets, so what the command line writes (invite codes, tokens) works in the service. */
  inviteSecret?: string | undefined;
  tokenKey?: string | undefined;
  zalo?: ZaloSettings | null;
  evidenceDir?: string;
  /** Default: as the configuration resolves it for the database (disk on SQLite, database on PostgreSQL). */
  evidenceStorage?: EvidenceStorageKind;
  annex?: AnnexConfig;
}

export function createContext(options: ContextOptions): CliContext {
  let store: Promise<OpenStore> | null = null;
  return {
    out: options.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: options.err ?? ((line) => process.stderr.write(`${line}\n`)),
    locale: options.locale,
    i18n: createI18n(options.localesDir),
    rulesetsDir: resolve(options.rulesetsDir),
    databaseUrl: options.databaseUrl ?? "file:./data/dti.db",
    botUsername: options.botUsername,
    actor: options.actor ?? `cli:${userInfo().username}`,
    now: options.now ?? (() => new Date()),
    zalo: options.zalo ?? null,
    evidenceDir: resolve(options.evidenceDir ?? "data/evidence"),
    evidenceStorage: options.evidenceStorage ?? defaultEvidenceStorage(options.databaseUrl ?? "file:./data/dti.db"),
    annex: options.annex ?? {},
    store() {
      // Imported on first use: commands that never touch the database (rulesets, score) do not load Prisma.
      store ??= import("../store/index.js").then(({ createStore }) => createStore(options.databaseUrl, {
        ...(options.inviteSecret && { inviteSecret: options.inviteSecret }), ...(options.tokenKey && { tokenKey: options.tokenKey }),
      }));
      return store;
    },
    async close() {
      if (store) await (await store).close();
    },
  };
}

/** A ruleset issue in the admin's language, as one line. */
export function issueLine(ctx: CliContext, issue: RulesetIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const path = issue.path.length ? ` ${formatPath(issue.path)}` : "";
  return `${where}${path}: ${ctx.i18n.t(ctx.locale, `ruleset-issue-${issue.code}`, issue.params)}`;
}

/** Load the catalog; on problems print them all and return null. */
export function loadCatalog(ctx: CliContext): Catalog | null {
  const { rulesets, issues } = loadRulesets(ctx.rulesetsDir, { locale: ctx.locale });
  if (issues.length > 0) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-validate-failed", { count: issues.length, files: new Set(issues.map((i) => i.file)).size }));
    issues.forEach((issue) => ctx.err(issueLine(ctx, issue)));
    return null;
  }
  return createCatalog(rulesets);
}

/** The province a command works on: the one named, or the only one there is. Prints why not. */
export async function resolveProvince(ctx: CliContext, code: string | undefined): Promise<ProvinceRecord | null> {
  const store = await ctx.store();
  const all = await store.provinces.list();
  const found = code ? all.find((p) => p.code === code) : all.length === 1 ? all[0] : undefined;
  if (found) return found;
  ctx.err(ctx.i18n.t(ctx.locale, code ? "cli-province-unknown" : "cli-province-choose", {
    code: code ?? "", known: all.map((p) => p.code).join(", ") || "-",
  }));
  return null;
}
