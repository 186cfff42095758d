import { createHash } from "node:crypto";
import type { EvidenceRecord } from "../bot/ports/review.js";
import { AppError } from "../errors.js";
import { createEvidenceStorage, createFileStorage } from "../store/index.js";
import type { CliContext } from "./context.js";

/** A progress line every this many files (a province keeps thousands). */
const PROGRESS_EVERY_FILES = 50;

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/**
 * `dti evidence copy-to-database`: for a deployment moving from disk to the
 * database (EVIDENCE_STORAGE=database), every file in EVIDENCE_DIR that
 * evidence records point to is copied into the database and read back, its
 * SHA-256 compared with the one recorded when it came in. Files already there
 * intact are left alone, so it may be run again (after a break, or once more
 * after the switch, for what came in meanwhile). A file missing from the
 * folder or altered there is named and not copied; the folder is left as it
 * is. Exit code 1 unless every file is in the database, intact.
 */
export async function evidenceCopyToDatabaseCommand(ctx: CliContext): Promise<number> {
  const { i18n, locale } = ctx;
  const store = await ctx.store();
  const folder = createFileStorage(ctx.evidenceDir);
  const database = createEvidenceStorage({ kind: "database", dir: ctx.evidenceDir, store });
  // One copy per key: the same file sent for two items has one key, made from its checksum.
  const files = new Map<string, EvidenceRecord>();
  for (const period of await store.periods.list()) {
    for (const e of await store.evidence.forPeriod(period.id)) if (e.file && !files.has(e.file.storageKey)) files.set(e.file.storageKey, e);
  }
  let bytes = 0;
  /** Where one file stands after this: already there, copied now, or why not. */
  const copy = async (key: string, expected: string): Promise<"present" | "copied" | "missing" | "altered"> => {
    const held = await database.get(key);
    if (held && sha256(held) === expected) return "present";
    const data = await folder.get(key);
    if (!data) return "missing";
    if (sha256(data) !== expected) return "altered";
    await database.put(key, data);
    const back = await database.get(key);
    if (!back || sha256(back) !== expected) throw new AppError("EVIDENCE_COPY_UNVERIFIED", `${key} reads back from the database other than written`);
    bytes += data.byteLength;
    return "copied";
  };

  ctx.out(i18n.t(locale, "cli-evidence-copy-start", { count: files.size, dir: ctx.evidenceDir }));
  const counts = { present: 0, copied: 0 };
  const problems: string[] = [];
  let done = 0;
  for (const [key, e] of files) {
    const outcome = await copy(key, e.file!.sha256);
    if (outcome === "present" || outcome === "copied") {
      counts[outcome] += 1;
    } else {
      const unit = (await store.units.byId(e.unitId))?.name ?? String(e.unitId);
      problems.push(i18n.t(locale, "cli-evidence-copy-problem", { key, filename: e.file!.filename, unit, item: e.itemCode, problem: outcome }));
    }
    done += 1;
    if (done % PROGRESS_EVERY_FILES === 0 || done === files.size) {
      ctx.out(i18n.t(locale, "cli-evidence-copy-progress", { done, count: files.size, copied: counts.copied, mb: megabytes(bytes) }));
    }
  }
  problems.forEach((line) => ctx.out(line));
  ctx.out(i18n.t(locale, "cli-evidence-copy-done", { ...counts, mb: megabytes(bytes), bad: problems.length }));
  if (problems.length === 0 && ctx.evidenceStorage !== "database") ctx.out(i18n.t(locale, "cli-evidence-copy-switch"));
  return problems.length === 0 ? 0 : 1;
}
