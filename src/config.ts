import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { AppError } from "./errors.js";

/**
 * Configuration from the environment. `parseConfig` is pure; this module is
 * the only reader of process.env (see `loadConfig`). Every key is documented
 * in .env.example.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Pretty logs; by default only when stdout is a terminal. */
  LOG_PRETTY: z.stringbool().optional(),
  RULESETS_DIR: z.string().min(1).default("rulesets"),
  LOCALES_DIR: z.string().min(1).optional(),
  DEFAULT_LOCALE: z.enum(["vi", "en"]).default("vi"),
  HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** SQLite file (`file:./data/dti.db`) or a PostgreSQL URL (`postgresql://…`). */
  DATABASE_URL: z.string().regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://").default("file:./data/dti.db"),
  /** Seed the demo province when the database is empty and no channel is configured. */
  DEMO_AUTOSEED: z.stringbool().default(true),
  /** The bot's @username, for t.me deep links in invites (read from Telegram when a token is set). */
  TELEGRAM_BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{5,32}$/, "a Telegram username without @").optional(),
  /** Key for hashing invite codes; changing it invalidates codes not yet used. */
  INVITE_SECRET: z.string().min(16, "at least 16 characters").optional(),
  /** Telegram bot token from @BotFather; without it the service runs the local demo. */
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a token like 123456:ABC… from @BotFather").optional(),
  /** Another Bot API server: an emulator in tests, or a self-hosted telegram-bot-api. */
  TELEGRAM_API_ROOT: z.url().optional(),
  /** Public HTTPS URL of /telegram/webhook; set for webhook mode, leave empty for long polling. */
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode). */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 letters, digits, _ or -").optional(),
  /** Messages a person may send in 10 seconds before the bot asks them to slow down. */
  CHAT_RATE_LIMIT: z.coerce.number().int().min(1).max(100).default(8),
  /** With no channel configured and a terminal attached, chat in the terminal: true/false. */
  CONSOLE_DEMO: z.stringbool().default(true),
  /** Office hours in Asia/Ho_Chi_Minh: reminders are sent only within them, on working days. */
  OFFICE_HOURS: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "like 07:30-17:00").default("07:30-17:00"),
  /** Working weekdays, 1 = Monday … 7 = Sunday. */
  OFFICE_DAYS: z.string().regex(/^[1-7](,[1-7])*$/, "like 1,2,3,4,5").default("1,2,3,4,5"),
  /** Working days before a deadline to remind on (0 = the day itself). */
  REMINDER_OFFSETS: z.string().regex(/^\d{1,2}(,\d{1,2})*$/, "like 7,3,1,0").default("7,3,1,0"),
  REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "like 08:00").default("08:00"),
  /** Weekly digest of provisional rank changes to leaders: weekday (1 = Monday) and time. */
  DIGEST_DAY: z.coerce.number().int().min(1).max(7).default(1),
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "like 08:00").default("08:00"),
  /** Telegram's sending limits (the delivery queue keeps under them). */
  DELIVERY_GLOBAL_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  DELIVERY_CHAT_PER_SECOND: z.coerce.number().positive().max(10).default(1),
  DELIVERY_GROUP_PER_MINUTE: z.coerce.number().positive().max(600).default(20),
  /** Name of this instance in job runs and the delivery lease; default host and process id. */
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  /** Evidence files sent in chat: where they are kept, how large they may be, which kinds (as detected from the content). */
  EVIDENCE_DIR: z.string().min(1).default("data/evidence"),
  /**
   * Where evidence files are kept: "disk" (EVIDENCE_DIR, this machine's folder) or "database" (rows every instance reads).
   * Unset: disk on SQLite, database on PostgreSQL, where several instances may run (resolved below).
   */
  EVIDENCE_STORAGE: z.enum(["disk", "database"], "disk (a folder of this machine) or database (shared by every instance)").optional(),
  /**
   * The results annex's header and signature: lines separated by "|". By default the province's People's Committee
   * issues it ("ỦY BAN NHÂN DÂN|TỈNH …") and a vice-chairman signs ("KT. CHỦ TỊCH|PHÓ CHỦ TỊCH").
   */
  ANNEX_AUTHORITY: z.string().min(1).optional(),
  ANNEX_PLACE: z.string().min(1).optional(),
  ANNEX_SIGNER_TITLE: z.string().min(1).optional(),
  ANNEX_SIGNER: z.string().min(1).optional(),
  /** The terminal demo writes the pictures and spreadsheets it "sends" here. */
  DEMO_FILES_DIR: z.string().min(1).default("data/demo-files"),
  EVIDENCE_MAX_MB: z.coerce.number().positive().max(20, "Telegram lets bots download at most 20 MB").default(10),
  EVIDENCE_TYPES: z.string().regex(/^[a-z0-9]+(,[a-z0-9]+)*$/, "like pdf,jpg,png").default("pdf,jpg,png,webp,docx,xlsx"),
  /** Zalo Official Account: the app (developers.zalo.me), its OA, and the keys. Zalo ids stay strings. */
  ZALO_APP_ID: z.string().regex(/^\d{5,25}$/, "the app id, digits").optional(),
  ZALO_APP_SECRET: z.string().min(8).optional(),
  ZALO_OA_ID: z.string().regex(/^\d{5,25}$/, "the OA id, digits").optional(),
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  /** Encrypts the OA's tokens in the database; at least 32 characters. */
  ZALO_TOKEN_KEY: z.string().min(32, "at least 32 characters").optional(),
  /** A refresh token from the Zalo developer console, used once while the database holds none. */
  ZALO_REFRESH_TOKEN: z.string().min(8).optional(),
  /** Where the OAuth authorisation comes back (GET /zalo/oauth on this service, behind HTTPS). */
  ZALO_REDIRECT_URL: z.url().optional(),
  ZALO_API_ROOT: z.url().optional(),
  ZALO_OAUTH_ROOT: z.url().optional(),
  ZALO_WINDOW_HOURS: z.coerce.number().positive().max(168, "Zalo allows at most 7 days (168 hours)").default(48),
  ZALO_TEXT_LIMIT: z.coerce.number().int().min(100).max(2000).default(2000),
  ZALO_BUTTONS: z.enum(["template", "text"]).default("template"),
  ZALO_PROMOTION_KINDS: z.string().regex(/^([a-z]+(,[a-z]+)*)?$/, "like broadcast,digest").default(""),
  ZALO_WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(43_200),
  ZALO_RATE_PER_MINUTE: z.coerce.number().positive().max(4000).default(3000),
  /** A stop (SIGTERM, SIGINT) ends within this many seconds, cutting short what has not finished. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** Raw chat updates (people's names and texts as received) are deleted after this many days. */
  RETENTION_UPDATES_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the database is probed (a read and a small write) so readiness stays true without traffic, in seconds. */
  DATABASE_PROBE_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** How often the SQLite file's integrity is checked (PRAGMA quick_check), in seconds; also after an I/O error. */
  DATABASE_CHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
}).superRefine((c, ctx) => {
  if (c.ZALO_APP_ID) {
    for (const key of ["ZALO_APP_SECRET", "ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_TOKEN_KEY"] as const) {
      if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when ZALO_APP_ID is set" });
    }
  }
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
  }
  const [open, close] = c.OFFICE_HOURS.split("-");
  if (open! >= close!) ctx.addIssue({ code: "custom", path: ["OFFICE_HOURS"], message: "the office must open before it closes" });
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
  }
}).transform((c) => ({ ...c, EVIDENCE_STORAGE: c.EVIDENCE_STORAGE ?? defaultEvidenceStorage(c.DATABASE_URL) }));

