import cron, { type RunCoordinator, type ScheduledTask } from "node-cron";
import type { CoordinationRepo } from "../bot/ports/delivery.js";
import type { LogPort } from "../bot/session.js";

export const TIMEZONE = "Asia/Ho_Chi_Minh";

/** A scheduled job: a plain function of the time it runs for. */
export interface Job {
  readonly name: string;
  /** A cron expression in Asia/Ho_Chi_Minh (six fields for seconds). */
  readonly cron: string;
  run(now: Date): Promise<unknown>;
  /** Also run once at start, to catch up on what was due while the service was down. */
  readonly atStart?: boolean;
}

export interface Scheduler {
  stop(): Promise<void>;
  /** For /readyz: whether jobs are scheduled, and those whose last run failed. */
  status(): { readonly running: boolean; readonly failing: readonly string[] };
}

/**
 * node-cron's run coordinator backed by the database: the first instance to
 * claim a job's fire time runs it; one whose claim outlived its owner can be
 * taken over. The jobs themselves are idempotent (each message has its key),
 * so this keeps work from being done twice, not messages from being sent twice.
 */
export function databaseCoordinator(coordination: CoordinationRepo, instanceId: string, now: () => Date): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => coordination.claimRun(key, instanceId, now(), ttlMs),
    onComplete: (key) => coordination.finishRun(key, now()),
  };
}

export function startScheduler(deps: {
  readonly jobs: readonly Job[];
  readonly coordination: CoordinationRepo;
  readonly instanceId: string;
  readonly log: LogPort;
  readonly now: () => Date;
}): Scheduler {
  const coordinator = databaseCoordinator(deps.coordination, deps.instanceId, deps.now);
  const running = new Set<Promise<unknown>>();
  const failing = new Set<string>();
  let stopped = false;
  const guarded = (job: Job) => async () => {
    const started = Date.now();
    // The one catch of a scheduled job: log it; the next run tries again. A job that throws before it
    // returns its promise is caught the same way, so no job can stop the process.
    const work = Promise.resolve().then(() => job.run(deps.now())).then(
      (result) => {
        failing.delete(job.name);
        // A run that did something is told; a run with nothing to do (most of the five-second ones) is not.
        const did = result && typeof result === "object" && Object.values(result).some((v) => typeof v === "number" && v > 0);
        if (did) deps.log.info({ job: job.name, ms: Date.now() - started, ...(result as object) }, "job done");
      },
      (error: unknown) => {
        failing.add(job.name);
        deps.log.error({ job: job.name, error: (error as Error).message }, "job failed");
      },
    );
    running.add(work);
    await work.finally(() => running.delete(work));
  };
  const tasks: ScheduledTask[] = deps.jobs.map((job) => cron.schedule(job.cron, guarded(job), {
    name: job.name, timezone: TIMEZONE, noOverlap: true, distributed: true, runCoordinator: coordinator, distributedLease: 10 * 60_000,
  }));
  for (const job of deps.jobs.filter((j) => j.atStart)) void guarded(job)();
  return {
    async stop() {
      stopped = true;
      for (const task of tasks) await task.destroy();
      await Promise.all(running);
    },
    status: () => ({ running: !stopped, failing: [...failing] }),
  };
}
