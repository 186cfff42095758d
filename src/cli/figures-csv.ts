import { readCsv } from "./csv.js";

export interface FigureRow {
  /** 1-based line in the file, header included. */
  readonly row: number;
  readonly unit: string;
  readonly item: string;
  readonly value: string;
}

export type CsvRead =
  | { readonly ok: true; readonly rows: readonly FigureRow[] }
  | { readonly ok: false; readonly missing: readonly string[] };

const REQUIRED = ["unit", "item", "value"] as const;

/** Read `unit,item,value` rows; values stay as typed, for the figure parser. */
export function readFiguresCsv(text: string): CsvRead {
  const records = readCsv(text);
  const header = (records[0]?.cells ?? []).map((h) => h.toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, missing };
  const at = (name: string): number => header.indexOf(name);
  const rows: FigureRow[] = records.slice(1).map(({ cells, line }) => ({
    row: line,
    unit: cells[at("unit")] ?? "",
    item: cells[at("item")] ?? "",
    value: cells[at("value")] ?? "",
  }));
  return { ok: true, rows };
}
