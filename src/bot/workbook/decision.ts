import {
  AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions, type IRunOptions,
} from "docx";
import type { I18n, Locale } from "../../i18n/index.js";
import type { PeriodScores } from "../period-scores.js";
import { signingYear, type AnnexParty } from "./annex.js";
import { annexTable } from "./annex-table.js";

const FONT = "Times New Roman";
const vnDate = (iso: string): string => iso.split("-").reverse().join("/");
/** Sizes in half-points: 13–14 pt for the body (Decree 30/2020/NĐ-CP). */
const BODY = 28;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };

const run = (text: string, o: IRunOptions = {}) => new TextRun({ text, font: FONT, size: BODY, ...o });
const para = (text: string | TextRun[], o: IParagraphOptions & { run?: IRunOptions } = {}) => new Paragraph({
  spacing: { after: 80 }, ...o, children: typeof text === "string" ? [run(text, o.run)] : text,
});
const centred = (text: string, r: IRunOptions = {}) => para(text, { alignment: AlignmentType.CENTER, run: r });
const justified = (text: string | TextRun[], r: IRunOptions = {}) =>
  para(text, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, run: r });
/** A cell of the borderless layout tables (header, closing). */
const plainCell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });

/** Two columns without borders: the authority and its number left, the national motto and the date right. */
function headerTable(party: AnnexParty, year: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({
      children: [
        plainCell([
          centred(party.authority[0] ?? "", { bold: true, size: 24 }), centred(party.authority.slice(1).join(" "), { bold: true, size: 24 }),
          centred("Số:        /QĐ-UBND", { size: 26 }),
        ], 42),
        plainCell([
          centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24 }), centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 26 }),
          centred(`${party.place}, ngày    tháng    năm ${year}`, { italics: true, size: 26 }),
        ], 58),
      ],
    })],
  });
}

/** "Nơi nhận" left, the signature block right. */
function closingTable(party: AnnexParty, recipients: readonly string[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS,
    rows: [new TableRow({
      children: [
        plainCell([para("Nơi nhận:", { run: { bold: true, italics: true, size: 24 } }), ...recipients.map((r) => para(r, { spacing: { after: 0 }, run: { size: 22 } }))], 50),
        plainCell([...party.signerTitle.map((l) => centred(l, { bold: true })), centred(""), centred(""), centred(""), centred(party.signer ?? "", { bold: true })], 50),
      ],
    })],
  });
}

/** A group's annex table, bordered, numbers with two decimals as Vietnamese write them. */
type Row = { values: readonly (string | number | null)[]; points: readonly number[]; shareAt: number };

function groupTable(headers: readonly string[], rows: readonly Row[]): Table {
  const number = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const text = (v: string | number | null, i: number, r: { points: readonly number[]; shareAt: number }) => {
    if (typeof v !== "number") return v ?? "";
    if (i === r.shareAt) return `${number.format(v * 100)}%`;
    return r.points.includes(i) ? number.format(v) : String(v);
  };
  // Landscape A4 less 2 cm margins: the number narrow, the unit's name wide, the rest shared.
  const total = 14570;
  const widths = headers.map((_, i) => (i === 0 ? 600 : i === 1 ? 2600 : Math.floor((total - 3200) / (headers.length - 2))));
  const cell = (value: string, bold: boolean, left: boolean, i: number) => new TableCell({
    children: [new Paragraph({ alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(value, { size: 18, bold })] })],
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE }, width: { size: widths[i]!, type: WidthType.DXA },
  });
  return new Table({
    width: { size: total, type: WidthType.DXA }, columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, false, i)) }),
      ...rows.map((r) => new TableRow({ children: r.values.map((v, i) => cell(String(text(v, i, r)), false, i === 1, i)) })),
    ],
  });
}

export interface DecisionOptions {
  readonly i18n: I18n;
  readonly locale: Locale;
  readonly party: AnnexParty;
  readonly provinceName: string;
  /** The department that proposes the decision. */
  readonly proposer?: string;
  readonly now: Date;
}

/**
 * The decision publishing the results ("Quyết định công bố kết quả đánh giá,
 * xếp hạng chuyển đổi số"), laid out as Decree 30/2020/NĐ-CP lays out an
 * administrative decision, with the results annex as its appendix: ready for
 * the department to complete (number, date, the proposal's number) and sign.
 */
