import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoSeedCommand } from "../../src/cli/demo.js";
import { exportResultsCommand } from "../../src/cli/export-results.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";

const has = (tool: string) => {
  try {
    execFileSync("which", [tool], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** The annex as the office prints it: LibreOffice renders it to PDF (skipped only where LibreOffice is absent). */
describe.skipIf(!has("soffice"))("the results annex printed by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-annex-pdf-"));
  const c = captured({ databaseUrl: tempDatabaseUrl(), now: new Date("2026-11-20T03:00:00Z") });
  afterAll(() => c.ctx.close());

  it("renders every sheet to A4 landscape pages, with the header block and the units", async () => {
    expect(await demoSeedCommand(c.ctx, DA_NANG)).toBe(0);
    const xlsx = join(dir, "ket-qua.xlsx");
    expect(await exportResultsCommand(c.ctx, "1", { output: xlsx })).toBe(0);
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
    const pdf = join(dir, "ket-qua.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    if (has("pdftotext") && has("pdfinfo")) {
      const info = execFileSync("pdfinfo", [pdf]).toString();
      // A4 landscape: 842 × 595 points.
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
      for (const words of ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHỤ LỤC", "Kèm theo Quyết định số", "KT. CHỦ TỊCH", "Sở Y tế", "Chưa nộp", "Trang 1/"]) {
        expect(text).toContain(words);
      }
    }
  }, 180_000);
});
