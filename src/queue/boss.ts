import { PgBoss } from "pg-boss";
import type { LogPort } from "../bot/session.js";

/** pg-boss keeps its tables in a schema of their own, beside the service's. */
export const BOSS_SCHEMA = "pgboss";

/**
 * The job queue of a PostgreSQL deployment: pg-boss, which every instance
 * starts on the same database (it installs and migrates its own schema).
 * Its maintenance (expiring, retrying and deleting jobs, firing schedules
 * once across instances) runs on whichever instance gets to it.
 */
export async function startBoss(url: string, log: LogPort, options: { instance: string }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url, schema: BOSS_SCHEMA, application_name: `dti-bot ${options.instance}`, max: 6,
    // Expired jobs and jobs whose runner stopped sending heartbeats are failed (and so retried, on whichever instance
    // is free) in the supervision pass: every 5 s, so a dead instance's work moves within about 15 s.
    superviseIntervalSeconds: 5, monitorIntervalSeconds: 5,
    // A queued update wakes a free instance at once (LISTEN/NOTIFY); polling stays as the fallback.
    useListenNotify: true,
  });
  // pg-boss reports a lost connection or a failed maintenance pass here, and goes on by itself. During a database
  // outage that is several a second: the first is logged, then a count once a minute, as the delivery worker does.
  let unlogged = 0;
  let loggedAt = 0;
  boss.on("error", (error: Error) => {
    if (Date.now() - loggedAt < 60_000) {
      unlogged += 1;
      return;
    }
    log.error({ error: error.message, ...(unlogged > 0 && { sinceLastLogged: unlogged }) }, "job queue: an error (pg-boss goes on)");
    loggedAt = Date.now();
    unlogged = 0;
  });
  await boss.start();
  return boss;
}
