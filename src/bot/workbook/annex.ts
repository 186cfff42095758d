import type ExcelJS from "exceljs";

/** Decree 30/2020/NĐ-CP: administrative documents are set in Times New Roman. */
export const FONT = "Times New Roman";

/** Who issues the decision and signs its annex; from configuration, with a province's usual wording by default. */
export interface AnnexParty {
  /** "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG TRỊ" (or "THÀNH PHỐ HỒ CHÍ MINH"). */
  readonly authority: readonly string[];
  /** The place in the date line: "Quảng Trị", "Thành phố Hồ Chí Minh". */
  readonly place: string;
  /** "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH". */
  readonly signerTitle: readonly string[];
  /** Who signs, when known; left blank for the signature otherwise. */
  readonly signer?: string;
  /** "Ủy ban nhân dân tỉnh Quảng Trị", as the "Kèm theo Quyết định … của …" line names it. */
  readonly issuer: string;
}

/** The year a period's results are signed in: the year after the period's, or later when exported later. */
export function signingYear(periodYear: number, now: Date): number {
  const year = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(now));
  return Math.max(year, periodYear + 1);
}

/** The usual parties of a province's DTI decision: its People's Committee issues it and a vice-chairman signs. */
/** The centrally-run cities (since 1/7/2025 Huế is one): their People's Committee is a city's. */
const CITIES = new Set(["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]);

export function defaultParty(provinceName: string): AnnexParty {
  const bare = provinceName.replace(/^(TP\.|Thành phố|Tỉnh)\s*/i, "").trim() || provinceName;
  const city = /^(TP\.|Thành phố)\s*/i.test(provinceName) || CITIES.has(bare);
  const kind = city ? "thành phố" : "tỉnh";
  return {
    authority: ["ỦY BAN NHÂN DÂN", `${kind} ${bare}`.toUpperCase()],
    // The date line names the place as offices write it: "Đà Nẵng, ngày …", "Thành phố Hồ Chí Minh, ngày …".
    place: bare === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : bare,
    signerTitle: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    // "Thành phố Hồ Chí Minh" is the city's name; elsewhere "thành phố Đà Nẵng", "tỉnh Quảng Trị".
    issuer: bare === "Hồ Chí Minh" ? "Ủy ban nhân dân Thành phố Hồ Chí Minh" : `Ủy ban nhân dân ${kind} ${bare}`,
  };
}

const put = (sheet: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}): void => {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 13, ...font };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
};

/**
 * The header block of an annex to an administrative decision: issuing authority
 * left, national motto right, the place and date line, then the title and the
 * decision it belongs to (number and date left blank until it is issued).
 * Returns the first free row.
 */
export function annexHeader(sheet: ExcelJS.Worksheet, width: number, party: AnnexParty, title: readonly string[], year: number): number {
  const split = Math.max(2, Math.floor(width * 0.4));
  put(sheet, 1, 1, split, party.authority[0] ?? "", { bold: true, size: 12 });
  put(sheet, 2, 1, split, party.authority.slice(1).join(" "), { bold: true, size: 12 });
  put(sheet, 1, split + 1, width, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 12 });
  put(sheet, 2, split + 1, width, "Độc lập - Tự do - Hạnh phúc", { bold: true });
  // Dated when signed, as the decision it belongs to: day and month are left for the office.
  put(sheet, 3, split + 1, width, `${party.place}, ngày      tháng      năm ${year}`, { italic: true });
  let row = 5;
  for (const [i, line] of title.entries()) put(sheet, row++, 1, width, line, { bold: i < 2 });
  put(sheet, row++, 1, width, `(Kèm theo Quyết định số       /QĐ-UBND ngày      tháng      năm ${year} của ${party.issuer})`, { italic: true });
  return row + 1;
}

/** The signature block under the table, on the right: the signer's title, room to sign, the name. */
export function signatureBlock(sheet: ExcelJS.Worksheet, from: number, width: number, party: AnnexParty): void {
  const left = Math.max(1, width - Math.max(3, Math.floor(width * 0.4)) + 1);
  let row = from + 1;
  for (const line of party.signerTitle) put(sheet, row++, left, width, line, { bold: true });
  row += 3;
  put(sheet, row, left, width, party.signer ?? "", { bold: true });
}
