import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSeedCommand } from "../../src/cli/demo.js";
import { exportResultsCommand } from "../../src/cli/export-results.js";
import { exportFiguresCommand, importFiguresCommand } from "../../src/cli/figures-io.js";
import { listPeriodsCommand, openPeriodCommand, reopenCommand, setPeriodStatusCommand } from "../../src/cli/periods.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";
import { RULESETS_DIR } from "../helpers/real.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const NOW = new Date("2026-11-20T03:00:00Z");
const url = tempDatabaseUrl();
const opened: { ctx: { close(): Promise<void> } }[] = [];
const cli = (now = NOW) => {
  const c = captured({ databaseUrl: url, now });
  opened.push(c);
  return c;
};
const tmp = (name: string) => join(tmpdir(), `dti-periods-${process.pid}-${name}`);

beforeAll(async () => {
  const { ctx, out } = cli();
  expect(await demoSeedCommand(ctx, DA_NANG)).toBe(0);
  expect(out[0]).toMatch(/^Đã tạo dữ liệu minh hoạ Đà Nẵng/);
  expect(out.slice(1).every((l) => /: [0-9A-Z]{10}$/.test(l))).toBe(true);
});
afterAll(async () => {
  for (const c of opened) await c.ctx.close();
});

async function readSheets(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets;
}

describe("demo and periods", () => {
  it("seeding twice changes nothing", async () => {
    const { ctx, out } = cli();
    expect(await demoSeedCommand(ctx, DA_NANG)).toBe(0);
    expect(out).toEqual(["Dữ liệu minh hoạ đã có sẵn."]);
  });

  it("lists the demo's open periods with deadlines counted from today", async () => {
    const { ctx, out } = cli();
    await listPeriodsCommand(ctx, { json: true });
    const periods = JSON.parse(out.join("\n")) as { id: number; rulesetId: string; year: number; status: string; deadlines: { kind: string; dueAt: string }[] }[];
    expect(periods.map((p) => [p.rulesetId, p.year, p.status])).toEqual([["minh-hoa-so-nganh", 2025, "open"], ["tay-ninh-2025-xa", 2025, "open"]]);
    // 10 days after 20/11/2026, at the end of the day in Vietnam (23:59:59 UTC+7).
    expect(periods[0]!.deadlines[0]).toEqual({ kind: "submission", dueAt: "2026-11-30T16:59:59.000Z" });
  });

  it("refuses to open a period with a draft set (rules imported and not yet reviewed), saying what to do", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-draft-"));
    const draft = readFileSync(join(RULESETS_DIR, "minh-hoa", "so-nganh.yaml"), "utf8")
      .replace(/^id: .*$/m, "id: ban-nhap").replace(/^completeness: full$/m, "completeness: full\nstatus: draft");
    writeFileSync(join(dir, "ban-nhap.yaml"), draft);
    const c = captured({ databaseUrl: url, now: NOW, rulesetsDir: dir });
    opened.push(c);
    expect(await openPeriodCommand(c.ctx, { ruleset: "ban-nhap", year: "2026" })).toBe(1);
    expect(c.err.join("\n")).toContain("Bộ chỉ số ban-nhap còn là bản nháp (status: draft)");
    // The shipped district sets are history: shown as such.
    const show = cli();
    const { showCommand } = await import("../../src/cli/rulesets-show.js");
    expect(showCommand(show.ctx, "ninh-binh-733-huyen")).toBe(0);
    expect(show.out.join("\n")).toContain("bộ chỉ số lịch sử, dùng cho cấp huyện trước ngày 01/7/2025");
  });

  it("opens a period with the ruleset's deadlines, overridable one by one, and refuses a second one", async () => {
    const { ctx, out } = cli();
    expect(await openPeriodCommand(ctx, { ruleset: "minh-hoa-so-nganh", year: "2026", deadline: ["submission=20/01/2027"] })).toBe(0);
    expect(out).toEqual([
      "Đã mở kỳ đánh giá số 3: Bộ chỉ số minh hoạ cấp sở, ngành (dùng cho thử nghiệm DTI Bot), năm 2026.",
      "  Hạn nộp số liệu: 20/01/2027",
      "  Hạn lãnh đạo phê duyệt: 20/01/2027",
      "  Hạn thẩm định: 28/02/2027",
      "  Hạn giải trình, kiến nghị: 10/03/2027",
      "  Hạn công bố kết quả: 31/03/2027",
    ]);
    const again = cli();
    expect(await openPeriodCommand(again.ctx, { ruleset: "minh-hoa-so-nganh", year: "2026" })).toBe(1);
    expect(again.err).toEqual(["Kỳ đánh giá này đã có (mã kỳ 3)."]);
    const bad = cli();
    expect(await openPeriodCommand(bad.ctx, { ruleset: "minh-hoa-so-nganh", year: "2027", deadline: ["nop=31/02/2027"] })).toBe(1);
    expect(bad.err[0]).toMatch(/^Hạn “nop=31\/02\/2027” không hợp lệ/);
    // A publication before the submission deadline is refused, and nothing is opened.
    const early = cli();
    const order = ["publication=10/01/2028", "submission=20/01/2028"];
    expect(await openPeriodCommand(early.ctx, { ruleset: "minh-hoa-so-nganh", year: "2027", deadline: order })).toBe(1);
    expect(early.err[0]).toMatch(/^Các mốc thời hạn chưa đúng thứ tự: Hạn công bố kết quả \(10\/01\/2028\) không thể trước /);
    expect((await (await early.ctx.store()).periods.list(1)).some((p) => p.year === 2027)).toBe(false);
  });

  it("reopens a unit with a reason and refuses a date in the past", async () => {
    const ok = cli();
    expect(await reopenCommand(ok.ctx, "3", { unit: "S19", until: "05/12/2026", reason: "Bổ sung minh chứng" })).toBe(0);
    expect(ok.out).toEqual(["Đã mở lại việc nhập số liệu cho Sở Y tế đến hết ngày 05/12/2026."]);
    const past = cli();
    expect(await reopenCommand(past.ctx, "3", { unit: "S19", until: "01/01/2020", reason: "x" })).toBe(1);
    expect(past.err).toEqual(["Ngày “01/01/2020” không hợp lệ hoặc đã qua; xin ghi dạng dd/mm/yyyy."]);
  });
});

