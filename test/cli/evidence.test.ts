import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evidenceCheckCommand } from "../../src/cli/evidence.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createEvidenceStorage, createFileStorage } from "../../src/store/index.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";
import { BACKENDS, execute } from "../helpers/databases.js";
import { realCatalog } from "../helpers/real.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const dir = mkdtempSync(join(tmpdir(), "dti-evidence-check-"));
const opened: { ctx: { close(): Promise<void> } }[] = [];
const url = tempDatabaseUrl();
const cli = () => {
  const c = captured({ databaseUrl: url, evidenceDir: dir });
  opened.push(c);
  return c;
};
afterAll(async () => {
  for (const c of opened) await c.ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("dti evidence check", () => {
  it("finds every file as received, then names the one altered and the one missing", async () => {
    const { ctx } = cli();
    const store = await ctx.store();
    await seedDemo({ store, catalog: realCatalog(), now: new Date("2026-11-20T03:00:00Z"), province: DA_NANG });
    const storage = createFileStorage(dir);
    const keep = async (name: string, content: string, item: string) => {
      const data = new TextEncoder().encode(content);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const storageKey = `${sha256.slice(0, 2)}/${sha256}.pdf`;
      await storage.put(storageKey, data);
      await store.evidence.add({
        periodId: 1, unitId: 1, itemCode: item, revision: 1, channel: "telegram", addedBy: null, addedByLabel: "Nguyễn Văn Nộp",
        file: { filename: name, mimeType: "application/pdf", size: data.byteLength, sha256, storageKey },
      }, "test", new Date());
      return storageKey;
    };
    const a = await keep("ke-hoach.pdf", "%PDF-1.4 kế hoạch", "1.1");
    const b = await keep("bien-ban.pdf", "%PDF-1.4 biên bản", "4.1");
    await keep("quyet-dinh.pdf", "%PDF-1.4 quyết định", "1.2");
    const fine = cli();
    expect(await evidenceCheckCommand(fine.ctx, "1", {})).toBe(0);
    expect(fine.out.join("\n")).toContain("Đã đối chiếu 3 tệp minh chứng");
    expect(fine.out.join("\n")).toContain("Tất cả tệp còn nguyên như khi nhận.");

    writeFileSync(join(dir, a), "%PDF-1.4 kế hoạch đã sửa");
    rmSync(join(dir, b));
    const bad = cli();
    expect(await evidenceCheckCommand(bad.ctx, "1", {})).toBe(1);
    const printed = bad.out.join("\n");
    expect(printed).toMatch(/chỉ số 1\.1, tệp «ke-hoach\.pdf» \(người gửi: Nguyễn Văn Nộp\) — nội dung đã bị thay đổi so với khi nhận/);
    expect(printed).toMatch(/chỉ số 4\.1, tệp «bien-ban\.pdf» .+ — không còn trong kho/);
    expect(printed).toContain("2 tệp thiếu hoặc bị thay đổi");
    const json = cli();
    expect(await evidenceCheckCommand(json.ctx, "1", { json: true })).toBe(1);
    expect(JSON.parse(json.out.join("\n"))).toMatchObject({ period: 1, files: 3, problems: [{ problem: "altered" }, { problem: "missing" }] });
    const unknown = cli();
    expect(await evidenceCheckCommand(unknown.ctx, "99", {})).toBe(1);
  });
});

describe.each(BACKENDS)("dti evidence check with the evidence in the database on $name", (backend) => {
  it("reads every file from the database, and names the one whose row was damaged and the one gone", async () => {
    const { url: databaseUrl, drop } = await backend.create();
    const setup = captured({ databaseUrl, evidenceDir: join(dir, "khong-dung"), evidenceStorage: "database" });
    try {
      const store = await setup.ctx.store();
      const province = await store.provinces.ensure("csdl", "Tỉnh Minh Hoạ");
      await store.units.upsertMany(province.id, [{ code: "SYT", name: "Sở Y tế", kind: "department", groupCode: "so" }], "test");
      const unitId = (await store.units.byCode(province.id, "SYT"))!.id;
      const period = await store.periods.open({ provinceId: province.id, rulesetId: "minh-hoa-so-nganh", year: 2026, deadlines: [] }, "test");
      const storage = createEvidenceStorage({ kind: "database", dir: setup.ctx.evidenceDir, store });
      const keep = async (name: string, data: Uint8Array, item: string) => {
        const sha256 = createHash("sha256").update(data).digest("hex");
        const storageKey = `${sha256.slice(0, 2)}/${sha256}.pdf`;
        await storage.put(storageKey, data);
        await store.evidence.add({
          periodId: period.id, unitId, itemCode: item, revision: 1, channel: "zalo", addedBy: null, addedByLabel: "Trần Thị Gửi",
          file: { filename: name, mimeType: "application/pdf", size: data.byteLength, sha256, storageKey },
        }, "test", new Date());
        return storageKey;
      };
      const a = await keep("ke-hoach.pdf", new TextEncoder().encode("%PDF-1.4 kế hoạch"), "1.1");
      const b = await keep("bien-ban.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 128, 7]), "4.1");
      await keep("quyet-dinh.pdf", new TextEncoder().encode("%PDF-1.4 quyết định"), "1.2");

      const fine = captured({ databaseUrl, evidenceDir: setup.ctx.evidenceDir, evidenceStorage: "database" });
      expect(await evidenceCheckCommand(fine.ctx, String(period.id), {})).toBe(0);
      await fine.ctx.close();
      expect(fine.out[0]).toBe("Đã đối chiếu 3 tệp minh chứng của kỳ đánh giá năm 2026 lưu trong cơ sở dữ liệu.");
      expect(fine.out.at(-1)).toBe("Tất cả tệp còn nguyên như khi nhận.");

      // The row keeps its recorded size and checksum; only the bytes are not what was received.
      await execute(databaseUrl, `UPDATE "EvidenceContent" SET "bytes" = ${backend.name === "postgres" ? "'\\x58595a'::bytea" : "x'58595a'"} WHERE "key" = '${a}'`);
      await execute(databaseUrl, `DELETE FROM "EvidenceContent" WHERE "key" = '${b}'`);
      const bad = captured({ databaseUrl, evidenceDir: setup.ctx.evidenceDir, evidenceStorage: "database" });
      expect(await evidenceCheckCommand(bad.ctx, String(period.id), {})).toBe(1);
      await bad.ctx.close();
      const printed = bad.out.join("\n");
      expect(printed).toMatch(/Sở Y tế, chỉ số 1\.1, tệp «ke-hoach\.pdf» \(người gửi: Trần Thị Gửi\) — nội dung đã bị thay đổi so với khi nhận/);
      expect(printed).toMatch(/chỉ số 4\.1, tệp «bien-ban\.pdf» .+ — không còn trong kho/);
      expect(printed).toContain("2 tệp thiếu hoặc bị thay đổi");
      const json = captured({ databaseUrl, evidenceDir: setup.ctx.evidenceDir, evidenceStorage: "database", locale: "en" });
      expect(await evidenceCheckCommand(json.ctx, String(period.id), { json: true })).toBe(1);
      await json.ctx.close();
      expect(JSON.parse(json.out.join("\n"))).toMatchObject({
        storage: "database", files: 3, problems: [{ filename: "ke-hoach.pdf", problem: "altered" }, { filename: "bien-ban.pdf", problem: "missing" }],
      });
    } finally {
      await setup.ctx.close();
      await drop();
    }
  });
});
