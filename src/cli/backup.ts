import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import Database from "better-sqlite3";
import { providerOf } from "../store/index.js";
import { sqliteFile } from "../store/adapter.js";
import { holdEmbeddedDatabase } from "../store/single-process.js";
import type { CliContext } from "./context.js";

interface Manifest {
  readonly createdAt: string;
  readonly database: string;
  /**
   * Where the evidence files are: copied under evidence/ ("folder"), or inside the database ("database", with
   * EVIDENCE_STORAGE=database). Backups made before there was a choice have no such field: "folder".
   */
  readonly evidence?: "folder" | "database";
  /** Every file of the backup, by path inside it, with its SHA-256. */
  readonly files: Record<string, string>;
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * `dti backup <dir>` (embedded mode): the SQLite database copied online (the
 * service may keep running: SQLite's own backup reads a consistent state) and
 * the evidence files (or not, when they are in the database), with a manifest
 * of every file's SHA-256. On PostgreSQL, the database's own tools do it
 * (README, Deployment).
 */
export async function backupCommand(ctx: CliContext, dir: string): Promise<number> {
  const { i18n, locale } = ctx;
  if (providerOf(ctx.databaseUrl) !== "sqlite") {
    ctx.err(i18n.t(locale, "cli-backup-postgres"));
    return 1;
  }
  const source = sqliteFile(ctx.databaseUrl);
  if (!existsSync(source)) {
    ctx.err(i18n.t(locale, "cli-backup-no-database", { file: source }));
    return 1;
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    ctx.err(i18n.t(locale, "cli-backup-not-empty", { dir }));
    return 1;
  }
  const evidence = ctx.evidenceStorage === "database" ? "database" : "folder";
  mkdirSync(evidence === "folder" ? join(dir, "evidence") : dir, { recursive: true });
  const db = new Database(source, { readonly: true });
  try {
    await db.backup(join(dir, "dti.db"));
  } finally {
    db.close();
  }
  // In the database, the evidence came with it; whatever the folder still holds is not what the service reads.
  for (const file of evidence === "folder" ? filesUnder(ctx.evidenceDir) : []) {
    const to = join(dir, "evidence", relative(ctx.evidenceDir, file));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
  }
  const files = Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f), sha256(f)]));
  const manifest: Manifest = { createdAt: ctx.now().toISOString(), database: source, evidence, files };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = filesUnder(dir).reduce((n, f) => n + statSync(f).size, 0);
  ctx.out(i18n.t(locale, "cli-backup-done", { dir, files: Object.keys(files).length - 1, mb: Math.round((bytes / 1048576) * 10) / 10 }));
  if (evidence === "database") ctx.out(i18n.t(locale, "cli-backup-evidence-in-database"));
  return 0;
}

/**
 * `dti restore <dir>`: every file of a backup checked against its manifest
 * first (nothing is touched when one is missing or altered), the service
 * stopped (its lock is free), then the database and the evidence put back; the
 * database that was there is kept beside it, renamed.
 */
export async function restoreCommand(ctx: CliContext, dir: string): Promise<number> {
  const { i18n, locale } = ctx;
  if (providerOf(ctx.databaseUrl) !== "sqlite") {
    ctx.err(i18n.t(locale, "cli-backup-postgres"));
    return 1;
  }
  const manifestFile = join(dir, "manifest.json");
  if (!existsSync(manifestFile)) {
    ctx.err(i18n.t(locale, "cli-restore-no-manifest", { dir }));
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const intact = ([path, hash]: [string, string]) => existsSync(join(dir, path)) && sha256(join(dir, path)) === hash;
  const bad = Object.entries(manifest.files).filter((entry) => !intact(entry)).map(([p]) => p);
  if (bad.length > 0) {
    ctx.err(i18n.t(locale, "cli-restore-bad", { count: bad.length, files: bad.join(", ") }));
    return 1;
  }
  const target = sqliteFile(ctx.databaseUrl);
  const lock = holdEmbeddedDatabase(ctx.databaseUrl);
  if (!lock) {
    ctx.err(i18n.t(locale, "cli-restore-running"));
    return 1;
  }
  try {
    let kept: string | null = null;
    if (existsSync(target)) {
      kept = `${target}.before-restore-${ctx.now().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, kept);
      for (const suffix of ["-wal", "-shm"]) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(dir, "dti.db"), target);
    for (const path of Object.keys(manifest.files).filter((p) => p.startsWith(`evidence${"/"}`))) {
      const to = join(ctx.evidenceDir, relative("evidence", path));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(dir, path), to);
    }
    ctx.out(i18n.t(locale, "cli-restore-done", { dir, created: manifest.createdAt, file: target, kept: kept ?? "none" }));
    // The service would look for the evidence where this backup does not have it.
    const evidence = manifest.evidence ?? "folder";
    if (evidence === "database" && ctx.evidenceStorage === "disk") ctx.out(i18n.t(locale, "cli-restore-evidence-in-database"));
    if (evidence === "folder" && ctx.evidenceStorage === "database") ctx.out(i18n.t(locale, "cli-restore-evidence-in-folder", { dir: ctx.evidenceDir }));
    return 0;
  } finally {
    lock.release();
  }
}
