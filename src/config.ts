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
}).superRefine((c, ctx) => {
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
  }
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
  }
});

export type Config = z.output<typeof schema>;

export class ConfigError extends AppError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super("CONFIG_INVALID", `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/** Parse an environment; throws one ConfigError listing every bad key. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Treat empty strings as unset, as .env files often leave keys blank.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return result.data;
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
