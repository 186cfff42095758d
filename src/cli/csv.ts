import { parse } from "csv-parse/sync";

export interface CsvRecord {
  /** 1-based line in the file, header included, as a spreadsheet shows it. */
  readonly line: number;
  readonly cells: readonly string[];
}

/** Excel in Vietnamese locales saves CSV with ";" (the comma is the decimal mark); accept ";", "," and tabs. */
function delimiterOf(headerLine: string): string {
  const counts = [";", ",", "\t"].map((d) => [d, headerLine.split(d).length - 1] as const);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Parse CSV text into records with their line numbers. */
export function readCsv(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = delimiterOf(body.split(/\r?\n/, 1)[0] ?? "");
  const records = parse(body, {
    delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}
