import { createHash } from "node:crypto";
import { createEvidenceStorage } from "../store/index.js";
import type { CliContext } from "./context.js";

/**
 * `dti evidence check <period>`: every evidence file of the period read back
 * from the storage in use (the folder or the database) and its SHA-256 compared with the one recorded when it
 * came in, so the record still stands up later (a file missing or altered is
 * named, with its unit, item and who sent it). Exit code 1 when any is off.
 */
export async function evidenceCheckCommand(ctx: CliContext, periodArg: string, options: { json?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const periodId = Number(periodArg);
  const store = await ctx.store();
  const period = Number.isInteger(periodId) ? await store.periods.byId(periodId) : null;
  if (!period) {
    ctx.err(i18n.t(locale, "cli-period-unknown", { id: periodArg }));
    return 1;
  }
  const storage = createEvidenceStorage({ kind: ctx.evidenceStorage, dir: ctx.evidenceDir, store });
  const files = (await store.evidence.forPeriod(period.id)).filter((e) => e.kind === "file" && e.file);
  const problems: { id: number; unit: string; item: string; filename: string; by: string; problem: "missing" | "altered" }[] = [];
  for (const e of files) {
    const data = await storage.get(e.file!.storageKey);
    const problem = !data ? "missing" : createHash("sha256").update(data).digest("hex") !== e.file!.sha256 ? "altered" : null;
    if (problem) {
      const unit = await store.units.byId(e.unitId);
      const unitName = unit?.name ?? String(e.unitId);
      problems.push({ id: e.id, unit: unitName, item: e.itemCode, filename: e.file!.filename, by: e.addedByLabel, problem });
    }
  }
  if (options.json) {
    ctx.out(JSON.stringify({ period: period.id, storage: ctx.evidenceStorage, files: files.length, problems }, null, 2));
    return problems.length === 0 ? 0 : 1;
  }
  ctx.out(i18n.t(locale, "cli-evidence-checked", { count: files.length, year: String(period.year), storage: ctx.evidenceStorage, dir: ctx.evidenceDir }));
  for (const p of problems) ctx.out(i18n.t(locale, "cli-evidence-problem", { ...p, id: p.id }));
  ctx.out(i18n.t(locale, problems.length === 0 ? "cli-evidence-all-good" : "cli-evidence-some-bad", { count: problems.length }));
  // After an upgrade the files may simply not have been copied into the database yet.
  if (ctx.evidenceStorage === "database" && problems.some((p) => p.problem === "missing")) ctx.out(i18n.t(locale, "cli-evidence-copy-hint", { dir: ctx.evidenceDir }));
  return problems.length === 0 ? 0 : 1;
}
