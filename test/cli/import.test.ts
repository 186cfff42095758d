import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { importAppendixCommand } from "../../src/cli/appendix-import.js";
import { guessRule } from "../../src/cli/appendix/rules.js";
import { loadRulesetFile } from "../../src/rulesets/index.js";
import { captured } from "../helpers/cli.js";
import { RULESETS_DIR } from "../helpers/real.js";

const tmp = mkdtempSync(join(tmpdir(), "dti-import-"));
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");

// An appendix as departments keep it: code, name, max points, rule, evidence (Vietnamese headers).
const APPENDIX = [
  ["Mã chỉ số", "Tên chỉ số", "Điểm tối đa", "Cách tính điểm", "Tài liệu kiểm chứng"],
  ["1", "Nhận thức số", "40", "", ""],
  ["1.1", "BCĐ họp trong năm", "20", "4 cuộc: 20 điểm; 3 cuộc: 15 điểm; 2 cuộc: 10 điểm; 1 cuộc: 5 điểm", "Thông báo kết luận"],
  ["1.2", "Văn bản chỉ đạo do người đứng đầu ký", "20", "Tỷ lệ a/b × 20", "Danh mục văn bản"],
  ["2", "Hạ tầng số", "30", "", ""],
  ["2.1", "Ứng dụng kết nối LGSP", "10", "Mỗi ứng dụng 2 điểm, tối đa 10 điểm", ""],
  ["2.2", "Kinh phí cho chuyển đổi số", "10", "Tính so với đơn vị có kinh phí cao nhất", ""],
  ["2.3", "Có đài truyền thanh thông minh", "10", "Có: 10 điểm; không: 0 điểm", ""],
  ["3", "Đô thị thông minh", "0", "Chỉ thu thập, không tính điểm", ""],
];

describe("guessing rules from an appendix's wording", () => {
  it.each([
    ["Tỷ lệ a/b × 10", 10, { type: "ratio" }],
    ["Tỉ lệ đạt từ 80% trở lên được điểm tối đa", 10, { type: "ratio", fullAt: 0.8 }],
    ["Mỗi ứng dụng 1 điểm, tối đa 5 điểm", 5, { type: "per_item", each: 1 }],
    ["4 cuộc: 20 điểm; 3 cuộc: 15 điểm", 20, { type: "tiers", tiers: [{ atLeast: 4, points: 20 }, { atLeast: 3, points: 15 }] }],
    ["So với đơn vị cao nhất", 10, { type: "normalise_to_best" }],
    ["Đoàn thẩm định chấm điểm", 10, { type: "assigned" }],
    ["Có: 10 điểm; không: 0", 10, { type: "yes_no" }],
  ])("%s", (text, max, rule) => {
    expect(guessRule(text, max)).toMatchObject({ rule, recognised: true });
  });

  it("never reads points that fall with delay as a penalty unless the item says so", () => {
    // Points by timeliness, not a deduction: one of three levels (before, on-time units got 0 here).
    expect(guessRule("Đúng hạn: 10 điểm; chậm dưới 5 ngày: 5 điểm; chậm từ 5 ngày trở lên: 0 điểm", 10)).toMatchObject({
      input: "choice", rule: { type: "levels", levels: [{ label: "Đúng hạn", points: 10 }, { label: "Chậm dưới 5 ngày", points: 5 }, { label: "Chậm từ 5 ngày trở lên", points: 0 }] },
    });
    expect(guessRule("Chậm 1–5 ngày trừ 0,5 điểm; chậm trên 5 ngày trừ 1 điểm", 1, "penalty")).toMatchObject({
      status: "recognised", rule: { type: "tiers", tiers: [{ atLeast: 6, points: 1 }, { atLeast: 1, points: 0.5 }] },
    });
  });

  it("reads a ratio named in words, and a one-off deduction, and words a deduction as one", () => {
    expect(guessRule("(Số văn bản ký số / Tổng số văn bản đi) x 20", 20)).toMatchObject({ input: "fraction", rule: { type: "ratio" }, status: "recognised" });
    expect(guessRule("Trừ 2 điểm nếu để xảy ra sự cố", 2, "penalty")).toMatchObject({ input: "yes_no", rule: { type: "yes_no" }, status: "recognised" });
    expect(guessRule("Trừ 2 điểm nếu để xảy ra sự cố", 2, "base").status).toBe("uncertain");
    expect(guessRule("Trừ 5 điểm/sự cố", 10, "penalty")).toMatchObject({ input: { kind: "count", unit: "sự cố" }, rule: { type: "per_item", each: 5 } });
  });

  it("falls back to assigned points and says it did not recognise the rule", () => {
    expect(guessRule("Theo đánh giá thực tế", 10)).toEqual({ input: "points", rule: { type: "assigned" }, status: "unrecognised", recognised: false });
  });
});

