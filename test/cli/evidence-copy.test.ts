import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evidenceCheckCommand } from "../../src/cli/evidence.js";
import { evidenceCopyToDatabaseCommand } from "../../src/cli/evidence-copy.js";
import { evidenceCopyCheck } from "../../src/runtime/readiness.js";
import { createEvidenceStorage } from "../../src/store/index.js";
import { captured, type Captured } from "../helpers/cli.js";
import { BACKENDS, execute } from "../helpers/databases.js";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4 ${text}`);

describe.each(BACKENDS)("dti evidence copy-to-database on $name", (backend) => {
  const root = mkdtempSync(join(tmpdir(), "dti-evidence-copy-"));
  const evidenceDir = join(root, "evidence");
  const opened: Captured[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of opened) await c.ctx.close();
    for (const drop of drops) await drop();
    rmSync(root, { recursive: true, force: true });
  });

  /** A file in EVIDENCE_DIR, as the disk storage keeps it. */
  const place = (key: string, data: Uint8Array) => {
    mkdirSync(dirname(join(evidenceDir, key)), { recursive: true });
    writeFileSync(join(evidenceDir, key), data);
  };

  /** A fresh database with one unit and period; `cli()` runs a command on it, still on disk by default. */
  async function deployment() {
    const { url, drop } = await backend.create();
    drops.push(drop);
    const cli = (evidenceStorage: "disk" | "database" = "disk") => {
      const c = captured({ databaseUrl: url, evidenceDir, evidenceStorage });
      opened.push(c);
      return c;
    };
    const store = await cli().ctx.store();
    const province = await store.provinces.ensure("chuyen", "Tỉnh Minh Hoạ");
    await store.units.upsertMany(province.id, [{ code: "STP", name: "Sở Tư pháp", kind: "department", groupCode: "so" }], "test");
    const unitId = (await store.units.byCode(province.id, "STP"))!.id;
    const period = await store.periods.open({ provinceId: province.id, rulesetId: "minh-hoa-so-nganh", year: 2026, deadlines: [] }, "test");
    /** A file received on disk as the service did before: its record, and the file in EVIDENCE_DIR. */
    const received = async (filename: string, data: Uint8Array, item: string, onDisk: Uint8Array | null = data) => {
      const storageKey = `${sha256(data).slice(0, 2)}/${sha256(data)}.pdf`;
      if (onDisk) place(storageKey, onDisk);
      await store.evidence.add({
        periodId: period.id, unitId, itemCode: item, revision: 1, channel: "telegram", addedBy: null, addedByLabel: "Lê Văn Nộp",
        file: { filename, mimeType: "application/pdf", size: data.byteLength, sha256: sha256(data), storageKey },
      }, "test", new Date());
      return storageKey;
    };
    return { url, store, cli, received, periodId: period.id, database: createEvidenceStorage({ kind: "database", dir: evidenceDir, store }) };
  }

  it("copies every file records point to, checked; names what it cannot copy; runs again to finish, and again for nothing", async () => {
    const { url, cli, received, database, periodId } = await deployment();
    const a = await received("ke-hoach.pdf", pdf("kế hoạch"), "1.1");
    await received("ke-hoach.pdf", pdf("kế hoạch"), "1.2"); // the same file for a second item: one copy
    const b = await received("bao-cao.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 254, 255]), "2.1");
    const c = await received("bien-ban.pdf", pdf("biên bản"), "3.1", null);
    const d = await received("quyet-dinh.pdf", pdf("quyết định"), "4.1", pdf("quyết định, đã sửa"));
    place("00/khong-ai-gui.pdf", pdf("no record points here"));

    const first = cli();
    expect(await evidenceCopyToDatabaseCommand(first.ctx)).toBe(1);
    expect(first.out[0]).toBe(`Chép 4 tệp minh chứng từ thư mục ${evidenceDir} vào cơ sở dữ liệu; tệp đã có sẵn và còn nguyên thì bỏ qua.`);
    expect(first.out).toContain("… đã xử lý 4/4 tệp, đã chép 2 tệp (0 MB).");
    expect(first.out).toContain(`• ${c}: tệp «bien-ban.pdf» của Sở Tư pháp, chỉ số 3.1 — không có trong thư mục; chưa chép.`);
    expect(first.out).toContain(
      `• ${d}: tệp «quyet-dinh.pdf» của Sở Tư pháp, chỉ số 4.1 — nội dung trong thư mục đã bị thay đổi so với khi nhận (mã kiểm tra không khớp); chưa chép.`,
    );
    expect(first.out.at(-1)).toMatch(/^Đã chép 2 tệp .+; 0 tệp đã có sẵn\. 2 tệp thiếu hoặc bị thay đổi chưa chép được/);
    expect(await database.get(a)).toEqual(pdf("kế hoạch"));
    expect(await database.get(b)).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 254, 255]));
    expect(await database.get(c)).toBeNull();
    expect(await database.get(d)).toBeNull();
    expect(await database.get("00/khong-ai-gui.pdf")).toBeNull();

    // The missing file and the good copy of the altered one are put back from a backup.
    place(c, pdf("biên bản"));
    place(d, pdf("quyết định"));
    const second = cli();
    expect(await evidenceCopyToDatabaseCommand(second.ctx)).toBe(0);
    expect(second.out.at(-2)).toMatch(/^Đã chép 2 tệp .+; 2 tệp đã có sẵn\. Không có tệp nào thiếu hoặc bị thay đổi\.$/);
    expect(second.out.at(-1)).toMatch(/^Bước tiếp theo: đặt EVIDENCE_STORAGE=database, khởi động lại dịch vụ/);

    // Once switched: nothing left to copy, and no advice to switch.
    const third = cli("database");
    expect(await evidenceCopyToDatabaseCommand(third.ctx)).toBe(0);
    expect(third.out.at(-1)).toMatch(/^Đã chép 0 tệp \(0 MB\) .+; 4 tệp đã có sẵn\. Không có tệp nào thiếu/);

    // A row damaged in the database is written again from the folder.
    await execute(url, `UPDATE "EvidenceContent" SET "bytes" = ${backend.name === "postgres" ? "'\\x00'::bytea" : "x'00'"} WHERE "key" = '${a}'`);
    const check = cli("database");
    expect(await evidenceCheckCommand(check.ctx, String(periodId), {})).toBe(1);
    const repair = cli("database");
    expect(await evidenceCopyToDatabaseCommand(repair.ctx)).toBe(0);
    expect(repair.out.at(-1)).toMatch(/^Đã chép 1 tệp .+; 3 tệp đã có sẵn\./);
    const after = cli("database");
    expect(await evidenceCheckCommand(after.ctx, String(periodId), {})).toBe(0);
  });

  it("says how far it is every 50 files", async () => {
    const { cli, received } = await deployment();
    for (let i = 1; i <= 60; i += 1) await received(`tep-${i}.pdf`, pdf(`tệp số ${i} ${"x".repeat(20_000)}`), `1.${i}`);
    const run = cli();
    expect(await evidenceCopyToDatabaseCommand(run.ctx)).toBe(0);
    expect(run.out.filter((line) => line.startsWith("…"))).toEqual([
      "… đã xử lý 50/60 tệp, đã chép 50 tệp (1 MB).",
      "… đã xử lý 60/60 tệp, đã chép 60 tệp (1,1 MB).",
    ]);
  });

  it("before the copy, after an upgrade to database storage: readiness says so and the check points to the copy, not to a backup", async () => {
    const { store, cli, received, periodId } = await deployment();
    await received("ke-hoach.pdf", pdf("kế hoạch trước khi nâng cấp"), "1.1");
    const check = evidenceCopyCheck(() => store.evidenceCounts());
    const before = await check.run();
    expect(before.ok).toBe(false);
    expect(before.status).toContain("dti evidence copy-to-database");
    const checked = cli("database");
    expect(await evidenceCheckCommand(checked.ctx, String(periodId), {})).toBe(1);
    expect(checked.out.at(-1)).toBe(
      `Tệp lưu trong cơ sở dữ liệu mà báo thiếu có thể vẫn còn trong thư mục ${evidenceDir} (từ trước khi chuyển sang EVIDENCE_STORAGE=database): `
      + "khi đó chạy «dti evidence copy-to-database» rồi đối chiếu lại.",
    );
    expect(await evidenceCopyToDatabaseCommand(cli().ctx)).toBe(0);
    expect(await check.run()).toEqual({ ok: true, status: "kept in the database" });
  });
});
