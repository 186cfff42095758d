import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupCommand, restoreCommand } from "../../src/cli/backup.js";
import { demoSeedCommand } from "../../src/cli/demo.js";
import { createEvidenceStorage } from "../../src/store/index.js";
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
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { evidence: string; files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(["dti.db", "evidence/ab/abcdef.pdf"]);
    expect(manifest.evidence).toBe("folder");
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
    // Restored where the service now keeps evidence in the database: the files are back in the folder, and the way on is named.
    const moved = captured({ databaseUrl, evidenceDir, evidenceStorage: "database" });
    expect(await restoreCommand(moved.ctx, dir)).toBe(0);
    expect(moved.out[1]).toBe(`Bản sao lưu này giữ tệp minh chứng trong thư mục (đã chép lại vào ${evidenceDir}), nhưng EVIDENCE_STORAGE đang là database: `
      + "xin chạy «npx dti evidence copy-to-database» để đưa các tệp đó vào cơ sở dữ liệu.");
  });
});

describe("dti backup and dti restore with the evidence in the database", () => {
  it("back up the database alone, saying the evidence is in it, with no evidence folder at all; restore brings the files back", async () => {
    const root = mkdtempSync(join(tmpdir(), "dti-backup-db-"));
    const evidenceDir = join(root, "khong-co-thu-muc");
    const databaseUrl = tempDatabaseUrl();
    const data = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 9, 255]);
    const seed = captured({ databaseUrl, evidenceDir, evidenceStorage: "database" });
    await createEvidenceStorage({ kind: "database", dir: evidenceDir, store: await seed.ctx.store() }).put("ab/abcdef.pdf", data);
    await seed.ctx.close();

    const dir = join(root, "sao-luu");
    const backup = captured({ databaseUrl, evidenceDir, evidenceStorage: "database", now: new Date("2026-11-20T03:00:00Z") });
    expect(await backupCommand(backup.ctx, dir)).toBe(0);
    expect(backup.out[0]).toMatch(new RegExp(`^Đã sao lưu vào ${dir}: cơ sở dữ liệu và 0 tệp khác`));
    expect(backup.out[1]).toBe("Tệp minh chứng lưu trong cơ sở dữ liệu (EVIDENCE_STORAGE=database) nên đã nằm trong bản sao lưu này; thư mục minh chứng không được chép.");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { evidence: string; files: Record<string, string> };
    expect(manifest).toMatchObject({ evidence: "database" });
    expect(Object.keys(manifest.files)).toEqual(["dti.db"]);
    expect(existsSync(join(dir, "evidence"))).toBe(false);
    expect(existsSync(evidenceDir)).toBe(false);

    writeFileSync(databaseUrl.replace(/^file:/, ""), "");
    // Restored where the service was set to keep evidence on disk: it is told where its files are.
    const onDisk = captured({ databaseUrl, evidenceDir, evidenceStorage: "disk" });
    expect(await restoreCommand(onDisk.ctx, dir)).toBe(0);
    expect(onDisk.out[1]).toBe("Bản sao lưu này giữ tệp minh chứng trong cơ sở dữ liệu, nhưng EVIDENCE_STORAGE đang là disk: xin đặt EVIDENCE_STORAGE=database để dịch vụ đọc được các tệp đó.");
    const restored = captured({ databaseUrl, evidenceDir, evidenceStorage: "database" });
    expect(await restoreCommand(restored.ctx, dir)).toBe(0);
    expect(restored.out).toHaveLength(1);
    expect(await createEvidenceStorage({ kind: "database", dir: evidenceDir, store: await restored.ctx.store() }).get("ab/abcdef.pdf")).toEqual(data);
    await restored.ctx.close();
    expect(existsSync(evidenceDir)).toBe(false);
  });
});
