import type { PgBoss } from "pg-boss";
import type { SqlRunner, UpdateIntake } from "../bot/ports/intake.js";
import type { InboxRepo } from "../bot/ports/store.js";
import type { LogPort } from "../bot/session.js";

/**
 * A chat's updates wait behind the one in hand (strict order per chat, pg-boss's key_strict_fifo): an update whose
 * handling failed for a passing reason (the database) is retried with a growing pause, and one whose handler died
 * is retried when its heartbeat stops. A job must not end failed, which would hold its chat: the handler catches
 * what an update throws, and only our own faults are retried.
 */
export const UPDATE_QUEUE = {
  policy: "key_strict_fifo",
  retryLimit: 50,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 120,
  expireInSeconds: 10 * 60,
  heartbeatSeconds: 10,
  deleteAfterSeconds: 86_400,
  notify: true,
} as const;

export const updateQueue = (channel: string) => `updates-${channel}`;

/** Updates handled at once by one instance (different chats); more only wait in the database. */
const PER_INSTANCE = 8;

/** The intake on pg-boss: the webhook records and queues; every instance takes what is queued. */
export function createBossIntake(deps: {
  readonly boss: PgBoss; readonly inbox: InboxRepo; readonly log: LogPort;
  /** Other retry settings (tests: fewer and quicker). */
  readonly retries?: { readonly retryLimit: number; readonly retryDelay: number; readonly retryBackoff: boolean };
}): UpdateIntake & {
  stop(): Promise<void>;
} {
  const queues = new Set<string>();
  let stopping = false;
  const retryLimit = deps.retries?.retryLimit ?? UPDATE_QUEUE.retryLimit;
  const ready = new Map<string, Promise<void>>();
  const created = (channel: string) => {
    const name = updateQueue(channel);
    let made = ready.get(name);
    if (!made) {
      made = deps.boss.createQueue(name, { ...UPDATE_QUEUE, ...deps.retries });
      ready.set(name, made);
      made.catch(() => ready.delete(name));
    }
    return made;
  };
  return {
    async accept(channel, externalId, payload, chat, now) {
      await created(channel);
      // The job is sent on the transaction that records the update: both are kept, or neither.
      return deps.inbox.record(channel, externalId, payload, now, (sql: SqlRunner) =>
        deps.boss.send(updateQueue(channel), { externalId }, { singletonKey: chat, db: sql }));
    },
    async serve(channel, handle) {
      // Until the queue can be worked (the database may be down at start), tried again every few seconds: an
      // instance that takes webhooks must also work the queue, or what it accepts would wait for the others.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await created(channel);
          break;
        } catch (error) {
          if (stopping) return;
          if (attempt === 1) deps.log.error({ channel, error: (error as Error).message }, "update queue: cannot take updates yet; trying again every 5 s");
          await new Promise((r) => setTimeout(r, 5_000));
        }
      }
      if (stopping) return;
      const name = updateQueue(channel);
      queues.add(name);
      // A finished update frees its chat's next one, which no notification announces: the worker looks again at once.
      let worker: string | null = null;
      const again = () => setImmediate(() => worker && deps.boss.notifyWorker(worker));
      const options = { localConcurrency: PER_INSTANCE, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 };
      worker = await deps.boss.work<{ externalId: string }>(name, options, async ([job]) => {
        if (!job) return;
        const { externalId } = job.data;
        try {
          const row = await deps.inbox.payload(channel, externalId);
          // Pruned (older than the retention) or never committed: nothing to handle.
          if (row !== null) await handle(row);
        } catch (error) {
          // Our own fault (the database): pg-boss tries again later. On the last try the update is given up and
          // the job completes, because a failed job would hold every later update of its chat for good.
          if (job.retryCount < retryLimit) throw error;
          deps.log.error({ channel, updateId: externalId, error: (error as Error).message }, "update given up: it could not be handled after every retry");
          await deps.inbox.done(channel, externalId, new Date(), `given up after ${retryLimit} retries: ${(error as Error).message}`).catch(() => undefined);
        } finally {
          again();
        }
      });
    },
    async stop() {
      stopping = true;
      for (const name of queues) await deps.boss.offWork(name, { wait: true }).catch(() => undefined);
    },
  };
}