export async function decisionDocument(scores: PeriodScores, o: DecisionOptions): Promise<Uint8Array> {
  const { ruleset, period } = scores;
  const year = period.year;
  const signed = signingYear(year, o.now);
  const proposer = o.proposer ?? "Sở Khoa học và Công nghệ";
  const units = scores.groups.reduce((n, g) => n + g.reviewed.units.length, 0);
  const published = ruleset.decision?.number
    ? `Quyết định số ${ruleset.decision.number}${ruleset.decision.date ? ` ngày ${vnDate(ruleset.decision.date)}` : ""}${ruleset.decision.issuer ? ` của ${ruleset.decision.issuer}` : ""} ban hành ${ruleset.title}`
    : ruleset.title;
  const groups = scores.groups.map((g) => `${g.groupName}: ${g.reviewed.units.length} đơn vị`).join("; ");
  const head = o.party.issuer.replace(/^Ủy ban nhân dân/, "ỦY BAN NHÂN DÂN").replace(/ (tỉnh|thành phố|Thành phố) /, (m) => m.toUpperCase());
  const body = [
    headerTable(o.party, signed),
    para(""),
    centred("QUYẾT ĐỊNH", { bold: true }),
    centred(`Về việc công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm ${year}`, { bold: true }),
    centred(`của các cơ quan, đơn vị trên địa bàn ${o.provinceName}`, { bold: true }),
    new Paragraph({ alignment: AlignmentType.CENTER, border: { bottom: LINE }, indent: { left: 3400, right: 3400 }, children: [] }),
    para(""),
    centred(`CHỦ TỊCH ${head.toUpperCase()}`, { bold: true }),
    justified("Căn cứ Luật Tổ chức chính quyền địa phương;", { italics: true }),
    justified(`Căn cứ ${published};`, { italics: true }),
    justified(`Theo đề nghị của Giám đốc ${proposer} tại Tờ trình số        /TTr-      ngày      tháng      năm ${signed}.`, { italics: true }),
    centred("QUYẾT ĐỊNH:", { bold: true }),
    justified([run("Điều 1. ", { bold: true }), run(
      `Công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm ${year} của ${units} cơ quan, đơn vị (${groups}), chi tiết tại Phụ lục kèm theo Quyết định này.`,
    )]),
    justified([run("Điều 2. ", { bold: true }), run(
      `Giao ${proposer} công khai kết quả trên Cổng thông tin điện tử của ${o.provinceName}; các cơ quan, đơn vị căn cứ kết quả đánh giá, khắc phục các chỉ số còn hạn chế, nâng cao mức độ chuyển đổi số trong năm tiếp theo.`,
    )]),
    justified([run("Điều 3. ", { bold: true }), run(
      `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${o.party.issuer}, Giám đốc ${proposer}, Thủ trưởng các cơ quan, đơn vị có tên tại Phụ lục và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    )]),
    para(""),
    closingTable(o.party, ["- Như Điều 3;", "- Bộ Khoa học và Công nghệ (để báo cáo);", "- Thường trực Tỉnh ủy, HĐND (để báo cáo);", "- Chủ tịch, các PCT UBND;", "- Lưu: VT."]),
  ];
  const annex = [
    centred("PHỤ LỤC", { bold: true }),
    centred(`KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM ${year}`, { bold: true }),
    centred(`(Kèm theo Quyết định số        /QĐ-UBND ngày      tháng      năm ${signed} của ${o.party.issuer})`, { italics: true }),
    ...scores.groups.flatMap((g) => {
      const table = annexTable(scores, g, o.i18n, o.locale);
      return [para(""), para(g.groupName, { run: { bold: true } }), groupTable(table.headers, table.rows)];
    }),
  ];
  const doc = new Document({
    creator: "DTI Bot",
    title: `Quyết định công bố kết quả đánh giá, xếp hạng chuyển đổi số năm ${year}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      // A4 portrait for the decision: 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right.
      { properties: { page: { size: A4, margin: { top: 1247, bottom: 1247, left: 1984, right: 1077 } } }, children: body },
      // The appendix in landscape, where its columns fit.
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: annex,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
