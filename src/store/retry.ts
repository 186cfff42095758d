/**
 * Transient write failures that a retry resolves: a unique key taken by a
 * concurrent first write (P2002), SQLite busy (another process holds the
 * write lock; a deferred transaction cannot wait for the lock upgrade), and
 * PostgreSQL serialization failures and deadlocks.
 */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | null;
  const text = `${e?.message ?? ""} ${String((e?.cause as { message?: string } | undefined)?.message ?? "")}`;
  // The SQLite adapter reports SQLITE_BUSY as a socket timeout (P1008, "Operation has timed out").
  return ["P2002", "P2034", "P1008"].includes(e?.code ?? "")
    || /Unique constraint|database is locked|SQLITE_BUSY|Operation has timed out|40001|40P01|deadlock detected/i.test(text);
}

/** A unique key already taken (a re-delivered update, a concurrent first write). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002" || /Unique constraint/i.test(String((error as Error).message));
}

const ATTEMPTS = 12;

/** Run a write, retrying transient failures with a short, growing, jittered pause. */
export async function retrying<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, 10 + Math.random() * 40 * attempt));
    }
  }
}
