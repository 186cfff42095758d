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
  /** The bot's @username, for t.me deep links in invites. */
  TELEGRAM_BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{5,32}$/, "a Telegram username without @").optional(),
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
