import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { showCommand } from "../../src/cli/rulesets-show.js";
import { validateCommand } from "../../src/cli/rulesets-validate.js";
import { captured } from "../helpers/cli.js";

const BAD = join(import.meta.dirname, "..", "fixtures", "rulesets-bad");

describe("dti rulesets validate", () => {
  it("passes the shipped rulesets", () => {
    const { ctx, out } = captured();
    expect(validateCommand(ctx)).toBe(0);
    expect(out[0]).toMatch(/^Đã kiểm tra \d+ tệp, \d+ bộ chỉ số: không phát hiện lỗi\.$/);
  });

  it("lists every problem in Vietnamese with file and line, and fails", () => {
    const { ctx, err } = captured();
    expect(validateCommand(ctx, join(BAD, "many-problems.yaml"))).toBe(1);
    expect(err[0]).toBe("Phát hiện 5 lỗi trong 1 tệp:");
    expect(err).toContain(
      `${join("test", "fixtures", "rulesets-bad", "many-problems.yaml")}:14 classification.bands[1]: Khoảng xếp loại bị hở: không có loại nào cho khoảng từ 75 đến 80 (cạnh loại Khá).`,
    );
    expect(err.some((line) => line.includes("Loại quy tắc tính điểm “percentage_of_best” không tồn tại"))).toBe(true);
  });
});

describe("dti rulesets show", () => {
  it("shows a ruleset's metadata, classes, deadlines and tree", () => {
    const { ctx, out } = captured();
    expect(showCommand(ctx, "da-nang-2901-phuong-xa")).toBe(0);
    expect(out).toContain("Văn bản: 2901/QĐ-UBND ngày 27/12/2023; người ký: Lê Quang Nam (Phó Chủ tịch UBND thành phố (ký thay Chủ tịch)); cơ quan ban hành: Chủ tịch UBND thành phố Đà Nẵng");
    expect(out).toContain("Mức độ đầy đủ: chỉ có cấu trúc (chưa chấm được điểm)");
    expect(out.find((l) => l.startsWith("Xếp loại:"))).toContain("Xuất sắc từ 90 trở lên; Tốt từ 80 đến dưới 90");
    expect(out.find((l) => l.startsWith("Hạn thẩm định:"))).toContain("31/12/N");
    expect(out).toContain("8. Xã hội số (chưa công bố)");
  });

  it("shows one item with its rule in words", () => {
    const { ctx, out } = captured();
    expect(showCommand(ctx, "minh-hoa-so-nganh", "1.1")).toBe(0);
    expect(out).toEqual(expect.arrayContaining([
      "1.1. Người đứng đầu là Trưởng Ban Chỉ đạo chuyển đổi số",
      "Điểm tối đa: 5",
      "Cách tính điểm:",
      "  Chọn một mức (tối đa 5 điểm):",
      "  2. Cấp phó của người đứng đầu là Trưởng ban: 2,5 điểm",
    ]));
  });

  it("in English on request", () => {
    const { ctx, out } = captured({ locale: "en" });
    showCommand(ctx, "minh-hoa-so-nganh", "4.2");
    expect(out).toContain("  80% or more: 5 points; below that: share ÷ 80% × 5.");
  });

  it("says which rulesets exist when the id is wrong, and which codes when the item is", () => {
    const a = captured();
    expect(showCommand(a.ctx, "da-nang")).toBe(1);
    expect(a.err[0]).toMatch(/^Không tìm thấy bộ chỉ số “da-nang”\. Các bộ chỉ số hiện có: .*da-nang-2901-so-nganh/);
    const b = captured();
    expect(showCommand(b.ctx, "minh-hoa-so-nganh", "9.9")).toBe(1);
    expect(b.err[0]).toBe("Bộ chỉ số minh-hoa-so-nganh không có chỉ số mã “9.9”.");
  });
});
