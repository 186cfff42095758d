import type { EntryChannel, EvidenceRef } from "../bot/ports/records.js";
import type { EvidenceRecord, EvidenceRepo } from "../bot/ports/review.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db, Prisma } from "./client.js";
import { transact } from "./transact.js";

type Row = Prisma.EvidenceGetPayload<object>;

function toEvidence(r: Row): EvidenceRecord {
  const file = r.kind === "file"
    ? { filename: r.filename ?? "", mimeType: r.mimeType ?? "", size: r.size ?? 0, sha256: r.sha256 ?? "", storageKey: r.storageKey ?? "" }
    : null;
  const ref: EvidenceRef | null = r.kind === "ref"
    ? { ...(r.refNumber !== null && { number: r.refNumber }), ...(r.refDate !== null && { date: r.refDate }), summary: r.refSummary ?? "" }
    : null;
  return {
    id: r.id, periodId: r.periodId, unitId: r.unitId, itemCode: r.itemCode, revision: r.revision, kind: r.kind as "file" | "ref", file, ref,
    channel: r.channel as EntryChannel, addedBy: r.addedBy, addedByLabel: r.addedByLabel, at: r.createdAt,
  };
}

export function createEvidenceRepo(db: Db): EvidenceRepo {
  return {
    async add(input, actor, now) {
      const { file, ref } = input;
      if ((file === undefined) === (ref === undefined)) throw new AppError("BAD_EVIDENCE", "evidence is either a file or a reference, not both or neither");
      return transact(db, async (tx) => {
        const row = await tx.evidence.create({
          data: {
            periodId: input.periodId, unitId: input.unitId, itemCode: input.itemCode, revision: input.revision,
            kind: file ? "file" : "ref",
            ...(file && {
              filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, storageKey: file.storageKey,
            }),
            ...(ref && { refNumber: ref.number ?? null, refDate: ref.date ?? null, refSummary: ref.summary }),
            channel: input.channel, addedBy: input.addedBy, addedByLabel: input.addedByLabel, createdAt: now,
          },
        });
        await audit(tx, actor, "evidence.add", `period:${input.periodId}/unit:${input.unitId}/${input.itemCode}`, {
          evidenceId: row.id, kind: row.kind, revision: input.revision,
          ...(file
            ? { filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256 }
            : { number: ref?.number ?? null }),
        });
        return toEvidence(row);
      });
    },
    async byId(id) {
      const row = await db.evidence.findUnique({ where: { id } });
      return row ? toEvidence(row) : null;
    },
    async forPeriod(periodId) {
      return (await db.evidence.findMany({ where: { periodId }, orderBy: { id: "asc" } })).map(toEvidence);
    },
    async forItem(periodId, unitId, itemCode) {
      return (await db.evidence.findMany({ where: { periodId, unitId, itemCode }, orderBy: { id: "asc" } })).map(toEvidence);
    },
    async itemsWithEvidence(periodId) {
      const keys = new Set<string>();
      const given = await db.evidence.findMany({ where: { periodId }, distinct: ["unitId", "itemCode"], select: { unitId: true, itemCode: true } });
      for (const e of given) keys.add(`${e.unitId}:${e.itemCode}`);
      // References typed with a figure live in its current revision's `evidence` list.
      const typed = await db.$queryRaw<{ unitId: number; itemCode: string; evidence: string }[]>`
        SELECT h."unitId", h."itemCode", r."evidence"
        FROM "FigureHead" h JOIN "FigureRevision" r ON r."headId" = h."id" AND r."revision" = h."revision"
        WHERE h."periodId" = ${periodId} AND r."evidence" <> '[]'`;
      for (const t of typed) {
        const list: unknown = JSON.parse(t.evidence);
        if (Array.isArray(list) && list.length > 0) keys.add(`${t.unitId}:${t.itemCode}`);
      }
      return keys;
    },
  };
}
