import { OUTBOX_STATUSES } from "../bot/ports/delivery.js";
import { providerOf } from "../store/adapter.js";
import type { QueueReading } from "../queue/readings.js";
import { formatDate } from "../i18n/index.js";
import { vnClock } from "../i18n/dates.js";
import type { CliContext } from "./context.js";
import { compactTable } from "./output.js";

/** `dti queue status [--json]`: pending, sent, failed and uncertain pushes, by kind, with the latest problems and their reasons. */
export async function queueStatusCommand(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const stats = await (await ctx.store()).outbox.stats({ problems: 20 });
  const jobs = providerOf(ctx.databaseUrl) === "postgres" ? await jobQueues(ctx.databaseUrl) : null;
  if (options.json) {
    ctx.out(JSON.stringify(jobs ? { ...stats, jobs } : stats, null, 2));
    return 0;
  }
  const h = (key: string) => i18n.t(locale, `cli-queue-header-${key}`);
  const status = (s: string) => i18n.t(locale, "outbox-status", { status: s });
  const totals = compactTable([h("status"), h("count")], ["left", "right"]);
  for (const s of OUTBOX_STATUSES) totals.push([status(s), stats.byStatus[s]]);
  ctx.out(totals.toString());
  if (stats.oldestPending) {
    ctx.out(i18n.t(locale, "cli-queue-oldest", { date: formatDate(stats.oldestPending, locale), time: vnClock(stats.oldestPending) }));
  }
  const dropped = Object.entries(stats.dropped).filter(([, n]) => n > 0);
  if (dropped.length > 0) {
    ctx.out(i18n.t(locale, "cli-queue-dropped"));
    const table = compactTable([h("reason"), h("count")], ["left", "right"]);
    for (const [reason, n] of dropped) table.push([i18n.t(locale, "outbox-drop-reason", { reason }), n]);
    ctx.out(table.toString());
  }
  if (stats.byKind.length > 0) {
    const byKind = compactTable([h("kind"), h("status"), h("count")], ["left", "left", "right"]);
    for (const k of stats.byKind) byKind.push([i18n.t(locale, "outbox-kind", { kind: k.kind }), status(k.status), k.count]);
    ctx.out(byKind.toString());
  }
  if (stats.problems.length > 0) {
    ctx.out(i18n.t(locale, "cli-queue-problems"));
    const problems = compactTable([h("id"), h("kind"), h("status"), h("recipient"), h("when"), h("reason")]);
    for (const p of stats.problems) {
      problems.push([p.id, i18n.t(locale, "outbox-kind", { kind: p.kind }), status(p.status), `${p.channel}: ${p.recipient}`,
        `${formatDate(p.at, locale)} ${vnClock(p.at)}`, p.error ?? ""]);
    }
    ctx.out(problems.toString());
    ctx.out(i18n.t(locale, "cli-queue-retry-how"));
  }
  if (jobs && jobs.length > 0) {
    ctx.out(i18n.t(locale, "cli-queue-jobs"));
    const table = compactTable([h("queue"), h("waiting"), h("active"), h("oldest")], ["left", "right", "right", "right"]);
    for (const q of jobs) {
      table.push([q.queue, q.waiting, q.active, q.oldestSeconds === null ? "" : i18n.t(locale, "cli-queue-seconds", { seconds: Math.round(q.oldestSeconds) })]);
    }
    ctx.out(table.toString());
  }
  return 0;
}

/** pg-boss's queues, read from its tables with a connection of our own (`dti` does not start pg-boss). */
async function jobQueues(url: string): Promise<QueueReading[]> {
  const [{ default: pg }, { readBossQueues }] = await Promise.all([import("pg"), import("../queue/readings.js")]);
  const client = new pg.Client({ connectionString: url, application_name: "dti queue status" });
  await client.connect();
  try {
    return await readBossQueues({ executeSql: (text, values) => client.query(text, values) });
  } finally {
    await client.end();
  }
}

/** `dti queue retry <id…>`: send failed or uncertain messages again, an operator's decision. */
export async function queueRetryCommand(ctx: CliContext, ids: readonly string[]): Promise<number> {
  const { i18n, locale } = ctx;
  const numbers = ids.map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    ctx.err(i18n.t(locale, "cli-queue-bad-ids", { ids: ids.join(" ") }));
    return 1;
  }
  const store = await ctx.store();
  const count = await store.outbox.requeue(numbers, ctx.now());
  await store.audit.log(ctx.actor, "outbox.requeue", `outbox:${numbers.join(",")}`, { count });
  ctx.out(i18n.t(locale, "cli-queue-requeued", { count, asked: numbers.length }));
  return count === numbers.length ? 0 : 1;
}
