import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupCommand, restoreCommand } from "../../src/cli/backup.js";
import { demoSeedCommand } from "../../src/cli/demo.js";
import { holdEmbeddedDatabase } from "../../src/store/single-process.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";

describe("dti backup and dti restore (embedded mode)", () => {
  it("backs up the database and the evidence with their SHA-256, restores only an intact backup, never under a running service", async () => {
    const root = mkdtempSync(join(tmpdir(), "dti-backup-"));
    const evidenceDir = join(root, "evidence");
    mkdirSync(join(evidenceDir, "ab"), { recursive: true });
    writeFileSync(join(evidenceDir, "ab", "abcdef.pdf"), "%PDF-1.4 minh chứng");
    const databaseUrl = tempDatabaseUrl();
    const c = captured({ databaseUrl, evidenceDir, now: new Date("2026-11-20T03:00:00Z") });
    expect(await demoSeedCommand(c.ctx, DA_NANG)).toBe(0);
    await c.ctx.close();

    const dir = join(root, "sao-luu");
    const backup = captured({ databaseUrl, evidenceDir, now: new Date("2026-11-20T03:00:00Z") });
    expect(await backupCommand(backup.ctx, dir)).toBe(0);
    expect(backup.out[0]).toMatch(new RegExp(`^Đã sao lưu vào ${dir}: cơ sở dữ liệu và 1 tệp khác`));
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(["dti.db", "evidence/ab/abcdef.pdf"]);
    // Into a folder that already holds a backup: refused.
    expect(await backupCommand(backup.ctx, dir)).toBe(1);
    await backup.ctx.close();

    // The live data is lost: the database emptied, the evidence file gone.
    const target = databaseUrl.replace(/^file:/, "");
    writeFileSync(target, "");
    writeFileSync(join(evidenceDir, "ab", "abcdef.pdf"), "khác");

    // A tampered backup restores nothing.
    const copy = join(root, "sao-luu-sua");
    mkdirSync(join(copy, "evidence", "ab"), { recursive: true });
    writeFileSync(join(copy, "manifest.json"), readFileSync(join(dir, "manifest.json")));
    writeFileSync(join(copy, "dti.db"), readFileSync(join(dir, "dti.db")));
    writeFileSync(join(copy, "evidence", "ab", "abcdef.pdf"), "bị sửa");
    const tampered = captured({ databaseUrl, evidenceDir });
    expect(await restoreCommand(tampered.ctx, copy)).toBe(1);
    expect(tampered.err[0]).toContain("1 tệp thiếu hoặc bị thay đổi: evidence/ab/abcdef.pdf");

    // With the service running on the database: refused.
    const service = holdEmbeddedDatabase(databaseUrl)!;
    const busy = captured({ databaseUrl, evidenceDir });
    expect(await restoreCommand(busy.ctx, dir)).toBe(1);
    expect(busy.err[0]).toBe("DTI Bot đang chạy trên cơ sở dữ liệu này; xin dừng dịch vụ trước khi khôi phục.");
    service.release();

    const restore = captured({ databaseUrl, evidenceDir, now: new Date("2026-11-21T03:00:00Z") });
    expect(await restoreCommand(restore.ctx, dir)).toBe(0);
    expect(restore.out[0]).toContain("Cơ sở dữ liệu trước đó được giữ lại ở");
    expect(readFileSync(join(evidenceDir, "ab", "abcdef.pdf"), "utf8")).toBe("%PDF-1.4 minh chứng");
    const store = await restore.ctx.store();
    expect((await store.provinces.byCode("da-nang"))?.name).toBe("Đà Nẵng");
    await restore.ctx.close();
    expect(existsSync(target)).toBe(true);
  });
});