describe("Excel export and import", () => {
  it("exports the results as the decision's annex: header and signature blocks, rows that add up, units that sent nothing apart", async () => {
    const path = tmp("results.xlsx");
    const { ctx, out } = cli();
    expect(await exportResultsCommand(ctx, "1", { output: path })).toBe(0);
    expect(out[0]).toBe(`Đã xuất kết quả ra ${path}: 3 nhóm, 30 đơn vị.`);
    const sheets = await readSheets(path);
    // Meaningful names within Excel's 31 characters, never cut inside a word.
    expect(sheets.map((s) => s.name)).toEqual(["Sở, ban, ngành có TTHC", "Đơn vị thuộc UBND không có TTHC", "Cơ quan TW", "Thẩm định"]);
    const first = sheets[0]!;
    const text = (r: number, c: number) => String(first.getCell(r, c).value ?? "");
    // The header block of an administrative annex: authority left, national motto right, place and date, title, the decision (number blank).
    expect([text(1, 1), text(2, 1)]).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"]);
    expect(text(1, 8)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text(2, 8)).toBe("Độc lập - Tự do - Hạnh phúc");
    // Dated when signed, like the decision: day and month are left for the office.
    expect(text(3, 8)).toMatch(/^Đà Nẵng, ngày +tháng +năm 2026$/);
    expect([text(5, 1), text(6, 1)]).toEqual(["PHỤ LỤC", "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHUYỂN ĐỔI SỐ NĂM 2025"]);
    expect(text(8, 1)).toMatch(/^\(Kèm theo Quyết định số +\/QĐ-UBND ngày +tháng +năm 2026 của Ủy ban nhân dân thành phố Đà Nẵng\)$/);
    const header = first.getRow(10).values as unknown[];
    expect(header).toEqual(expect.arrayContaining([
      "STT", "Tên cơ quan, đơn vị", "1. Nhận thức số (15)", "Điểm thưởng (tối đa 5)", "Điểm trừ (tối đa 5)", "Tổng điểm", "Xếp loại", "Xếp hạng",
      "Điểm tự đánh giá (để so sánh)",
    ]));
    const col = (name: string) => header.indexOf(name);
    const indices = header.map((h, i) => (typeof h === "string" && /^\d\. /.test(h) ? i : -1)).filter((i) => i > 0);
    expect(indices).toHaveLength(6);
    expect(first.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "10:10" });
    expect(first.pageSetup.margins?.left).toBeGreaterThanOrEqual(1.18);
    expect(first.headerFooter.oddFooter).toContain("Trang &P/&N");
    let ranked = 0;
    let notSubmitted = 0;
    for (let r = 11; r <= first.rowCount; r += 1) {
      const row = first.getRow(r);
      const name = row.getCell(2).value;
      if (!name) break;
      if (row.getCell(col("Xếp hạng")).value === "Chưa nộp") {
        // Not ranked, after every ranked unit, and no number pretends to be its score.
        notSubmitted += 1;
        expect(row.getCell(1).value).toBe(ranked + notSubmitted);
        expect(row.getCell(col("Tổng điểm")).value).toBeNull();
        continue;
      }
      expect(notSubmitted).toBe(0);
      ranked += 1;
      // Every row adds up: the main indices, plus bonus, minus penalty, make the total.
      const sum = indices.reduce((a, i) => a + (row.getCell(i).value as number), 0)
        + (row.getCell(col("Điểm thưởng (tối đa 5)")).value as number) - (row.getCell(col("Điểm trừ (tối đa 5)")).value as number);
      expect(Math.abs(sum - (row.getCell(col("Tổng điểm")).value as number)), `${String(name)}`).toBeLessThan(0.011);
      expect(row.getCell(col("Tổng điểm")).numFmt).toBe("#,##0.00");
      expect(row.getCell(col("Tổng điểm")).font?.name).toBe("Times New Roman");
    }
    expect(ranked).toBeGreaterThan(10);
    expect(notSubmitted).toBeGreaterThan(0);
    // The signature block under the table.
    const below = Array.from({ length: 10 }, (_, i) => first.getRow(11 + ranked + notSubmitted + i).values as unknown[]).flat();
    expect(below).toEqual(expect.arrayContaining(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]));
    // The review sheet: only real corrections (the points changed), a title, wrapped text.
    const review = sheets[3]!;
    expect(String(review.getCell(1, 1).value)).toMatch(/^Các chỉ số được điều chỉnh khi thẩm định, kỳ đánh giá năm 2025/);
    expect(review.getRow(3).values).toEqual(expect.arrayContaining(["Số liệu đơn vị nộp", "Điểm tự đánh giá", "Điểm thẩm định", "Lý do điều chỉnh"]));
    expect(review.rowCount).toBeGreaterThan(4);
    for (let r = 4; r <= review.rowCount; r += 1) {
      expect(review.getCell(r, 6).value, `row ${r}`).not.toBe(review.getCell(r, 7).value);
      expect(review.getCell(r, 8).alignment?.wrapText).toBe(true);
    }
  });

  it("round-trips the figures template: edits with decimal commas become new revisions", async () => {
    const path = tmp("figures.xlsx");
    const out1 = cli();
    expect(await exportFiguresCommand(out1.ctx, "1", { output: path })).toBe(0);
    const [sheet] = await readSheets(path);
    expect(sheet!.getRow(1).values).toEqual([undefined, "Mã đơn vị", "Tên đơn vị", "Mã chỉ số", "Tên chỉ số", "Điểm tối đa", "Cách nhập", "Giá trị", "Minh chứng (số hiệu – ngày: trích yếu)", "Ghi chú"]);
    // Edit two cells the way a department would: Sở Y tế's 6.2 and 3.3.
    const rows = sheet!.getRows(2, sheet!.rowCount - 1)!;
    const rowOf = (unit: string, item: string) => rows.find((r) => r.getCell(1).text === unit && r.getCell(3).text === item)!;
    rowOf("S19", "6.2").getCell(7).value = "91,5%";
    rowOf("S19", "6.2").getCell(8).value = "123/BC-SYT – 10/01/2026: báo cáo ký số";
    rowOf("S19", "3.3").getCell(7).value = "1,25 tỷ";
    const workbook = sheet!.workbook;
    await workbook.xlsx.writeFile(path);
    const { ctx, out } = cli();
    expect(await importFiguresCommand(ctx, "1", path, {})).toBe(0);
    expect(out[0]).toMatch(/^Đã ghi 2 số liệu mới; [\d.]+ dòng không thay đổi\.$/);
    const store = await ctx.store();
    const unit = (await store.units.byCode(1, "S19"))!;
    const history = await store.figures.history(1, unit.id, "6.2");
    expect(history.at(-1)).toMatchObject({
      rawValue: "91,5%", channel: "import", evidence: [{ number: "123/BC-SYT", date: "10/01/2026", summary: "báo cáo ký số" }],
      figure: { kind: "share", value: { n: 183, d: 200 } },
    });
    expect(history.at(-1)!.enteredByLabel).toBe(`nhập từ tệp ${path.split("/").pop()} (cli:test)`);
  });

  it("reports bad numbers, unknown units and items, and records nothing", async () => {
    const path = tmp("figures-bad.csv");
    writeFileSync(path, [
      "Mã đơn vị;Mã chỉ số;Giá trị",
      "S19;6.2;120%",
      "S99;6.2;50%",
      "S19;9.9;1",
      "S19;1.2;\"2,5\"",
      "S16;6.2;1.234",
    ].join("\n"));
    const { ctx, err } = cli();
    const before = await (await ctx.store()).figures.current(1);
    expect(await importFiguresCommand(ctx, "1", path, {})).toBe(1);
    expect(err).toEqual([
      "Tệp số liệu có 5 lỗi; chưa ghi số liệu nào:",
      "Dòng 2, cột value: 120 nằm ngoài khoảng cho phép (từ 0 đến 100).",
      "Dòng 3, cột unit: Không có đơn vị mã “S99”.",
      "Dòng 4, cột item: chỉ số không có trong bộ minh-hoa-so-nganh",
      "Dòng 5, cột value: Chỉ số này cần một số nguyên; 2,5 có phần thập phân.",
      "Dòng 6, cột value: “1.234” có thể hiểu là 1,234 hoặc 1.234. Xin vui lòng nhập lại: dùng dấu phẩy cho phần thập phân (ví dụ 1,5) và không dùng dấu chấm cho số nhỏ hơn một nghìn.",
    ]);
    expect(await (await ctx.store()).figures.current(1)).toEqual(before);
  });

  it("refuses figures after the submission deadline unless forced, and the forced import is audited", async () => {
    const late = new Date("2026-12-15T03:00:00Z");
    const path = tmp("figures-late.csv");
    writeFileSync(path, "Mã đơn vị,Mã chỉ số,Giá trị\nS16,6.2,77%\n");
    const refused = cli(late);
    expect(await importFiguresCommand(refused.ctx, "1", path, {})).toBe(1);
    expect(refused.err).toEqual(["Đã quá hạn nộp số liệu của Sở Tư pháp; chưa ghi số liệu nào (quản trị có thể mở lại cho đơn vị, hoặc dùng --force)."]);
    const forced = cli(late);
    expect(await importFiguresCommand(forced.ctx, "1", path, { force: true })).toBe(0);
    const audit = await (await forced.ctx.store()).audit.list({ action: "figures.import" });
    expect(audit[0]!.details).toMatchObject({ count: 1, forced: true });
  });

  it("reads percent-formatted number cells as the percent Excel shows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("So lieu");
    sheet.addRow(["Mã đơn vị", "Mã chỉ số", "Giá trị"]);
    sheet.addRow(["S19", "6.4", 1]).getCell(3).numFmt = "0%";
    sheet.addRow(["S19", "6.3", 0.855]).getCell(3).numFmt = "0.0%";
    const path = tmp("percent.xlsx");
    await workbook.xlsx.writeFile(path);
    const { ctx } = cli();
    expect(await importFiguresCommand(ctx, "1", path, {})).toBe(0);
    const store = await ctx.store();
    const unit = (await store.units.byCode(1, "S19"))!;
    expect((await store.figures.history(1, unit.id, "6.4")).at(-1)).toMatchObject({ rawValue: "100%", figure: { kind: "share", value: { n: 1, d: 1 } } });
    expect((await store.figures.history(1, unit.id, "6.3")).at(-1)).toMatchObject({ rawValue: "85,5%" });
  });

  it("answers a missing file or a malformed period number in words, not with a stack trace", async () => {
    const missing = cli();
    expect(await importFiguresCommand(missing.ctx, "abc", tmp("nope.csv"), {})).toBe(1);
    expect(missing.err).toEqual(["Không có kỳ đánh giá mã “abc”."]);
    const { describeError } = await import("../../src/cli/errors.js");
    const c = cli();
    const error = await importFiguresCommand(c.ctx, "1", tmp("khong-co.csv"), {}).catch((e: unknown) => e);
    expect(describeError(c.ctx, error)).toBe(`Không tìm thấy tệp “${tmp("khong-co.csv")}”.`);
  });

  it("closes a period and says so", async () => {
    const { ctx, out } = cli();
    expect(await setPeriodStatusCommand(ctx, "3", "closed")).toBe(0);
    expect(out).toEqual(["Kỳ đánh giá 3 chuyển sang trạng thái: đã đóng."]);
    expect(readFileSync(tmp("figures-late.csv"), "utf8")).toContain("S16");
  });
});
