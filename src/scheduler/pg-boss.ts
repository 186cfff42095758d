import type { PgBoss } from "pg-boss";
import type { LogPort } from "../bot/session.js";
import { jobRunner, TIMEZONE, type Job, type Scheduler } from "./index.js";

/** A run's queue settings: one run at a time; a runner that stops answering is noticed and its run retried elsewhere. */
export const SCHEDULED_QUEUE = {
  policy: "singleton",
  retryLimit: 3,
  retryDelay: 30,
  // Work that hangs is ended and retried after this; the heartbeat notices a dead runner much sooner.
  expireInSeconds: 15 * 60,
  heartbeatSeconds: 20,
  // Finished runs are kept a week for an operator's questions, then pg-boss deletes them.
  deleteAfterSeconds: 7 * 86_400,
} as const;

export const scheduledQueue = (job: Pick<Job, "name">) => `schedule-${job.name}`;

/**
 * Several instances (PostgreSQL): every job is a pg-boss schedule in
 * Asia/Ho_Chi_Minh. Each fire becomes one job, whichever instances are up;
 * it runs on one instance, and again on another if its runner dies. A fire
 * missed while every instance was down is sent once when one is back.
 */
export async function startBossScheduler(deps: {
  readonly boss: PgBoss; readonly jobs: readonly Job[]; readonly log: LogPort; readonly now: () => Date;
}): Promise<Scheduler> {
  const runner = jobRunner(deps.log, deps.now);
  let stopped = false;
  const names = new Set(deps.jobs.map(scheduledQueue));
  // Schedules are never removed because this instance lacks them: an instance without a channel's settings runs
  // fewer jobs, and must not take the others' schedules away. Each instance works only the queues of its own jobs.
  for (const job of deps.jobs) {
    const queue = scheduledQueue(job);
    await deps.boss.createQueue(queue, SCHEDULED_QUEUE);
    await deps.boss.schedule(queue, job.cron, {}, { tz: TIMEZONE, missed: "once" });
    // A failure is thrown back to pg-boss, which retries the run (another instance may take it).
    await deps.boss.work(queue, { pollingIntervalSeconds: 2 }, async () => runner.run(job, { rethrow: true }));
  }
  return {
    async stop() {
      stopped = true;
      for (const name of names) await deps.boss.offWork(name, { wait: true }).catch(() => undefined);
    },
    status: () => ({ running: !stopped, failing: [...runner.failing] }),
  };
}
