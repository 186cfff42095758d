import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createApiWatch } from "../../src/channels/telegram/api-status.js";
import { smallDisk } from "../helpers/small-disk.js";
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
        "database": { ok: false, status: "reads, but cannot write: the disk is full (since 05/12/2026 08:30 Vietnam time)" },
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

const disk = smallDisk(2);

describe.skipIf(!disk)("the evidence folder on a full disk (a tmpfs; skipped where mounting is not allowed)", () => {
  afterAll(() => disk?.remove());

  it("is reported, and probing it leaves no file behind", async () => {
    disk!.fill();
    for (let i = 0; i < 3; i += 1) {
      expect((await readiness([folderCheck("evidence", disk!.dir)])).checks["evidence"]!.ok).toBe(false);
    }
    expect(readdirSync(disk!.dir).filter((f) => f.startsWith(".probe"))).toEqual([]);
    disk!.free();
    expect((await readiness([folderCheck("evidence", disk!.dir)])).status).toBe("ready");
  });
});

describe("the Bot API as last seen", () => {
  it("tells when calls stop being answered and when they are answered again", async () => {
    const changes: string[] = [];
    const watch = createApiWatch(() => new Date(), (state, was) => changes.push(`${was}→${state}`));
    const { HttpError } = await import("grammy");
    const fail = () => Promise.reject(new HttpError("Network request for 'getUpdates' failed!", new Error("ECONNREFUSED")));
    const answer = () => Promise.resolve({ ok: true as const, result: [] });
    await watch.transformer(answer as never, "getUpdates", {} as never);
    await watch.transformer(fail as never, "getUpdates", {} as never).catch(() => undefined);
    await watch.transformer(fail as never, "sendMessage", {} as never).catch(() => undefined);
    expect(watch.status().state).toBe("unreachable");
    await watch.transformer(answer as never, "getUpdates", {} as never);
    expect(changes).toEqual(["unknown→ok", "ok→unreachable", "unreachable→ok"]);
    expect(watch.pollsAnswered).toBe(2);
  });
});
