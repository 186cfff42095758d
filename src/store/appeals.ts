import type { AppealRecord, AppealRepo, AppealStatus } from "../bot/ports/review.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db, Prisma } from "./client.js";
import { enqueueIn } from "./outbox.js";
import { appendReview } from "./reviews.js";
import { transact } from "./transact.js";

type Row = Prisma.AppealGetPayload<object>;

const toAppeal = (r: Row): AppealRecord => ({
  id: r.id, periodId: r.periodId, unitId: r.unitId, itemCode: r.itemCode, revision: r.revision, reason: r.reason, filedBy: r.filedBy,
  filedByLabel: r.filedByLabel, filedAt: r.filedAt, status: r.status as AppealStatus, resolution: r.resolution, resolvedBy: r.resolvedBy,
  resolvedAt: r.resolvedAt,
});

const target = (r: { periodId: number; unitId: number; itemCode: string }) => `period:${r.periodId}/unit:${r.unitId}/${r.itemCode}`;

/** Thrown to roll a resolution back (the appeal stays open) when its review is refused; resolve then returns null. */
class StaleReview extends Error {}

export function createAppealRepo(db: Db): AppealRepo {
  return {
    async file(input, notices, now) {
      return transact(db, async (tx) => {
        // One open appeal per item, without a partial unique index (written differently by each provider):
        // the period row is taken first (a no-op update locks it on PostgreSQL; SQLite has one writer), so two
        // filings for the same item queue up and the second one sees the first.
        await tx.$executeRaw`UPDATE "Period" SET "figuresVersion" = "figuresVersion" WHERE "id" = ${input.periodId}`;
        const key = { periodId: input.periodId, unitId: input.unitId, itemCode: input.itemCode };
        if (await tx.appeal.findFirst({ where: { ...key, status: "open" }, select: { id: true } })) return null;
        const row = await tx.appeal.create({
          data: {
            ...key, revision: input.revision, reason: input.reason, filedBy: input.filedBy, filedByLabel: input.filedByLabel, filedAt: now,
            status: "open",
          },
        });
        await audit(tx, input.filedByLabel, "appeals.file", target(row), { appealId: row.id, revision: row.revision, reason: row.reason });
        await enqueueIn(tx, notices(row.id), now);
        return toAppeal(row);
      });
    },

    /**
     * The review of a "changed" decision is checked like any review: if the
     * figure moved on since the revision the admin decided on (the unit was
     * reopened and wrote again, or a reviewer acted meanwhile), nothing is
     * recorded, the appeal stays open and null is returned; the caller can
     * tell this from "already decided" with `byId`.
     */
    async resolve(id, resolution, actor, notices, now) {
      return transact(db, async (tx) => {
        const open = await tx.appeal.findUnique({ where: { id } });
        if (!open || open.status !== "open") return null;
        const review = resolution.review;
        if (review && (review.periodId !== open.periodId || review.unitId !== open.unitId || review.itemCode !== open.itemCode)) {
          throw new AppError("APPEAL_REVIEW_MISMATCH", `the review given with appeal ${id} is for another figure`);
        }
        const decided = await tx.appeal.updateMany({
          where: { id, status: "open" }, data: { status: resolution.status, resolution: resolution.note, resolvedBy: actor, resolvedAt: now },
        });
        if (decided.count === 0) return null;
        let revision: number | null = null;
        if (review) {
          const result = await appendReview(tx, review, now);
          if (!result.ok) throw new StaleReview();
          revision = result.record.revision;
        }
        await audit(tx, actor, "appeals.resolve", target(open), { appealId: id, status: resolution.status, note: resolution.note, revision });
        await enqueueIn(tx, notices, now);
        return toAppeal(await tx.appeal.findUniqueOrThrow({ where: { id } }));
      }).catch((error: unknown) => {
        if (error instanceof StaleReview) return null;
        throw error;
      });
    },

    async byId(id) {
      const row = await db.appeal.findUnique({ where: { id } });
      return row ? toAppeal(row) : null;
    },
    async forPeriod(periodId, options = {}) {
      const rows = await db.appeal.findMany({ where: { periodId, ...(options.status && { status: options.status }) }, orderBy: { id: "asc" } });
      return rows.map(toAppeal);
    },
  };
}
