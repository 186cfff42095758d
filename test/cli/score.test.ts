import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreCommand } from "../../src/cli/score.js";
import { captured } from "../helpers/cli.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "figures-minh-hoa.csv");
const tmp = mkdtempSync(join(tmpdir(), "dti-score-"));
const csv = (name: string, text: string): string => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe("dti score", () => {
  it("prints a ranked table with points, values and classes", () => {
    const { ctx, out } = captured();
    expect(scoreCommand(ctx, "minh-hoa-so-nganh", FIXTURE, {})).toBe(0);
    const rows = out.join("\n").split("\n").filter((l) => l.includes("Sở "));
    expect(rows[0]).toMatch(/│\s+1 │ Sở Y tế\s+│\s+88,89 │\s+100 │\s+0,8889 │ Tốt\s+│\s+0 │/);
    expect(rows[1]).toMatch(/│\s+2 │ Sở Tư pháp\s+│\s+20,55 │\s+100 │\s+0,2055 │ Yếu\s+│\s+12 │/);
  });

  it("prints JSON with per-unit points, value, class, rank and per-item points", () => {
    const { ctx, out } = captured();
    expect(scoreCommand(ctx, "minh-hoa-so-nganh", FIXTURE, { json: true })).toBe(0);
    const json = JSON.parse(out.join("\n"));
    expect(json.units[0]).toMatchObject({ unit: "Sở Y tế", rank: 1, points: 88.89, value: 0.8889, class: "Tốt" });
    expect(json.units[0].items.find((i: { code: string }) => i.code === "6.2")).toEqual({
      code: "6.2", status: "scored", points: 8.5, max: 10, explanation: "6.2: 85% × 10 = 8,5/10",
    });
  });

  it("reads the CSV Excel writes in Vietnamese locales (semicolons, decimal commas)", () => {
    const file = csv("semicolon.csv", "\uFEFFunit;item;value\r\nSở A;6.2;85,5%\r\nSở A;3.3;1,2 tỷ\r\n");
    const { ctx, out } = captured();
    expect(scoreCommand(ctx, "minh-hoa-so-nganh", file, { json: true })).toBe(0);
    const items = JSON.parse(out.join("\n")).units[0].items;
    expect(items.find((i: { code: string }) => i.code === "6.2").points).toBe(8.55);
  });

  it("names every bad row and scores nothing, duplicates included", () => {
    const file = csv("bad.csv", "unit,item,value\nSở A,6.2,120%\nSở A,9.9,1\nSở A,1.2,\"2,5\"\nSở A,6.2,50%\nSở B,2.2,9/8\n");
    const { ctx, out, err } = captured();
    expect(scoreCommand(ctx, "minh-hoa-so-nganh", file, {})).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      "Tệp số liệu có 5 dòng chưa hợp lệ; chưa chấm điểm:",
      "Dòng 2, Sở A, chỉ số 6.2: 120 nằm ngoài khoảng cho phép (từ 0 đến 100).",
      "Dòng 3, Sở A, chỉ số 9.9: chỉ số không có trong bộ minh-hoa-so-nganh",
      "Dòng 4, Sở A, chỉ số 1.2: Chỉ số này cần một số nguyên; 2,5 có phần thập phân.",
      "Dòng 5, Sở A, chỉ số 6.2: chỉ số này đã có số liệu ở dòng 2",
      "Dòng 6, Sở B, chỉ số 2.2: Tử số (9) không được lớn hơn mẫu số (8).",
    ]);
  });

  it("refuses a structure-only ruleset with a clear message", () => {
    const { ctx, err } = captured();
    expect(scoreCommand(ctx, "da-nang-2901-so-nganh", FIXTURE, {})).toBe(1);
    expect(err[0]).toContain("mới có cấu trúc");
  });

  it("says which columns are missing", () => {
    const { ctx, err } = captured();
    expect(scoreCommand(ctx, "minh-hoa-so-nganh", csv("cols.csv", "don_vi,item,gia_tri\n"), {})).toBe(1);
    expect(err[0]).toBe("Tệp CSV cần các cột unit, item, value (thiếu: unit, value).");
  });
});
