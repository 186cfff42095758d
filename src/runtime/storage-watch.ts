import type { StorageStatus, StoreHealth } from "../bot/ports/storage-health.js";

export interface StorageWatchDeps {
  readonly health: StoreHealth;
  readonly log: {
    info(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
  /** How often the database is probed (a read and a small write). */
  readonly probeEveryMs?: number;
  /** How often SQLite's integrity is checked; also soon after a failure (at most once a minute). */
  readonly integrityEveryMs: number;
}

const PROBE_EVERY_MS = 15_000;
const INTEGRITY_AFTER_FAILURE_MS = 60_000;

const words = (s: StorageStatus): string => (s.damaged ? "damaged" : s.read !== "ok" ? `read ${s.read}` : `write ${s.write}`);

/**
 * Keeps the store's health current without traffic: a probe every few
 * seconds, the integrity check on its schedule and after failures. Logs each
 * change once (error when the database fails, info when it is back).
 */
export function watchStorage(deps: StorageWatchDeps): { stop(): void } {
  let last = deps.health.status();
  let lastIntegrity = 0;
  const integrity = async (why: string) => {
    lastIntegrity = Date.now();
    const verdict = await deps.health.integrity().catch(() => null);
    if (verdict === "damaged") deps.log.error({ why }, "the database file failed its integrity check (PRAGMA quick_check): restore it from the last backup");
  };
  const probe = async () => {
    const now = await deps.health.check();
    if (words(now) !== words(last)) {
      if (now.read === "ok" && now.write === "ok" && !now.damaged) deps.log.info({ was: words(last) }, "the database reads and writes again");
      else deps.log.error({ state: words(now) }, "the database is failing: chat answers that nothing can be recorded now");
    }
    last = now;
    const failing = now.read !== "ok" || now.write !== "ok";
    if (failing && !now.damaged && Date.now() - lastIntegrity > INTEGRITY_AFTER_FAILURE_MS) await integrity("after a failure");
  };
  const probes = setInterval(() => void probe().catch(() => undefined), deps.probeEveryMs ?? PROBE_EVERY_MS);
  const checks = setInterval(() => void integrity("scheduled"), deps.integrityEveryMs);
  probes.unref();
  checks.unref();
  void integrity("at start");
  return {
    stop() {
      clearInterval(probes);
      clearInterval(checks);
    },
  };
}
