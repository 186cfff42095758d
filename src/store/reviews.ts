import type { ReviewDecision, ReviewInput, ReviewRepo, ReviewResult } from "../bot/ports/review.js";
import { audit } from "./audit.js";
import type { Db, Tx } from "./client.js";
import { toFigure } from "./figures.js";
import { figureToJson } from "./json.js";
import { enqueueIn } from "./outbox.js";
import { transact } from "./transact.js";

/** What each decision writes beside the unit's own figure, which the review revision copies. */
function decided(decision: ReviewDecision) {
  const none = { reviewFigure: null, reviewPoints: null, reviewNote: null, evidenceDueAt: null };
  switch (decision.kind) {
    case "accept":
      return { ...none, status: "reviewed" };
    case "correct_figure":
      return { ...none, status: "reviewed", reviewFigure: figureToJson(decision.figure), reviewNote: decision.reason };
    case "correct_points":
      // Stored as the column is everywhere: a decimal string (read back with Number()).
      return { ...none, status: "reviewed", reviewPoints: String(decision.points), reviewNote: decision.reason };
    case "request_evidence":
      return { ...none, status: "evidence_requested", evidenceDueAt: decision.due, reviewNote: decision.reason };
  }
}

/** A later revision that only approves what the reviewer saw: same value, same figure, same evidence. */
function sameSubstance(
  seen: { rawValue: string | null; figure: string | null; evidence: string },
  later: { rawValue: string | null; figure: string | null; evidence: string; status: string },
): boolean {
  return later.status === "approved" && later.rawValue === seen.rawValue && later.figure === seen.figure
    && later.evidence === seen.evidence;
}

/** The audit details of a decision: its kind and what it set (no figures' history, no secrets). */
function auditDetails(decision: ReviewDecision, from: number, revision: number): Record<string, unknown> {
  const base = { kind: decision.kind, from, revision };
  switch (decision.kind) {
    case "accept":
      return base;
    case "correct_figure":
      return { ...base, rawValue: decision.rawValue, reason: decision.reason };
    case "correct_points":
      return { ...base, points: decision.points, reason: decision.reason };
    case "request_evidence":
      return { ...base, due: decision.due.toISOString(), reason: decision.reason };
  }
}

/**
 * Append a reviewer's decision as the next revision of a figure, inside the
 * caller's transaction, audited ("figures.review"). The revision copies the
 * unit's figure (raw value, figure, evidence, note) and adds the review.
 * Not subject to the submission lock: reviewing comes after the deadline.
 *
 * The period row is taken first (a no-op update locks it on PostgreSQL and
 * takes the write lock on SQLite), the same order as a unit's write, so a
 * review and a write of the same figure queue up instead of deadlocking. The
 * head then moves on only from the revision the reviewer saw, or from a
 * leader's approval of that same figure since: a change of figure or
 * evidence (or another review) makes the decision stale, and it is refused.
 */
export async function appendReview(tx: Tx, input: ReviewInput, now: Date): Promise<ReviewResult> {
  const key = { periodId: input.periodId, unitId: input.unitId, itemCode: input.itemCode };
  await tx.$executeRaw`UPDATE "Period" SET "figuresVersion" = "figuresVersion" WHERE "id" = ${input.periodId}`;
  const head = await tx.figureHead.findUnique({ where: { periodId_unitId_itemCode: key } });
  if (!head) return { ok: false, reason: "not_found" };
  const since = await tx.figureRevision.findMany({
    where: { headId: head.id, revision: { gte: input.revision } }, orderBy: { revision: "asc" },
  });
  const seen = since[0];
  if (!seen || seen.revision !== input.revision) return { ok: false, reason: "stale" };
  // Only a change of what is judged makes the decision stale: a new figure, other evidence, another review. A
  // leader's approval of the same figure does not; the decision lands on top of it.
  if (since.slice(1).some((r) => !sameSubstance(seen, r))) return { ok: false, reason: "stale" };
  const latest = since.at(-1)!;
  // Evidence given after the reviewer looked (a file sent with a later revision) changes what is judged too.
  if (latest.revision > seen.revision && (await tx.evidence.count({ where: { ...key, revision: { gt: seen.revision } } })) > 0) {
    return { ok: false, reason: "stale" };
  }
  const moved = await tx.figureHead.updateMany({
    where: { id: head.id, revision: latest.revision }, data: { revision: latest.revision + 1 },
  });
  if (moved.count === 0) return { ok: false, reason: "stale" };
  const row = await tx.figureRevision.create({
    data: {
      headId: head.id, revision: latest.revision + 1,
      rawValue: seen.rawValue, figure: seen.figure, evidence: seen.evidence, note: seen.note,
      ...decided(input.decision),
      // Asking for more evidence keeps a correction made before: it is not a decision on the figure.
      ...(input.decision.kind === "request_evidence" && { reviewFigure: seen.reviewFigure, reviewPoints: seen.reviewPoints }),
      enteredBy: input.reviewerId, enteredByLabel: input.reviewerLabel, channel: input.channel, createdAt: now,
    },
  });
  // Cached scores are keyed by this version: a review changes the reviewed score.
  await tx.period.update({ where: { id: input.periodId }, data: { figuresVersion: { increment: 1 } } });
  await audit(tx, input.reviewerLabel, "figures.review", `period:${input.periodId}/unit:${input.unitId}/${input.itemCode}`,
    auditDetails(input.decision, input.revision, row.revision));

  return { ok: true, record: toFigure(key, row) };
}

export function createReviewRepo(db: Db): ReviewRepo {
  return {
    async review(input, notices, now) {
      return transact(db, async (tx) => {
        const result = await appendReview(tx, input, now);
        if (result.ok) await enqueueIn(tx, notices(result.record), now);
        return result;
      });
    },
  };
}
