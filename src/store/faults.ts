/**
 * Failures of the database itself, as opposed to a fault in one request: the
 * disk is full, the file is damaged or read-only, an I/O error, or the
 * server cannot be reached. Told apart by the driver's codes and messages,
 * wherever Prisma put them (the error, its cause, its meta).
 */
export type StorageFault = "full" | "damaged" | "io" | "read_only" | "unreachable";

const PATTERNS: readonly (readonly [StorageFault, RegExp])[] = [
  ["full", /SQLITE_FULL|database or disk is full|ENOSPC|no space left|\b53100\b|disk_full/i],
  ["damaged", /SQLITE_CORRUPT|SQLITE_NOTADB|database disk image is malformed|file is not a database/i],
  ["read_only", /SQLITE_READONLY|readonly database|\b25006\b|read_only_sql_transaction|EROFS/i],
  ["io", /SQLITE_IOERR|SQLITE_CANTOPEN|disk I\/O error|unable to open database|\bEIO\b/i],
  ["unreachable", new RegExp([
    "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "\\bP1001\\b", "\\bP1002\\b", "\\bP1017\\b",
    "Can't reach database", "Connection terminated", "connection is closed", "\\b57P0[123]\\b", "\\b0800[0-6]\\b",
    "the database system is (starting up|shutting down|in recovery)", "Server has closed the connection", "timeout exceeded when trying to connect",
  ].join("|"), "i")],
];

/** Everything an error says about itself, its causes and Prisma's meta, as one text. */
function describe(error: unknown, depth = 0): string {
  if (error === null || error === undefined || depth > 4) return "";
  if (typeof error !== "object") return String(error);
  const e = error as {
    code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; kind?: unknown; originalCode?: unknown; originalMessage?: unknown;
  };
  const meta = e.meta && typeof e.meta === "object" ? JSON.stringify(e.meta) : "";
  return [e.code, e.kind, e.originalCode, e.message, e.originalMessage, meta].filter((v) => v !== undefined).join(" ") + " " + describe(e.cause, depth + 1);
}

/** The storage fault behind an error, or null when the error is something else. */
export function storageFaultOf(error: unknown): StorageFault | null {
  const text = describe(error);
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}
