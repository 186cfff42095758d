import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { demoSeedCommand } from "../../src/cli/demo.js";
import { exportDecisionCommand } from "../../src/cli/export-results.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";

describe("dti export decision", () => {
  const c = captured({ databaseUrl: tempDatabaseUrl(), now: new Date("2026-11-20T03:00:00Z") });
  afterAll(() => c.ctx.close());

  it("drafts the decision publishing the results, laid out as Decree 30 lays it out, with the annex as its appendix", async () => {
    expect(await demoSeedCommand(c.ctx, DA_NANG)).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "dti-decision-")), "qd.docx");
    expect(await exportDecisionCommand(c.ctx, "1", { output: file })).toBe(0);
    expect(c.out.at(-1)).toContain(`Đã soạn dự thảo Quyết định công bố kết quả vào ${file}`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<w:tab\/>/g, " ").replace(/<[^>]+>/g, "");
    // Header: authority and number left, motto and the place-and-date line right.
    for (const part of ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG", "Số:        /QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đà Nẵng, ngày"]) {
      expect(text).toContain(part);
    }
    // Title, the signer's authority, legal bases from the set's metadata, the articles, recipients and signature.
    expect(text).toContain("QUYẾT ĐỊNH");
    expect(text).toContain("Về việc công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm 2025");
    expect(text).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG");
    expect(text).toContain("Căn cứ Luật Tổ chức chính quyền địa phương;");
    expect(text).toContain("Căn cứ Bộ chỉ số minh hoạ cấp sở, ngành");
    expect(text).toMatch(/Điều 1\. Công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm 2025 của 30 cơ quan, đơn vị/);
    expect(text).toContain("Điều 2.");
    expect(text).toContain("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- Như Điều 3;");
    expect(text).toContain("KT. CHỦ TỊCH");
    // The appendix: landscape, its title, each group's table with the units and those that sent nothing.
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(text).toContain("PHỤ LỤC");
    expect(text).toContain("(Kèm theo Quyết định số        /QĐ-UBND ngày      tháng      năm 2026 của Ủy ban nhân dân thành phố Đà Nẵng)");
    expect(text).toContain("Sở Y tế");
    expect(text).toContain("Chưa nộp");
    expect(text).toMatch(/\d+,\d{2}/);
    expect(xml).toContain("Times New Roman");
  });
});
