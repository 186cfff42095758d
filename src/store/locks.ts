import pg from "pg";
import type { HeldLock, Locks } from "../bot/ports/locks.js";
import { AppError } from "../errors.js";
import type { Provider } from "./adapter.js";

/** The first of the two advisory-lock keys: "DTI" in ASCII, so our locks are told apart from other programs' on the database. */
const NAMESPACE = 0x445449;
/** How long a lock taken for a piece of work (a token refresh) is waited for. */
const WAIT_MS = 60_000;
/** A held lock's connection is asked a trivial question this often, and must answer within the same time. */
const PROBE_MS = 5_000;
/**
 * Lock sessions tell the server to check on them: a client that vanished without closing its connection (a
 * network cut, a frozen host) loses its locks within about 25 s, not after the system's default of two hours.
 */
const SERVER_KEEPALIVE = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";

/** The second key: a stable 32-bit FNV-1a hash of the lock's name, as a signed int (what PostgreSQL's int4 holds). */
export function lockKey(name: string): readonly [number, number] {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193);
  return [NAMESPACE, hash | 0];
}

/**
 * Locks across the deployment. Embedded mode (SQLite) is one process by
 * construction (see single-process.ts), so a lock is a queue in memory.
 * On PostgreSQL they are advisory locks held on a connection of their own:
 * when the holder dies, or its connection does, the server releases the
 * lock, so fencing is the database's, not a clock's.
 */
export function createLocks(provider: Provider, url: string): Locks & { close(): Promise<void> } {
  return provider === "postgres" ? advisoryLocks(url) : processLocks();
}

function processLocks(): Locks & { close(): Promise<void> } {
  const tails = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    withLock(name, work) {
      const run = (tails.get(name) ?? Promise.resolve()).catch(() => undefined).then(work);
      tails.set(name, run);
      void run.catch(() => undefined).finally(() => {
        if (tails.get(name) === run) tails.delete(name);
      });
      return run;
    },
    async tryHold(name) {
      if (held.has(name)) return null;
      held.add(name);
      let holding = true;
      return {
        held: () => holding,
        fence: null,
        lost: new Promise<void>(() => undefined),
        async release() {
          holding = false;
          held.delete(name);
        },
      };
    },
    close: async () => undefined,
  };
}

function advisoryLocks(url: string): Locks & { close(): Promise<void> } {
  // A few connections for locks taken around a piece of work; each waits on the server, not in a loop here.
  const pool = new pg.Pool({
    connectionString: url, max: 4, application_name: "dti-bot locks", connectionTimeoutMillis: 15_000, keepAlive: true, options: SERVER_KEEPALIVE,
  });
  pool.on("error", () => undefined);
  const held = new Set<HeldLock>();
  return {
    async withLock(name, work) {
      const [a, b] = lockKey(name);
      const client = await pool.connect();
      // A connection whose state is unknown (a statement of ours failed) is closed, never given back with a lock on it.
      let broken: Error | undefined;
      // The session ending under us (the server restarted, or ended it) is seen by the next statement; the event itself is expected.
      const ended = (error: Error) => {
        broken = error;
      };
      client.on("error", ended);
      const ask = (sql: string) => client.query(sql, sql.includes("$1") ? [a, b] : []).catch((error: unknown) => {
        broken = error as Error;
        throw error;
      });
      try {
        await ask(`SET lock_timeout = ${WAIT_MS}`);
        await ask("SELECT pg_advisory_lock($1, $2)").catch((error: unknown) => {
          if ((error as { code?: string }).code !== "55P03") throw error;
          broken = undefined;
          throw new AppError("LOCK_BUSY", `the lock "${name}" has been held elsewhere for over ${WAIT_MS / 1000} s`);
        });
        try {
          return await work();
        } finally {
          await ask("SELECT pg_advisory_unlock($1, $2)");
        }
      } finally {
        client.off("error", ended);
        client.release(broken);
      }
    },
    async tryHold(name) {
      const [a, b] = lockKey(name);
      const client = new pg.Client({
        connectionString: url, application_name: `dti-bot ${name}`, connectionTimeoutMillis: 15_000,
        keepAlive: true, keepAliveInitialDelayMillis: 10_000, options: SERVER_KEEPALIVE,
        // Every statement on this session is short (the lock is only tried, never waited for): one not answered in
        // time means the server or the way to it is gone.
        query_timeout: PROBE_MS,
      });
      let holding = false;
      let lose: () => void = () => undefined;
      const lost = new Promise<void>((resolve) => {
        lose = resolve;
      });
      const drop = () => {
        if (!holding) return;
        holding = false;
        lose();
      };
      client.on("error", drop);
      client.on("end", drop);
      await client.connect();
      let answer: { ok: boolean; pid: number } | undefined;
      try {
        answer = (await client.query<{ ok: boolean; pid: number }>("SELECT pg_try_advisory_lock($1, $2) AS ok, pg_backend_pid() AS pid", [a, b])).rows[0];
      } finally {
        if (!answer?.ok) await client.end().catch(() => undefined);
      }
      if (!answer?.ok) return null;
      holding = true;
      // One probe at a time; one that fails or does not answer in time loses the lock here at once (the server
      // frees it on its side when the session ends, or when its keepalives find the client gone).
      let probing = false;
      const probe = setInterval(() => {
        if (probing || !holding) return;
        probing = true;
        client.query("SELECT 1").then(() => {
          probing = false;
        }, () => {
          drop();
          void client.end().catch(() => undefined);
        });
      }, PROBE_MS);
      probe.unref();
      const lock: HeldLock = {
        held: () => holding,
        fence: { backendPid: answer.pid, classId: a, objId: b },
        lost,
        async release() {
          clearInterval(probe);
          drop();
          held.delete(lock);
          // Ending the session releases the lock with it.
          await client.end().catch(() => undefined);
        },
      };
      held.add(lock);
      return lock;
    },
    async close() {
      for (const lock of [...held]) await lock.release();
      await pool.end().catch(() => undefined);
    },
  };
}
