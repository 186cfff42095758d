import { CronExpressionParser } from "cron-parser";
import cron, { type ScheduledTask } from "node-cron";
import type { LogPort } from "../bot/session.js";

export const TIMEZONE = "Asia/Ho_Chi_Minh";

/** A scheduled job: a plain function of the time it runs for. */
export interface Job {
  readonly name: string;
  /** A five-field cron expression in Asia/Ho_Chi_Minh. */
  readonly cron: string;
  run(now: Date): Promise<unknown>;
  /**
   * Embedded mode, at start, so a restart never skips a day's work: `true` for a job safe to repeat (run once
   * more), or a catch-up given the last time the job was due, which does only what that run would have done
   * and was not. (On PostgreSQL a fire missed while every instance was down is run once when one is back.)
   */
  readonly atStart?: true | ((now: Date, lastDue: Date) => Promise<unknown>);
}

export interface Scheduler {
  stop(): Promise<void>;
  /** For /readyz: whether jobs are scheduled, and those whose last run failed. */
  status(): { readonly running: boolean; readonly failing: readonly string[] };
}

/** The last time a cron expression was due at or before `now`, in Asia/Ho_Chi_Minh. */
export function lastDue(expression: string, now: Date): Date {
  return CronExpressionParser.parse(expression, { currentDate: new Date(now.getTime() + 1), tz: TIMEZONE }).prev().toDate();
}

/** Runs jobs with the one catch they share: logged and told to /readyz; the next run tries again. */
export function jobRunner(log: LogPort, now: () => Date) {
  const running = new Set<Promise<unknown>>();
  const failing = new Set<string>();
  return {
    failing,
    running,
    /** Resolves when the job ends; with `rethrow` a failure is also thrown (a queue retries the run). */
    async run(job: Job, options: { rethrow?: boolean } = {}): Promise<void> {
      const started = Date.now();
      const work = Promise.resolve().then(() => job.run(now()));
      running.add(work);
      try {
        const result = await work;
        failing.delete(job.name);
        // A run that did something is told; a run with nothing to do is not.
        const did = result && typeof result === "object" && Object.values(result).some((v) => typeof v === "number" && v > 0);
        if (did) log.info({ job: job.name, ms: Date.now() - started, ...(result as object) }, "job done");
      } catch (error) {
        failing.add(job.name);
        log.error({ job: job.name, error: (error as Error).message }, "job failed");
        if (options.rethrow) throw error;
      } finally {
        running.delete(work);
      }
    },
  };
}

/**
 * Embedded mode (SQLite, one process by construction): plain node-cron in
 * Asia/Ho_Chi_Minh, a run never overlapping the one before, and the jobs
 * that are safe to repeat run once at start.
 */
export function startCronScheduler(deps: { readonly jobs: readonly Job[]; readonly log: LogPort; readonly now: () => Date }): Scheduler {
  const runner = jobRunner(deps.log, deps.now);
  let stopped = false;
  const tasks: ScheduledTask[] = deps.jobs.map((job) => cron.schedule(job.cron, () => runner.run(job), {
    name: job.name, timezone: TIMEZONE, noOverlap: true,
  }));
  for (const job of deps.jobs) {
    const { atStart } = job;
    if (atStart === true) void runner.run(job);
    else if (atStart) void runner.run({ ...job, run: (now) => atStart(now, lastDue(job.cron, now)) });
  }
  return {
    async stop() {
      stopped = true;
      for (const task of tasks) await task.destroy();
      await Promise.all(runner.running);
    },
    status: () => ({ running: !stopped, failing: [...runner.failing] }),
  };
}
