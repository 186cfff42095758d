import type { UnitKindCode } from "../bot/ports/records.js";
import type { UnitInputRow } from "../bot/ports/store.js";
import { fold } from "../scoring/index.js";
import { resolveProvince, type CliContext } from "./context.js";
import { compactTable, KIND_ORDER } from "./output.js";
import { RowReport } from "./row-report.js";
import { cellOf, dataRows, findHeader, readTable } from "./table.js";

type Column = "code" | "name" | "kind" | "parent" | "group" | "tags" | "active";

const HEADERS: Record<Column, readonly string[]> = {
  code: ["ma", "ma don vi", "code"],
  name: ["ten", "ten don vi", "ten co quan", "name"],
  kind: ["loai", "loai don vi", "cap", "kind"],
  parent: ["don vi cap tren", "ma don vi cap tren", "ma cap tren", "parent"],
  group: ["nhom", "nhom xep hang", "group"],
  tags: ["nhan", "tags"],
  active: ["hoat dong", "con hoat dong", "active"],
};

/** How departments write a unit's kind, folded. */
const KINDS: Record<string, UnitKindCode> = Object.fromEntries([
  ...["so", "so nganh", "so, nganh", "so/nganh", "so, ban, nganh", "ban nganh", "co quan chuyen mon", "department"].map((k) => [k, "department"]),
  ...["co quan trung uong", "trung uong", "co quan tw", "tw", "central_agency"].map((k) => [k, "central_agency"]),
  ...["huyen", "quan", "quan/huyen", "quan, huyen", "quan huyen", "cap huyen", "ubnd cap huyen", "thi xa", "district"].map((k) => [k, "district"]),
  ...["xa", "phuong", "xa/phuong", "xa, phuong", "phuong, xa", "xa phuong", "thi tran", "cap xa", "dac khu", "commune"].map((k) => [k, "commune"]),
]) as Record<string, UnitKindCode>;

const YES = new Set(["", "co", "x", "1", "yes", "true"]);
const NO = new Set(["khong", "0", "no", "false", "ngung"]);

/** `dti units import <file>`: every bad row reported with its column; nothing imported unless all rows are good. */
export async function importUnitsCommand(
  ctx: CliContext, file: string, options: { province?: string; provinceName?: string },
): Promise<number> {
  const { i18n, locale } = ctx;
  const store = await ctx.store();
  // A new province is created only once the file has been read and found good.
  const creating = options.province && options.provinceName && !(await store.provinces.byCode(options.province));
  const existing = creating ? null : await resolveProvince(ctx, options.province);
  if (!creating && !existing) return 1;
  const rows = await readTable(file);
  const report = new RowReport(ctx);
  const found = findHeader(rows, HEADERS, ["code", "name", "kind"]);
  if (!found.ok) return report.missingColumns(found.line, found.missing);
  const known = new Set(existing ? (await store.units.list(existing.id)).map((u) => u.code) : []);
  const seen = new Map<string, number>();
  const input: UnitInputRow[] = [];
  const body = dataRows(rows, found.header);
  for (const row of body) {
    const cell = (c: Column) => cellOf(found.header, row, c);
    const code = cell("code");
    const kind = KINDS[fold(cell("kind"))];
    const active = fold(cell("active"));
    if (!/^[\p{L}\p{N}_.-]+$/u.test(code)) report.add(row.line, "code", i18n.t(locale, "cli-units-bad-code", { value: code }));
    else if (seen.has(code)) report.add(row.line, "code", i18n.t(locale, "cli-units-duplicate", { value: code, first: seen.get(code)! }));
    if (!cell("name")) report.add(row.line, "name", i18n.t(locale, "cli-units-empty-name"));
    if (!kind) report.add(row.line, "kind", i18n.t(locale, "cli-units-bad-kind", { value: cell("kind") }));
    if (!YES.has(active) && !NO.has(active)) report.add(row.line, "active", i18n.t(locale, "cli-units-bad-active", { value: cell("active") }));
    seen.set(code, seen.get(code) ?? row.line);
    // Columns absent from the file leave those fields as they are.
    const has = (c: Column) => found.header.columns[c] !== undefined;
    input.push({
      code, name: cell("name"), kind: kind ?? "department",
      parentCode: has("parent") ? cell("parent") || null : undefined,
      groupCode: has("group") ? cell("group") || null : undefined,
      tags: has("tags") ? cell("tags").split(/[,;]/).map((t) => t.trim()).filter(Boolean) : undefined,
      active: has("active") ? !NO.has(active) : undefined,
    });
  }
  // Parents may be earlier or later in the file, or already in the directory.
  body.forEach((row, i) => {
    const parent = input[i]!.parentCode;
    if (parent && parent === input[i]!.code) report.add(row.line, "parent", i18n.t(locale, "cli-units-self-parent"));
    else if (parent && !seen.has(parent) && !known.has(parent)) report.add(row.line, "parent", i18n.t(locale, "cli-units-unknown-parent", { value: parent }));
  });
  if (body.length === 0) report.add(found.header.line, "-", i18n.t(locale, "cli-import-empty"));
  if (report.failed()) return report.print("cli-units-problems");
  const province = existing ?? await store.provinces.ensure(options.province!, options.provinceName!, ctx.actor);
  const result = await store.units.upsertMany(province.id, input, ctx.actor);
  ctx.out(i18n.t(locale, "cli-units-imported", { ...result, province: province.name }));
  return 0;
}

/** `dti units list [--json]` */
export async function listUnitsCommand(ctx: CliContext, options: { province?: string; json?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const province = await resolveProvince(ctx, options.province);
  if (!province) return 1;
  const store = await ctx.store();
  const units = await store.units.list(province.id);
  const byId = new Map(units.map((u) => [u.id, u]));
  if (options.json) {
    ctx.out(JSON.stringify(units.map((u) => ({
      code: u.code, name: u.name, kind: u.kind, parent: u.parentId ? byId.get(u.parentId)?.code ?? null : null,
      group: u.groupCode, tags: u.tags, active: u.active,
    })), null, 2));
    return 0;
  }
  const h = (key: string) => i18n.t(locale, `cli-units-header-${key}`);
  const table = compactTable([h("code"), h("name"), h("kind"), h("parent"), h("group"), h("active")]);
  const ordered = [...units].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code));
  for (const u of ordered) {
    table.push([
      u.code, u.name, i18n.t(locale, "unit-kind-short", { kind: u.kind }), u.parentId ? byId.get(u.parentId)?.code ?? "" : "",
      u.groupCode ?? "", i18n.t(locale, u.active ? "cli-yes" : "cli-no"),
    ]);
  }
  ctx.out(i18n.t(locale, "cli-units-title", { province: province.name, count: units.length }));
  ctx.out(table.toString());
  return 0;
}
