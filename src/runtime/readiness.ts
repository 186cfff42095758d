import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StorageStatus } from "../bot/ports/storage-health.js";
import { vnClock } from "../i18n/dates.js";

/** One dependency's state in plain words: what an operator reads in /readyz. Never an error text, a stack or a path. */
export interface CheckResult {
  readonly ok: boolean;
  readonly status: string;
}

export interface Check {
  readonly name: string;
  run(): CheckResult | Promise<CheckResult>;
}

export interface ReadinessReport {
  readonly status: "ready" | "not ready";
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** How long one check may take before it counts as not answering. */
const CHECK_TIMEOUT_MS = 3_000;

/** "05/12/2026 08:30 (Vietnam time)": the day and time something was first noticed. */
const at = (date: Date) => {
  const local = new Date(date.getTime() + 7 * 3_600_000);
  const d = local.toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${vnClock(date)} Vietnam time`;
};

/** Every check at once, each bounded in time; ready only when all are ok. */
export async function readiness(checks: readonly Check[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (check): Promise<[string, CheckResult]> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, status: "does not answer" }), CHECK_TIMEOUT_MS);
    });
    try {
      return [check.name, await Promise.race([Promise.resolve().then(() => check.run()), late])];
    } catch {
      return [check.name, { ok: false, status: "could not be checked" }];
    } finally {
      clearTimeout(timer);
    }
  }));
  return { status: results.every(([, r]) => r.ok) ? "ready" : "not ready", checks: Object.fromEntries(results) };
}

/** The database, as the store last saw it (every statement and a probe every few seconds). */
export function databaseCheck(status: () => StorageStatus): Check {
  return {
    name: "database",
    run() {
      const s = status();
      const since = s.since ? ` (since ${at(s.since)})` : "";
      if (s.damaged) return { ok: false, status: "the database file is damaged (it failed its integrity check): restore it from the last backup" };
      switch (s.read) {
        case "not_answering": return { ok: false, status: `the database does not answer${since}` };
        case "unreachable": return { ok: false, status: `the database server cannot be reached${since}` };
        case "io_error": return { ok: false, status: `the database cannot be read: a disk error (is the disk full or failing?)${since}` };
        case "failing": return { ok: false, status: `the database cannot be read${since}` };
        case "ok": break;
      }
      switch (s.write) {
        case "ok": return { ok: true, status: "reads and writes" };
        case "full": return { ok: false, status: `reads, but cannot write: the disk is full${since}` };
        case "read_only": return { ok: false, status: `reads, but cannot write: the database is read-only${since}` };
        case "io_error": return { ok: false, status: `reads, but cannot write: a disk error (is the disk full or failing?)${since}` };
        case "unreachable": return { ok: false, status: `reads, but the database server drops writes${since}` };
        case "not_answering": return { ok: false, status: `reads, but writes do not finish${since}` };
        case "failing": return { ok: false, status: `reads, but cannot write${since}` };
      }
    },
  };
}

/** The evidence folder takes a file: one is written and removed. */
export function folderCheck(name: string, dir: string): Check {
  return {
    name,
    async run() {
      const probe = join(dir, `.probe-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(probe, "probe");
        return { ok: true, status: "writable" };
      } catch {
        return { ok: false, status: "cannot be written to (full, read-only or missing)" };
      } finally {
        // Also when the write failed half-way (a full disk leaves an empty file): nothing is left behind.
        await unlink(probe).catch(() => undefined);
      }
    },
  };
}

export interface ChannelState {
  readonly state: "connecting" | "ready" | "unreachable" | "token_refused" | "webhook_refused" | "conflict" | "stopped";
  readonly since: Date;
}

/** Telegram as the channel last saw the Bot API. */
export function telegramCheck(status: () => ChannelState, mode: "polling" | "webhook"): Check {
  return {
    name: "telegram",
    run() {
      const s = status();
      switch (s.state) {
        case "ready": return { ok: true, status: `the Bot API answers (${mode === "polling" ? "long polling" : "webhook"})` };
        case "connecting": return { ok: false, status: `not connected yet: no answer from the Bot API (trying since ${at(s.since)})` };
        case "unreachable": return { ok: false, status: `the Bot API cannot be reached (since ${at(s.since)})` };
        case "token_refused": return { ok: false, status: "Telegram refuses the bot token: check TELEGRAM_BOT_TOKEN" };
        case "webhook_refused": return { ok: false, status: "Telegram refuses the webhook address: TELEGRAM_WEBHOOK_URL must be a public HTTPS address (see the log)" };
        case "conflict": return { ok: false, status: "another process is polling this bot (409 Conflict): only one may poll; several instances need webhook mode" };
        case "stopped": return { ok: false, status: "stopping" };
      }
    },
  };
}

/** The Zalo OA: its authorisation, and its API as last seen. */
export function zaloCheck(tokens: () => Promise<{ state: "ok" | "missing" | "failed" }>, api: () => { reachable: boolean; since: Date }): Check {
  return {
    name: "zalo",
    async run() {
      const token = await tokens();
      if (token.state === "missing") return { ok: false, status: "the OA has not authorised DTI Bot yet: run dti zalo authorize" };
      if (token.state === "failed") return { ok: false, status: "the OA's authorisation was refused: run dti zalo authorize again" };
      const seen = api();
      return seen.reachable ? { ok: true, status: "authorised; the API answers" } : { ok: false, status: `Zalo's API cannot be reached (since ${at(seen.since)})` };
    },
  };
}

/** Scheduled jobs and the delivery worker: running, or why not. */
export function workCheck(
  scheduler: (() => { running: boolean; failing: readonly string[] }) | null,
  delivery: (() => { state: "running" | "standby" | "failing" | "stopped" }) | null,
): Check[] {
  const checks: Check[] = [];
  if (scheduler) {
    checks.push({
      name: "scheduler",
      run() {
        const s = scheduler();
        if (!s.running) return { ok: false, status: "stopped" };
        return { ok: true, status: s.failing.length > 0 ? `running; the last run of ${s.failing.join(", ")} failed (see the log)` : "running" };
      },
    });
  }
  if (delivery) {
    checks.push({
      name: "delivery",
      run() {
        const state = delivery().state;
        if (state === "running") return { ok: true, status: "sending" };
        if (state === "standby") return { ok: true, status: "standing by: another instance holds the sender lock and sends (taken over within seconds if it is gone)" };
        if (state === "failing") return { ok: false, status: "paused: its queue is in the database, which is failing (see the database check)" };
        return { ok: false, status: "stopped" };
      },
    });
  }
  return checks;
}

export interface EvidenceCounts {
  readonly records: number;
  readonly inDatabase: number;
}

/** Evidence records, none of whose files the database holds: they are still in the folder of the earlier setting. */
export const evidenceNotCopied = (c: EvidenceCounts) => c.records > 0 && c.inDatabase === 0;

/**
 * Evidence kept in the database while the files of an earlier setting are still only in the folder (an upgrade):
 * not ready until they are copied, so no reviewer meets "file missing" for a file that is on disk.
 */
export function evidenceCopyCheck(counts: () => Promise<EvidenceCounts>): Check {
  return {
    name: "evidence",
    async run() {
      return evidenceNotCopied(await counts())
        ? { ok: false, status: "kept in the database, which holds none of the files yet: run `dti evidence copy-to-database` (or set EVIDENCE_STORAGE=disk)" }
        : { ok: true, status: "kept in the database" };
    },
  };
}
