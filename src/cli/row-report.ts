import type { CliContext } from "./context.js";

/** Row-by-row problems of an imported file: row, column, problem. Nothing is imported while any remain. */
export class RowReport {
  private readonly lines: { row: number; text: string }[] = [];

  constructor(private readonly ctx: CliContext) {}

  add(row: number, column: string, problem: string): void {
    this.lines.push({ row, text: this.ctx.i18n.t(this.ctx.locale, "cli-import-row", { row, column, problem }) });
  }

  failed(): boolean {
    return this.lines.length > 0;
  }

  /** Print the problems, in row order, under a heading; returns the exit code. */
  print(headingKey: string): number {
    this.ctx.err(this.ctx.i18n.t(this.ctx.locale, headingKey, { count: this.lines.length }));
    [...this.lines].sort((a, b) => a.row - b.row).forEach((l) => this.ctx.err(l.text));
    return 1;
  }

  missingColumns(row: number, columns: readonly string[]): number {
    columns.forEach((column) => this.add(row, column, this.ctx.i18n.t(this.ctx.locale, "cli-import-missing-column", { column })));
    return this.print("cli-import-columns");
  }
}
