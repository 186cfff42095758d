import { DEADLINE_KINDS, type PeriodDeadlineKind, type PeriodRecord, type PeriodStatus } from "../bot/ports/records.js";

const KINDS: readonly string[] = DEADLINE_KINDS;
import type { LockStage, PeriodRepo } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Provider } from "./adapter.js";
import type { Db, Tx } from "./client.js";
import { transact } from "./transact.js";

type PeriodRow = {
  id: number; provinceId: number; rulesetId: string; year: number; status: string; windowFrom: Date | null; windowTo: Date | null;
  deadlines: { kind: string; dueAt: Date }[];
};

const toPeriod = (r: PeriodRow): PeriodRecord => ({
  id: r.id, provinceId: r.provinceId, rulesetId: r.rulesetId, year: r.year, status: r.status as PeriodStatus,
  windowFrom: r.windowFrom, windowTo: r.windowTo,
  deadlines: [...r.deadlines]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind))
    .map((d) => ({ kind: d.kind as PeriodDeadlineKind, dueAt: d.dueAt })),
});

const withDeadlines = { deadlines: true } as const;

/**
 * Whether a unit's figures are locked at `now`: the period is no longer open
 * (a reopening does not override that), or the deadline of the stage (the
 * submission, or the leaders' approval) has passed and no admin reopening for the unit is running. On PostgreSQL the
 * period row is locked FOR UPDATE (the write goes on to bump its figure
 * version anyway, and taking the row first keeps one lock order): closing
 * the period waits for writes in flight, and no write lands after it. SQLite
 * runs one writer at a time.
 */
export async function lockedAt(
  tx: Tx, periodId: number, unitId: number, now: Date, provider: Provider, stage: LockStage = "submission",
): Promise<"locked" | "period_closed" | null> {
  if (provider === "postgres") await tx.$queryRaw`SELECT "id" FROM "Period" WHERE "id" = ${periodId} FOR UPDATE`;
  const period = await tx.period.findUnique({ where: { id: periodId }, include: withDeadlines });
  if (!period) throw new AppError("UNKNOWN_PERIOD", `period ${periodId} does not exist`);
  if (period.status !== "open") return "period_closed";
  // Leaders approve until their own deadline; without one, the submission deadline applies to them too.
  const deadline = period.deadlines.find((d) => d.kind === stage) ?? period.deadlines.find((d) => d.kind === "submission");
  if (!deadline || deadline.dueAt > now) return null;
  const reopened = await tx.reopening.findFirst({ where: { periodId, unitId, closedAt: null, until: { gt: now } } });
  return reopened ? null : "locked";
}

export function createPeriodRepo(db: Db, provider: Provider): PeriodRepo {
  return {
    async open(input, actor) {
      return transact(db, async (tx) => {
        const row = await tx.period.create({
          data: {
            provinceId: input.provinceId, rulesetId: input.rulesetId, year: input.year,
            windowFrom: input.windowFrom ?? null, windowTo: input.windowTo ?? null,
            deadlines: { create: input.deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt })) },
          },
          include: withDeadlines,
        });
        await audit(tx, actor, "period.open", `period:${row.id}`, {
          rulesetId: input.rulesetId, year: input.year, deadlines: input.deadlines.map((d) => `${d.kind}=${d.dueAt.toISOString()}`),
        });
        return toPeriod(row);
      });
    },
    async byId(id) {
      const row = await db.period.findUnique({ where: { id }, include: withDeadlines });
      return row ? toPeriod(row) : null;
    },
    async list(provinceId) {
      const rows = await db.period.findMany({ where: provinceId ? { provinceId } : {}, include: withDeadlines, orderBy: [{ year: "desc" }, { id: "asc" }] });
      return rows.map(toPeriod);
    },
    async setStatus(id, status, actor) {
      return transact(db, async (tx) => {
        const before = await tx.period.findUniqueOrThrow({ where: { id } });
        const row = await tx.period.update({ where: { id }, data: { status }, include: withDeadlines });
        await audit(tx, actor, "period.status", `period:${id}`, { from: before.status, to: status });
        return toPeriod(row);
      });
    },
    async setDeadline(id, deadline, actor) {
      await transact(db, async (tx) => {
        await tx.periodDeadline.upsert({
          where: { periodId_kind: { periodId: id, kind: deadline.kind } },
          create: { periodId: id, kind: deadline.kind, dueAt: deadline.dueAt },
          update: { dueAt: deadline.dueAt },
        });
        await audit(tx, actor, "period.deadline", `period:${id}`, { kind: deadline.kind, dueAt: deadline.dueAt.toISOString() });
      });
    },
    async reopen(input, actor) {
      await transact(db, async (tx) => {
        await tx.reopening.create({ data: { ...input, createdBy: actor } });
        await audit(tx, actor, "period.reopen", `period:${input.periodId}`, { unitId: input.unitId, until: input.until.toISOString(), reason: input.reason });
      });
    },
    async reopenings(periodId) {
      const rows = await db.reopening.findMany({ where: { periodId }, orderBy: { id: "asc" } });
      return rows.map((r) => ({
        periodId: r.periodId, unitId: r.unitId, until: r.until, reason: r.reason, createdBy: r.createdBy, createdAt: r.createdAt,
      }));
    },
    async isLocked(periodId, unitId, now, stage) {
      return (await lockedAt(db, periodId, unitId, now, provider, stage)) !== null;
    },
  };
}
