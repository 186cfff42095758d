import Table from "cli-table3";

/** A plain table for terminals: a header rule, no rules between rows. */
export function compactTable(head: readonly string[], colAligns?: readonly ("left" | "right" | "center")[]): Table.Table {
  return new Table({
    head: [...head],
    ...(colAligns && { colAligns: [...colAligns] }),
    style: { head: [], border: [] },
    chars: { "mid": "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
}

/** Kinds in the order a province lists its units. */
export { UNIT_KINDS as KIND_ORDER } from "../bot/ports/records.js";
