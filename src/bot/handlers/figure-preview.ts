import { explainItem, qToNumber, type Figure, type RulesetNode, type WhatIf } from "../../scoring/index.js";
import { formatEvidence } from "../evidence.js";
import type { FigureRecord } from "../ports/records.js";
import { explained, line, type Line } from "../reply.js";
import type { SubmitEntry } from "./submit.js";

/** What a preview must say about an item beside its new figure: what it replaces, its evidence, its review. */
export interface ItemContext {
  /** The figure now (before the change), if any. */
  readonly current: FigureRecord | null;
  /** Evidence files given for the item (any revision). */
  readonly files: number;
}

/** The review of the current figure, if a reviewer corrected it or set its points. */
export const reviewOf = (f: FigureRecord | null): FigureRecord | null =>
  f && f.status === "reviewed" && (f.reviewFigure !== null || f.reviewPoints !== null) ? f : null;

/**
 * The lines of one entry of a preview: what it earns now, what it replaces
 * ("trước: 59% — 5,9 điểm"), the evidence that goes with it (kept unless the
 * officer says otherwise), whether the rule demands evidence it lacks, and a
 * reviewer's correction that sending it again sets aside.
 */
export function entryLines(item: RulesetNode | undefined, entry: SubmitEntry, whatIf: WhatIf | null, context: ItemContext): Line[] {
  const scored = whatIf?.after.items.find((i) => i.code === entry.code);
  const lines: Line[] = [];
  if (entry.figure === null) lines.push(line("bot-preview-withdraw", { code: entry.code, name: item?.name ?? "" }));
  else if (scored && item) lines.push(explained(explainItem(item, scored), "• "));
  else lines.push(line("bot-submit-entry", { code: entry.code, value: entry.raw ?? "" }));
  const { current } = context;
  const before = whatIf?.before.items.find((i) => i.code === entry.code);
  if (current?.figure && current.rawValue !== null) {
    lines.push(line("bot-preview-before", { value: current.rawValue, points: before?.points ?? "none" }));
  }
  if (entry.figure !== null && current && current.evidence.length > 0) {
    lines.push(line("bot-preview-evidence-kept", { refs: formatEvidence(current.evidence) }));
  }
  if (entry.figure !== null && item?.evidenceRequired && context.files === 0 && !(current && current.evidence.length > 0)) {
    lines.push(line("bot-preview-evidence-needed", { code: entry.code }));
  }
  const review = reviewOf(current);
  if (review) {
    lines.push(line("bot-preview-reviewed", {
      value: review.reviewFigure ? figureText(review.reviewFigure, item) : review.rawValue ?? "", by: review.enteredByLabel,
      note: review.reviewNote || "none", points: review.reviewPoints ?? "none",
    }));
  }
  return lines;
}

/** A figure as people write it back: "40%", "394/508", "có", the level's label. */
export function figureText(figure: Figure, item: RulesetNode | undefined): string {
  switch (figure.kind) {
    case "share":
      return figure.a !== undefined && figure.b !== undefined ? `${figure.a}/${figure.b}` : `${formatVn(qToNumber(figure.value) * 100)}%`;
    case "amount":
      return formatVn(qToNumber(figure.value));
    case "yes_no":
      return figure.yes ? "có" : "không";
    case "choice": {
      const rule = item?.rule;
      const labels = rule && rule.type === "levels" ? rule.levels : rule && rule.type === "parts" ? rule.parts : [];
      return figure.ids.map((id) => labels.find((l) => l.id === id)?.label ?? id).join(", ");
    }
    case "not_applicable":
      return "không áp dụng";
  }
}

/** A number with a decimal comma and at most two decimals, as Vietnamese write it. */
const formatVn = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");
