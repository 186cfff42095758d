import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { commonAxis, groupLayout, rankingChart, type ChartLabels, type RankedGroup } from "../../src/charts/ranking.js";

const labels: ChartLabels = {
  points: "Điểm", gap: (n) => `… ${n} đơn vị khác`, notSubmitted: (names) => `Chưa nộp số liệu, không xếp hạng (${names.length}): ${names.join(", ")}`,
  number: (v) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v),
  subtitle: "Kỳ đánh giá năm 2026 · Bộ chỉ số … · số liệu đến ngày 05/12/2026 · nguồn: DTI Bot",
};
const departments: RankedGroup = {
  title: "Sở, ban, ngành",
  units: [
    { rank: 1, name: "Sở Y tế", total: 74.63, max: 100, className: "Khá" },
    { rank: 2, name: "Sở Tư pháp", total: 65.8, max: 100, className: "Trung bình khá" },
    { rank: 3, name: "Sở Du lịch", total: 0, max: 100, className: "Yếu", submitted: false },
  ],
};
const wards: RankedGroup = { title: "Xã, phường", units: [{ rank: 1, name: "UBND phường Sài Gòn", total: 61.06, max: 100, className: null }] };

describe("the ranking picture", () => {
  it("writes each unit's points on its bar, lists the units that sent nothing apart, not as bars of zero", () => {
    const layout = groupLayout(departments, labels);
    expect(layout.bars.map((b) => b.label)).toEqual(["1. Sở Y tế", "2. Sở Tư pháp"]);
    expect(layout.values).toEqual(["74,63", "65,80"]);
    expect(layout.notes).toEqual(["Chưa nộp số liệu, không xếp hạng (1): Sở Du lịch"]);
  });

  it("draws every panel on one axis, the largest maximum of any unit", () => {
    expect(commonAxis([departments, { title: "x", units: [{ rank: 1, name: "a", total: 80, max: 120, className: null }] }])).toBe(120);
  });

  it("renders a picture with a title line, a subtitle and room for the units listed apart", async () => {
    const withNote = await loadImage(Buffer.from(rankingChart("Kết quả đánh giá chuyển đổi số năm 2026", [departments, wards], ["Khá", "Trung bình khá", "Yếu"], labels)));
    const submitted: RankedGroup = { ...departments, units: departments.units.filter((u) => u.submitted !== false) };
    const without = await loadImage(Buffer.from(rankingChart("Kết quả", [submitted, wards], ["Khá"], labels)));
    // The same bars (a unit that sent nothing is no bar), and a line naming it under its panel.
    expect(withNote.height).toBe(without.height + 20 + 16);
    expect(withNote.width).toBe(1100);
  });
});
