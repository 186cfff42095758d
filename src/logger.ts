import pino, { type Logger } from "pino";

export type { Logger };

/** Keys whose values never reach a log line. */
export const REDACT_PATHS = [
  "token", "*.token", "accessToken", "*.accessToken", "refreshToken", "*.refreshToken", "secret", "*.secret",
  "password", "*.password", "authorization", "*.authorization", "req.headers.authorization",
  "req.headers[\"x-telegram-bot-api-secret-token\"]", "access_token", "*.access_token", "refresh_token", "*.refresh_token",
  "req.headers.access_token", "req.headers.secret_key", "req.headers[\"x-zevent-signature\"]",
];

/** One pino root for the process; pretty output only on a terminal. */
export function createLogger(options: { level: string; pretty?: boolean | undefined }): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    ...(pretty && { transport: { target: "pino-pretty", options: { translateTime: "SYS:dd/mm/yyyy HH:MM:ss", ignore: "pid,hostname" } } }),
  });
}
