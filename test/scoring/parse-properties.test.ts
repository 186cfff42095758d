import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFigure, type InputKind, type RulesetNode } from "../../src/scoring/index.js";
import { leaf } from "../helpers/builders.js";

const ITEMS: Record<InputKind, RulesetNode> = {
  percent: leaf("1", 10, { type: "ratio" }, "percent"),
  fraction: leaf("1", 10, { type: "ratio" }, "fraction"),
  count: leaf("1", 10, { type: "per_item", each: 1 }, "count"),
  yes_no: leaf("1", 10, { type: "yes_no" }, "yes_no"),
  choice: leaf("1", 10, { type: "levels", levels: [{ id: "a", label: "Đầy đủ", aliases: ["đủ"], points: 10 }, { id: "b", label: "Một phần", aliases: [], points: 5 }] }, "choice"),
  money: leaf("1", 10, { type: "normalise_to_best" }, "money"),
  points: leaf("1", 10, { type: "assigned" }, "points"),
  index_value: leaf("1", 10, { type: "ratio" }, "index_value"),
};
const kinds = Object.keys(ITEMS) as InputKind[];

/** Text an officer might type: digits, separators, Vietnamese letters (NFC and NFD), symbols. */
const typed = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789.,/% -+abcdđêôơưạảãáàặẩ tỷtriệu".split("")) }),
  fc.string({ unit: "grapheme" }),
  fc.string(),
);

const RUNS = { numRuns: 500 };
const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

describe("figure parser properties (fast-check)", () => {
  it("never throws, whatever is typed, for every input kind", () => {
    fc.assert(fc.property(typed, fc.constantFrom(...kinds), (text, kind) => {
      const result = parseFigure(text, ITEMS[kind]);
      expect(typeof result.ok).toBe("boolean");
    }), RUNS);
  });

  it("reads NFD text exactly as NFC text", () => {
    fc.assert(fc.property(typed, fc.constantFrom(...kinds), (text, kind) => {
      expect(parseFigure(text.normalize("NFD"), ITEMS[kind])).toEqual(parseFigure(text.normalize("NFC"), ITEMS[kind]));
    }), RUNS);
  });

  it("reads back any percent written the Vietnamese way (85,25%)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
      const result = parseFigure(`${vi.format(hundredths / 100)}%`, ITEMS.percent);
      expect(result).toMatchObject({ ok: true, figure: { kind: "share" } });
      if (result.ok && result.figure.kind === "share") expect(result.figure.value.n * 10_000).toBe(hundredths * result.figure.value.d);
    }), RUNS);
  });

  it("reads back any count and amount written with Vietnamese grouping (1.234.567)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (n) => {
      const text = vi.format(n);
      expect(parseFigure(text, ITEMS.money)).toEqual({ ok: true, figure: { kind: "amount", value: { n, d: 1 } } });
      if (n <= 1_000_000) expect(parseFigure(text, ITEMS.count)).toEqual({ ok: true, figure: { kind: "amount", value: { n, d: 1 } } });
    }), RUNS);
  });

  it("reads a fraction a/b as exactly a ÷ b and keeps a and b", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(100_000), (b, x) => {
      const a = x % (b + 1);
      const result = parseFigure(`${a}/${b}`, ITEMS.fraction);
      expect(result.ok).toBe(true);
      if (result.ok && result.figure.kind === "share") {
        expect(result.figure.value.n * b).toBe(a * result.figure.value.d);
        expect([result.figure.a, result.figure.b]).toEqual([a, b]);
      }
    }), RUNS);
  });
});