/**
 * EVIDENCE_STORAGE when unset: "database" on PostgreSQL, where several instances may run behind a load balancer
 * and none can read another's folder; "disk" on SQLite, which one process serves.
 */
export function defaultEvidenceStorage(databaseUrl: string): "disk" | "database" {
  return databaseUrl.startsWith("file:") ? "disk" : "database";
}

export type Config = z.output<typeof schema>;

export class ConfigError extends AppError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super("CONFIG_INVALID", `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/**
 * Parse an environment; throws one ConfigError listing every bad key. Keys
 * in `fromFile` are named with the file they came from, so a bad value is
 * looked for where it was written.
 */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  fromFile?: { name: string; keys: ReadonlySet<string> },
): Config {
  // Treat empty strings as unset, as .env files often leave keys blank.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => {
      const key = i.path.join(".");
      return `${key}${fromFile?.keys.has(key) ? ` (${fromFile.name})` : ""}: ${i.message}`;
    }));
  }
  return result.data;
}

/**
 * The configuration: the process environment over the keys of `.env` in the
 * working folder (or the file ENV_FILE names), read with Node's own parser.
 * A variable set in the real environment wins over the file.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): Config {
  const named = env["ENV_FILE"];
  const name = named || ".env";
  const path = resolve(cwd, name);
  // `.env` is optional; a file named on purpose must be there.
  if (named && !existsSync(path)) throw new ConfigError([`ENV_FILE: ${path} does not exist`]);
  const file = existsSync(path) ? parseEnv(readFileSync(path, "utf8")) : {};
  const inEnv = new Set(Object.keys(env).filter((k) => env[k] !== undefined && env[k] !== ""));
  const keys = new Set(Object.keys(file).filter((k) => !inEnv.has(k)));
  return parseConfig({ ...file, ...Object.fromEntries(Object.entries(env).filter(([k]) => inEnv.has(k))) }, { name, keys });
}