describe("dti rulesets import", () => {
  it("turns a CSV appendix into a ruleset draft that validates and scores", async () => {
    const input = join(tmp, "phu-luc.csv");
    writeFileSync(input, APPENDIX.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n"));
    const output = join(tmp, "phu-luc.yaml");
    const { ctx, out } = captured();
    expect(await importAppendixCommand(ctx, input, { output, province: "thu-nghiem", unitKind: "commune" })).toBe(0);
    expect(out[0]).toContain(`Đã tạo ${output} gồm 6 chỉ số`);
    const { ruleset, issues } = loadRulesetFile(output);
    expect(issues).toEqual([]);
    expect(ruleset).toMatchObject({ totalPoints: 70, completeness: "full", unitKinds: ["commune"] });
    const doc = parse(readFileSync(output, "utf8"));
    expect(doc.indices[0].children[0]).toMatchObject({
      code: "1.1", max: 20, inferred: true, input: { kind: "count", unit: "cuộc" }, evidence: "Thông báo kết luận",
      rule: { type: "tiers", tiers: [{ atLeast: 4, points: 20 }, { atLeast: 3, points: 15 }, { atLeast: 2, points: 10 }, { atLeast: 1, points: 5 }] },
    });
  });

  it("reads the same table from an .xlsx workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục");
    sheet.addRow(["PHỤ LỤC I: BỘ CHỈ SỐ CẤP XÃ"]);
    // Points as numbers, as Excel keeps them; codes as text.
    APPENDIX.forEach((row, r) => sheet.addRow(row.map((c, i) => (r > 0 && i === 2 && c !== "" ? Number(c) : c))));
    const input = join(tmp, "phu-luc.xlsx");
    await workbook.xlsx.writeFile(input);
    const output = join(tmp, "from-xlsx.yaml");
    const { ctx } = captured();
    expect(await importAppendixCommand(ctx, input, { output, id: "tu-excel" })).toBe(0);
    expect(loadRulesetFile(output)).toMatchObject({ issues: [], ruleset: { id: "tu-excel", totalPoints: 70 } });
  });

  it("knows a «TT» column and «-3» penalty points, and names the columns it does not use", async () => {
    const input = join(tmp, "tt.csv");
    writeFileSync(input, [
      "TT,Chỉ số,Điểm tối đa,Hướng dẫn chấm điểm,\"Hồ sơ, tài liệu kiểm chứng\",Điểm tự chấm",
      "1,Nhận thức số,10,,,",
      "1.1,Có kế hoạch chuyển đổi số năm,10,Có: 10 điểm; Không: 0 điểm,Kế hoạch,10",
      "2,Sự cố mất an toàn thông tin,-3,Trừ 3 điểm/sự cố,Biên bản,",
    ].join("\n"));
    const output = join(tmp, "tt.yaml");
    const { ctx, out, err } = captured();
    expect(await importAppendixCommand(ctx, input, { output })).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).toContain("Các cột không dùng đến: “Điểm tự chấm”.");
    const doc = parse(readFileSync(output, "utf8"));
    expect(doc.indices[0].children[0]).toMatchObject({ code: "1.1", evidence: "Kế hoạch", rule: { type: "yes_no" } });
    expect(doc.indices[1]).toMatchObject({ code: "2", max: 3, effect: "penalty", rule: { type: "per_item", each: 3 } });
    expect(doc.totalPoints).toBe(10);
  });

  it("reports every bad row with its column and writes nothing", async () => {
    const input = join(tmp, "bad.csv");
    writeFileSync(input, [
      "Mã,Tên,Điểm tối đa,Cách tính",
      "1,Nhóm một,10,",
      "1.1,Chỉ số,mười,Tỷ lệ",
      "2.1,Mồ côi,5,Tỷ lệ",
      "x.y,Sai mã,5,",
      "1,Trùng,5,",
    ].join("\n"));
    const output = join(tmp, "bad.yaml");
    const { ctx, err } = captured();
    expect(await importAppendixCommand(ctx, input, { output })).toBe(1);
    expect(existsSync(output)).toBe(false);
    expect(err).toEqual([
      "Bảng phụ lục có 4 dòng chưa hợp lệ; chưa tạo tệp:",
      "Dòng 3, cột điểm tối đa: “mười” không phải là số điểm",
      "Dòng 5, cột TT: mã “x.y” không đúng dạng mã chỉ số (ví dụ 4, 4.14, II, B.1)",
      "Dòng 4: chưa có mục cha 2 ở các dòng trước",
      "Dòng 6: mã 1 bị trùng với dòng 2",
    ]);
  });
});

describe("the dti binary", () => {
  it("runs from a checkout with npx-style invocation", async () => {
    const { stdout } = await run(join(ROOT, "bin", "dti.js"), ["rulesets", "validate"], { cwd: ROOT });
    expect(stdout).toMatch(/không phát hiện lỗi/);
    const failed = await run(join(ROOT, "bin", "dti.js"), ["rulesets", "show", "khong-co"], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/Không tìm thấy bộ chỉ số/);
  });

  it("reads .env in the folder it runs in: its keys are used, and a bad value there stops it, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-dotenv-"));
    const env = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "" };
    // Without the file, the default folder (relative to where it runs) has no such set.
    expect(await run(join(ROOT, "bin", "dti.js"), ["rulesets", "show", "minh-hoa-so-nganh"], { cwd: dir, env }).catch((e: { code: number }) => e))
      .toMatchObject({ code: 1 });
    writeFileSync(join(dir, ".env"), `RULESETS_DIR=${RULESETS_DIR}\n`);
    const { stdout } = await run(join(ROOT, "bin", "dti.js"), ["rulesets", "show", "minh-hoa-so-nganh"], { cwd: dir, env });
    expect(stdout).toContain("Bộ chỉ số minh hoạ cấp sở");
    writeFileSync(join(dir, ".env"), `RULESETS_DIR=${RULESETS_DIR}\nHTTP_PORT=tám nghìn\n`);
    const failed = await run(join(ROOT, "bin", "dti.js"), ["rulesets", "show", "minh-hoa-so-nganh"], { cwd: dir, env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Cấu hình chưa hợp lệ .*\n {2}- HTTP_PORT \(\.env\): /);
    // Said once, without a stack trace.
    expect((failed as { stderr: string }).stderr).not.toMatch(/\bat \/|config\.ts|Node\.js v/);
  });
});
