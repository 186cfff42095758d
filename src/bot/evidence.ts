import type { EvidenceRef } from "./ports/records.js";

/**
 * Evidence references as the decisions ask for them: "document number – date:
 * summary", e.g. "466/PVHXH - 15/03/2026: khảo sát cấu hình máy tính".
 * Several may be separated by ";" or new lines. Text that does not follow the
 * form is kept whole as a summary, never dropped.
 */
export function parseEvidence(text: string): EvidenceRef[] {
  return text
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const m = /^(.+?)\s*[-–—]\s*(\d{1,2}\/\d{1,2}\/\d{4})\s*:\s*(.+)$/u.exec(part);
      return m ? { number: m[1]!.trim(), date: m[2]!, summary: m[3]!.trim() } : { summary: part };
    });
}

/** Evidence back in the same written form. */
export function formatEvidence(refs: readonly EvidenceRef[]): string {
  return refs.map((r) => (r.number && r.date ? `${r.number} – ${r.date}: ${r.summary}` : r.summary)).join("; ");
}
