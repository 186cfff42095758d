import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evidenceCheckCommand } from "../../src/cli/evidence.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createFileStorage } from "../../src/store/index.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";
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
