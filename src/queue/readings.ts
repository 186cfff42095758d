import type { PgBoss } from "pg-boss";
import type { OutboxRepo } from "../bot/ports/delivery.js";
import type { SqlRunner } from "../bot/ports/intake.js";
import { BOSS_SCHEMA } from "./boss.js";

/** One queue as a scrape sees it: what waits, and how long the oldest has waited (null: nothing waits, or not known yet). */
export interface QueueReading {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly oldestSeconds: number | null;
}

interface BossRow {
  readonly name: string;
  readonly waiting: string | number;
  readonly active: string | number;
  readonly oldest: string | number | null;
}

/**
 * What waits now: the outbox of pushed messages, and on PostgreSQL each
 * pg-boss queue, counted straight from its table (not its once-a-minute
 * statistics pass), so a scrape says how things are at that moment.
 */
export async function readQueues(deps: { outbox: Pick<OutboxRepo, "stats">; boss: PgBoss | null; now: () => Date }): Promise<QueueReading[]> {
  const stats = await deps.outbox.stats({ problems: 0 });
  const oldest = stats.oldestPending ? Math.max(0, (deps.now().getTime() - stats.oldestPending.getTime()) / 1000) : null;
  const readings: QueueReading[] = [{ queue: "outbox", waiting: stats.byStatus.pending, active: stats.byStatus.inflight, oldestSeconds: oldest }];
  if (deps.boss) readings.push(...await readBossQueues(deps.boss.getDb()));
  return readings;
}

/** pg-boss's queues of ours as they stand, from its tables (also from `dti`, which does not start pg-boss); [] before its first start. */
export async function readBossQueues(sql: SqlRunner): Promise<QueueReading[]> {
  let rows: unknown[];
  try {
    ({ rows } = await sql.executeSql(
      // Every queue, also one with nothing in it (a gauge that vanishes at 0 reads as "no data").
      `SELECT q.name,
         count(j.id) FILTER (WHERE j.state IN ('created', 'retry')) AS waiting,
         count(j.id) FILTER (WHERE j.state = 'active') AS active,
         extract(epoch FROM now() - min(j.created_on) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())) AS oldest
       FROM ${BOSS_SCHEMA}.queue q LEFT JOIN ${BOSS_SCHEMA}.job j ON j.name = q.name
       WHERE NOT starts_with(q.name, '__pgboss') GROUP BY q.name ORDER BY q.name`,
    ));
  } catch (error) {
    // 42P01: no such table — pg-boss has not started on this database yet.
    if ((error as { code?: string }).code === "42P01") return [];
    throw error;
  }
  return (rows as BossRow[]).map((r) => ({
    queue: r.name, waiting: Number(r.waiting), active: Number(r.active), oldestSeconds: r.oldest === null ? null : Number(r.oldest),
  }));
}
