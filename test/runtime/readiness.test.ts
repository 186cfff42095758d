import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseCheck, folderCheck, readiness, telegramCheck } from "../../src/runtime/readiness.js";

describe("readiness in plain words", () => {
  it("is ready only when every check is, and tells each failing one without error text", async () => {
    const since = new Date("2026-12-05T01:30:00Z");
    const report = await readiness([
      databaseCheck(() => ({ read: "ok", write: "full", damaged: false, since })),
      telegramCheck(() => ({ state: "conflict", since }), "polling"),
      { name: "broken check", run: () => Promise.reject(new Error("ECONNREFUSED /work/main/src/x.ts:12")) },
      { name: "stuck check", run: () => new Promise(() => undefined) },
    ]);
    expect(report).toEqual({
      status: "not ready",
      checks: {
        "database": { ok: false, status: "reads, but cannot write: the disk is full since 05/12/2026 08:30" },
        "telegram": { ok: false, status: "another process is polling this bot (409 Conflict): only one may poll; several instances need webhook mode" },
        "broken check": { ok: false, status: "could not be checked" },
        "stuck check": { ok: false, status: "does not answer" },
      },
    });
  });

  it("says a damaged file comes first, whatever reads and writes do", async () => {
    const report = await readiness([databaseCheck(() => ({ read: "ok", write: "ok", damaged: true, since: null }))]);
    expect(report.checks["database"]).toEqual({ ok: false, status: "the database file is damaged (it failed its integrity check): restore it from the last backup" });
  });

  it("finds an evidence folder that cannot be written to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-ready-"));
    expect((await readiness([folderCheck("evidence", dir)])).status).toBe("ready");
    // A file where the folder should be is refused to everyone, root included (who writes past permissions).
    const blocked = join(dir, "file");
    writeFileSync(blocked, "not a folder");
    expect((await readiness([folderCheck("evidence", join(blocked, "evidence"))])).checks["evidence"]).toEqual({
      ok: false, status: "cannot be written to (full, read-only or missing)",
    });
  });
});
