import type { RoleName } from "../bot/ports/records.js";
import type { PersonInputRow } from "../bot/ports/store.js";
import { fold } from "../scoring/index.js";
import { resolveProvince, type CliContext } from "./context.js";
import { RowReport } from "./row-report.js";
import { cellOf, dataRows, findHeader, readTable } from "./table.js";

type Column = "name" | "phone" | "email" | "unit" | "role" | "scope";

const HEADERS: Record<Column, readonly string[]> = {
  name: ["ho ten", "ho va ten", "ten", "name", "full name"],
  phone: ["dien thoai", "so dien thoai", "sdt", "phone"],
  email: ["email", "thu dien tu"],
  unit: ["ma don vi", "don vi", "unit"],
  role: ["vai tro", "nhiem vu", "role"],
  scope: ["pham vi tham dinh", "pham vi", "scope"],
};

/** How roles are written in a department's staff list, folded. */
const ROLES: Record<string, RoleName> = Object.fromEntries([
  ...["can bo nhap lieu", "nhap lieu", "can bo", "chuyen vien", "dau moi", "officer"].map((k) => [k, "officer"]),
  ...["lanh dao", "lanh dao don vi", "phe duyet", "leader"].map((k) => [k, "leader"]),
  ...["tham dinh", "can bo tham dinh", "reviewer"].map((k) => [k, "reviewer"]),
  ...["quan tri", "quan tri tinh", "admin"].map((k) => [k, "admin"]),
]) as Record<string, RoleName>;

/** `dti people import <file>`: people and their roles per unit, all or nothing. */
export async function importPeopleCommand(ctx: CliContext, file: string, options: { province?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const province = await resolveProvince(ctx, options.province);
  if (!province) return 1;
  const store = await ctx.store();
  const rows = await readTable(file);
  const report = new RowReport(ctx);
  const found = findHeader(rows, HEADERS, ["name", "unit", "role"]);
  if (!found.ok) return report.missingColumns(found.line, found.missing);
  const units = new Set((await store.units.list(province.id)).map((u) => u.code));
  const input: PersonInputRow[] = [];
  const body = dataRows(rows, found.header);
  for (const row of body) {
    const cell = (c: Column) => cellOf(found.header, row, c);
    const role = ROLES[fold(cell("role"))];
    const unit = cell("unit");
    const phone = cell("phone").replace(/[\s.]/g, "");
    if (!cell("name")) report.add(row.line, "name", i18n.t(locale, "cli-people-empty-name"));
    if (!role) report.add(row.line, "role", i18n.t(locale, "cli-people-bad-role", { value: cell("role") }));
    if (role && role !== "admin" && !unit) report.add(row.line, "unit", i18n.t(locale, "cli-people-needs-unit"));
    if (unit && !units.has(unit)) report.add(row.line, "unit", i18n.t(locale, "cli-people-unknown-unit", { value: unit }));
    // Vietnamese numbers: 0 and 9–10 digits, or +84 and 9–10 digits (a number cell that lost its 0 is caught here).
    if (phone && !/^(0\d{9,10}|\+84\d{9,10})$/.test(phone)) report.add(row.line, "phone", i18n.t(locale, "cli-people-bad-phone", { value: cell("phone") }));
    if (cell("email") && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell("email"))) {
      report.add(row.line, "email", i18n.t(locale, "cli-people-bad-email", { value: cell("email") }));
    }
    input.push({
      fullName: cell("name"), phone: phone || null, email: cell("email") || null, unitCode: role === "admin" ? null : unit,
      role: role ?? "officer", scope: cell("scope").split(/[,;\s]+/).filter(Boolean),
    });
  }
  if (body.length === 0) report.add(found.header.line, "-", i18n.t(locale, "cli-import-empty"));
  if (report.failed()) return report.print("cli-people-problems");
  const result = await store.people.importMany(province.id, input, ctx.actor);
  ctx.out(i18n.t(locale, "cli-people-imported", { ...result, province: province.name }));
  return 0;
}
