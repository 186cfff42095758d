import type { Figure } from "../../scoring/index.js";
import type { OutboxInput } from "./delivery.js";
import type { EntryChannel, EvidenceRef, FigureRecord } from "./records.js";
import type { Actor } from "./store.js";

/**
 * Evidence for a figure: a file sent in chat (kept in the evidence storage,
 * with its checksum) or a typed reference "số – ngày: trích yếu". Each is
 * linked to the item and to the revision of the figure it was given for.
 */
export interface EvidenceRecord {
  readonly id: number;
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  /** The figure's revision when the evidence was given (0 when there was no figure yet). */
  readonly revision: number;
  readonly kind: "file" | "ref";
  readonly file: EvidenceFileInfo | null;
  readonly ref: EvidenceRef | null;
  readonly channel: EntryChannel;
  readonly addedBy: number | null;
  readonly addedByLabel: string;
  readonly at: Date;
}

export interface EvidenceFileInfo {
  readonly filename: string;
  /** As detected from the content, not as the name or the sender claims. */
  readonly mimeType: string;
  readonly size: number;
  /** SHA-256 of the content, hex. */
  readonly sha256: string;
  /** Where the content is in the evidence storage. */
  readonly storageKey: string;
}

export interface EvidenceInput {
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  readonly revision: number;
  readonly file?: EvidenceFileInfo;
  readonly ref?: EvidenceRef;
  readonly channel: EntryChannel;
  readonly addedBy: number | null;
  readonly addedByLabel: string;
}

export interface EvidenceRepo {
  /** Record evidence (audited); the file's content is already in the storage. */
  add(input: EvidenceInput, actor: Actor, now: Date): Promise<EvidenceRecord>;
  byId(id: number): Promise<EvidenceRecord | null>;
  /** Every piece of evidence of a period, oldest first. */
  forPeriod(periodId: number): Promise<EvidenceRecord[]>;
  /** Evidence of one item of a unit, oldest first. */
  forItem(periodId: number, unitId: number, itemCode: string): Promise<EvidenceRecord[]>;
  /** Which (unit, item) pairs of a period have any evidence: keys "unitId:itemCode". */
  itemsWithEvidence(periodId: number): Promise<ReadonlySet<string>>;
}

/** Where evidence files are kept: a local folder by default. Keys are made by the caller from the checksum. */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

/**
 * A reviewer's decision on one figure. Accepting keeps the unit's figure;
 * a correction sets the reviewed figure or the reviewed points (with a
 * reason); a request asks the unit for more evidence by a date.
 */
export type ReviewDecision =
  | { readonly kind: "accept" }
  | { readonly kind: "correct_figure"; readonly rawValue: string; readonly figure: Figure; readonly reason: string }
  | { readonly kind: "correct_points"; readonly points: number; readonly reason: string }
  | { readonly kind: "request_evidence"; readonly due: Date; readonly reason: string };

export interface ReviewInput {
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  /** The revision the reviewer saw; a newer one means the figure changed meanwhile. */
  readonly revision: number;
  readonly decision: ReviewDecision;
  readonly reviewerId: number;
  readonly reviewerLabel: string;
  readonly channel: EntryChannel;
}

export type ReviewResult =
  | { readonly ok: true; readonly record: FigureRecord }
  | { readonly ok: false; readonly reason: "not_found" | "stale" };

export type AppealStatus = "open" | "kept" | "changed";

export interface AppealRecord {
  readonly id: number;
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  /** The reviewed revision the unit disputes. */
  readonly revision: number;
  readonly reason: string;
  readonly filedBy: number;
  readonly filedByLabel: string;
  readonly filedAt: Date;
  readonly status: AppealStatus;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: Date | null;
}

export interface AppealInput {
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  readonly revision: number;
  readonly reason: string;
  readonly filedBy: number;
  readonly filedByLabel: string;
}

export interface AppealResolution {
  readonly status: "kept" | "changed";
  readonly note: string;
  /** For "changed": the new reviewed decision, recorded as a revision in the same transaction. */
  readonly review?: ReviewInput;
}

export interface AppealRepo {
  /** File an appeal and queue the admins' notices, in one transaction; null when one is already open for the item. */
  file(input: AppealInput, notices: (appealId: number) => readonly OutboxInput[], now: Date): Promise<AppealRecord | null>;
  /**
   * Decide an open appeal (and record the change), queueing the unit's notices, in one transaction; null when not open.
   * The review is refused as `ReviewRepo.review` would refuse it (the figure changed since `review.revision`): then
   * nothing is recorded, the appeal stays open, and null is returned too (`byId` tells the two apart).
   */
  resolve(id: number, resolution: AppealResolution, actor: Actor, notices: readonly OutboxInput[], now: Date): Promise<AppealRecord | null>;
  byId(id: number): Promise<AppealRecord | null>;
  forPeriod(periodId: number, options?: { status?: AppealStatus }): Promise<AppealRecord[]>;
}

/** The review side of the figure store. */
export interface ReviewRepo {
  /**
   * Append the reviewer's decision as a new revision of the figure (the
   * unit's own figure kept beside it), audited, with the unit's notices
   * queued in the same transaction. Refused when the figure changed since
   * `input.revision`.
   */
  review(input: ReviewInput, notices: (record: FigureRecord) => readonly OutboxInput[], now: Date): Promise<ReviewResult>;
}

/** Where evidence files go and what is accepted (configuration). */
export interface EvidenceSettings {
  readonly storage: FileStorage;
  readonly maxBytes: number;
  /** Extensions of the accepted kinds, as detected from the content (pdf, jpg, png, docx…). */
  readonly types: ReadonlySet<string>;
}
