import type { EntryChannel, EvidenceRef, FigureRecord, FigureStatus } from "../bot/ports/records.js";
import type { FigureInput, FigureRepo, RecordResult } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db, Tx } from "./client.js";
import { figureFromJson, figureToJson } from "./json.js";
import { lockedAt } from "./periods.js";

const MAX_ATTEMPTS = 8;
const BATCH = 2_000;

type RevisionRow = {
  revision: number; rawValue: string | null; figure: string | null; evidence: string; reviewFigure: string | null;
  reviewPoints: string | null; reviewNote: string | null; status: string; enteredBy: number | null; enteredByLabel: string;
  channel: string; note: string | null; createdAt: Date;
};
type HeadKey = { periodId: number; unitId: number; itemCode: string };

function toFigure(head: HeadKey, r: RevisionRow): FigureRecord {
  return {
    periodId: head.periodId, unitId: head.unitId, itemCode: head.itemCode, revision: r.revision, rawValue: r.rawValue,
    figure: figureFromJson(r.figure), evidence: JSON.parse(r.evidence) as EvidenceRef[], reviewFigure: figureFromJson(r.reviewFigure),
    reviewPoints: r.reviewPoints === null ? null : Number(r.reviewPoints), reviewNote: r.reviewNote, status: r.status as FigureStatus,
    enteredBy: r.enteredBy, enteredByLabel: r.enteredByLabel, channel: r.channel as EntryChannel, note: r.note, at: r.createdAt,
  };
}

function revisionData(input: FigureInput, revision: number, now: Date) {
  return {
    revision, rawValue: input.rawValue, figure: figureToJson(input.figure), evidence: JSON.stringify(input.evidence ?? []),
    reviewFigure: figureToJson(input.reviewFigure),
    reviewPoints: input.reviewPoints === undefined || input.reviewPoints === null ? null : String(input.reviewPoints),
    reviewNote: input.reviewNote ?? null, status: input.status, enteredBy: input.enteredBy, enteredByLabel: input.enteredByLabel,
    channel: input.channel, note: input.note ?? null, createdAt: now,
  };
}

function isConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  // P2002: a unique constraint refused a second head or a second revision with the same number.
  return code === "P2002" || /Unique constraint/i.test(String((error as Error).message));
}

/**
 * Append one revision inside a transaction. Moving the head on is one
 * `revision = revision + 1` update: the database locks the row, so writers to
 * the same figure queue up and each gets the next number (no lost update).
 * Only the very first write can race (two creates); the loser retries.
 */
async function appendRevision(tx: Tx, input: FigureInput, now: Date): Promise<FigureRecord> {
  const key = { periodId: input.periodId, unitId: input.unitId, itemCode: input.itemCode };
  const head = await tx.figureHead.findUnique({ where: { periodId_unitId_itemCode: key } });
  const moved = head
    ? await tx.figureHead.update({ where: { id: head.id }, data: { revision: { increment: 1 } } })
    : await tx.figureHead.create({ data: { ...key, revision: 1 } });
  const row = await tx.figureRevision.create({ data: { headId: moved.id, ...revisionData(input, moved.revision, now) } });
  return toFigure(key, row);
}

export function createFigureRepo(db: Db): FigureRepo {
  return {
    async record(input, now, options = {}): Promise<RecordResult> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.$transaction(async (tx) => {
            const lock = options.force ? null : await lockedAt(tx, input.periodId, input.unitId, now);
            if (lock) return { ok: false, reason: lock } as const;
            const record = await appendRevision(tx, input, now);
            if (options.force) {
              await audit(tx, input.enteredByLabel, "figure.force", `period:${input.periodId}/unit:${input.unitId}/${input.itemCode}`, { revision: record.revision });
            }
            return { ok: true, record } as const;
          });
        } catch (error) {
          if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
          await new Promise((done) => setTimeout(done, Math.random() * 10 * attempt));
        }
      }
    },

    async recordMany(inputs, now, options = {}) {
      if (inputs.length === 0) return { ok: true, count: 0 };
      const periodId = inputs[0]!.periodId;
      if (inputs.some((i) => i.periodId !== periodId)) throw new AppError("MIXED_PERIODS", "recordMany takes the figures of one period");
      if (new Set(inputs.map((i) => `${i.unitId}|${i.itemCode}`)).size !== inputs.length) {
        throw new AppError("DUPLICATE_FIGURE", "recordMany takes each unit's item once");
      }
      return db.$transaction(async (tx) => {
        if (!options.force) {
          for (const unitId of new Set(inputs.map((i) => i.unitId))) {
            const lock = await lockedAt(tx, periodId, unitId, now);
            if (lock) return { ok: false, reason: lock, unitId } as const;
          }
        }
        const heads = new Map((await tx.figureHead.findMany({ where: { periodId } })).map((h) => [`${h.unitId}|${h.itemCode}`, h]));
        const fresh = inputs.filter((i) => !heads.has(`${i.unitId}|${i.itemCode}`));
        for (let i = 0; i < fresh.length; i += BATCH) {
          const batch = fresh.slice(i, i + BATCH);
          await tx.figureHead.createMany({ data: batch.map((f) => ({ periodId, unitId: f.unitId, itemCode: f.itemCode, revision: 0 })) });
        }
        const all = fresh.length > 0 ? new Map((await tx.figureHead.findMany({ where: { periodId } })).map((h) => [`${h.unitId}|${h.itemCode}`, h])) : heads;
        const rows = inputs.map((input) => {
          const head = all.get(`${input.unitId}|${input.itemCode}`)!;
          return { headId: head.id, ...revisionData(input, head.revision + 1, now) };
        });
        for (const input of inputs.filter((i) => heads.has(`${i.unitId}|${i.itemCode}`))) {
          await tx.figureHead.update({ where: { id: heads.get(`${input.unitId}|${input.itemCode}`)!.id }, data: { revision: { increment: 1 } } });
        }
        if (fresh.length > 0) await tx.figureHead.updateMany({ where: { periodId, revision: 0 }, data: { revision: 1 } });
        for (let i = 0; i < rows.length; i += BATCH) await tx.figureRevision.createMany({ data: rows.slice(i, i + BATCH) });
        await audit(tx, inputs[0]!.enteredByLabel, "figures.import", `period:${periodId}`, { count: inputs.length, forced: options.force === true });
        return { ok: true, count: inputs.length } as const;
      }, { timeout: 600_000, maxWait: 60_000 });
    },

    async current(periodId) {
      return currentOf(db, { head: { periodId } });
    },
    async currentForUnit(periodId, unitId) {
      return currentOf(db, { head: { periodId, unitId } });
    },
    async history(periodId, unitId, itemCode) {
      const head = await db.figureHead.findUnique({ where: { periodId_unitId_itemCode: { periodId, unitId, itemCode } }, include: { revisions: { orderBy: { revision: "asc" } } } });
      return head ? head.revisions.map((r) => toFigure(head, r)) : [];
    },
  };
}

/** The latest revision of each figure matching `where`, in item order per unit. */
async function currentOf(db: Db, where: { head: { periodId: number; unitId?: number } }): Promise<FigureRecord[]> {
  const rows = await db.figureRevision.findMany({
    where,
    include: { head: { select: { periodId: true, unitId: true, itemCode: true, revision: true } } },
    orderBy: [{ headId: "asc" }, { revision: "asc" }],
  });
  return rows.filter((r) => r.revision === r.head.revision).map((r) => toFigure(r.head, r));
}
