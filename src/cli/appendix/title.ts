import { fold } from "../../scoring/index.js";
import type { SheetRow } from "./sheet.js";

/** What the title block above the table says: the set's title, the decision it belongs to, the province, the units it scores. */
export interface TitleBlock {
  readonly title?: string;
  readonly decision?: { readonly number: string; readonly date?: string };
  readonly province?: { readonly code: string; readonly name: string };
  readonly unitKind?: "department" | "central_agency" | "commune";
}

const pad = (n: string) => n.padStart(2, "0");

/**
 * Read the lines above the header as a decision prints them: "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ", "BỘ CHỈ SỐ …",
 * "(Kèm theo Quyết định số 2156/QĐ-UBND ngày 18 tháng 9 năm 2024 …)". Only what is written there; nothing guessed.
 */
export function readTitleBlock(rows: readonly SheetRow[], headerLine: number): TitleBlock {
  const texts = [...new Set(rows.filter((r) => r.line < headerLine).flatMap((r) => r.cells.map((c) => c.trim()).filter((c) => c !== "")))];
  const out: { -readonly [K in keyof TitleBlock]: TitleBlock[K] } = {};
  for (const text of texts) {
    const folded = fold(text);
    const decision = /quyet dinh so\s*([0-9]+\/[a-z0-9đ.-]+)(?:\s*ngay\s*(\d{1,2})(?:\s*thang\s*|\/|-)(\d{1,2})(?:\s*nam\s*|\/|-)(\d{4}))?/i.exec(folded);
    if (decision && !out.decision) {
      // The number as printed ("2156/QĐ-UBND"): folding keeps each letter in place, so the same span of the original.
      const at = decision.index + folded.slice(decision.index).indexOf(decision[1]!);
      const number = text.slice(at, at + decision[1]!.length);
      out.decision = { number: number || decision[1]!.toUpperCase(), ...(decision[4] && { date: `${decision[4]}-${pad(decision[3]!)}-${pad(decision[2]!)}` }) };
    }
    if (!out.title && /^(bo chi so|bo tieu chi|danh muc chi so|chi so danh gia)/.test(folded)) out.title = text;
    // The issuer, "TỈNH QUẢNG TRỊ" alone or after "ỦY BAN NHÂN DÂN" in the same cell.
    const province = /^(?:(?:uy ban nhan dan|ubnd)\s+)?(tinh|thanh pho)\s+([a-z ]+)$/.exec(folded);
    if (!out.province && province && text === text.toUpperCase() && province[2]!.trim().split(" ").length <= 4) {
      const words = text.split(/\s+/).slice(-province[2]!.trim().split(" ").length).map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(" ");
      out.province = { code: province[2]!.trim().replace(/\s+/g, "-"), name: province[1] === "thanh pho" ? `TP. ${words}` : words };
    }
  }
  // A title printed in capitals reads as a sentence, the province's name kept as a name.
  if (out.title && out.title === out.title.toUpperCase()) {
    let sentence = out.title.charAt(0) + out.title.slice(1).toLowerCase();
    const name = out.province?.name.replace(/^TP\. /, "");
    if (name) sentence = sentence.replace(new RegExp(name.toLowerCase(), "g"), name);
    out.title = sentence.replace(/ủy ban nhân dân/g, "Ủy ban nhân dân");
  }
  const title = fold(out.title ?? "");
  if (/co quan trung uong|co quan trung uong/.test(title)) out.unitKind = "central_agency";
  else if (/\b(xa|phuong|dac khu|cap xa)\b/.test(title)) out.unitKind = "commune";
  else if (/\b(so|ban|nganh)\b/.test(title)) out.unitKind = "department";
  return out;
}
