import { describe, expect, it } from "vitest";
import { parseFigure, type Figure, type ParseError, type RulesetNode } from "../../src/scoring/index.js";
import { leaf } from "../helpers/builders.js";

const percent = leaf("6.2", 10, { type: "ratio" }, "percent");
const fraction = leaf("4.14", 10, { type: "ratio" }, "fraction");
const count = leaf("1.2", 20, { type: "tiers", tiers: [{ atLeast: 1, points: 20 }] }, "count");
const money = leaf("4.7", 20, { type: "normalise_to_best" }, "money");
const points = leaf("2.3", 10, { type: "assigned" }, "points");
const yesNo = leaf("3.5", 10, { type: "yes_no" }, "yes_no");
const indexValue = leaf("1", 100, { type: "ratio" }, "index_value");
const levels = leaf("1.1", 10, {
  type: "levels",
  levels: [
    { id: "head", label: "Bí thư hoặc Chủ tịch làm Trưởng ban", aliases: ["bí thư", "chủ tịch"], points: 10 },
    { id: "deputy", label: "Phó Bí thư hoặc Phó Chủ tịch làm Trưởng ban", aliases: ["phó bí thư", "phó chủ tịch", "pct"], points: 5 },
    { id: "none", label: "Chưa thành lập Ban Chỉ đạo", aliases: ["chưa có"], points: 0 },
  ],
}, "choice");
const parts = leaf("1.2", 10, {
  type: "parts",
  parts: [
    { id: "attend", label: "Dự đủ các phiên họp của tỉnh", aliases: ["dự họp tỉnh"], points: 5 },
    { id: "chair", label: "Chủ trì các cuộc họp của huyện", aliases: ["chủ trì"], points: 5 },
  ],
}, "choice");
const maybeNa = leaf("6.1", 10, { type: "ratio" }, "percent", { notApplicable: { allowed: true, automaticFor: [] } });

const share = (n: number, d: number, extra: object = {}): Figure => ({ kind: "share", value: { n, d }, ...extra });
const amount = (n: number, d = 1): Figure => ({ kind: "amount", value: { n, d } });

describe("parseFigure reads what officers type", () => {
  it.each<[string, RulesetNode, string, Figure]>([
    ["a bare percent", percent, "85", share(17, 20)],
    ["a percent sign", percent, "85%", share(17, 20)],
    ["a spaced percent sign", percent, "85 %", share(17, 20)],
    ["a decimal comma", percent, "85,5", share(171, 200)],
    ["a decimal comma with %", percent, "77,6%", share(97, 125)],
    ["an English decimal point", percent, "85.5%", share(171, 200)],
    ["a fraction for a percent item", percent, "12/15", share(4, 5, { a: 12, b: 15 })],
    ["a fraction", fraction, "394/508", share(197, 254, { a: 394, b: 508 })],
    ["a fraction with spaces", fraction, "394 / 508", share(197, 254, { a: 394, b: 508 })],
    ["a fraction in words", fraction, "394 trên 508", share(197, 254, { a: 394, b: 508 })],
    ["a percent for a fraction item", fraction, "77,6%", share(97, 125)],
    ["thousands with dots", count, "1.234", amount(1234)],
    ["thousands with spaces", count, "1 234", amount(1234)],
    ["a count with its unit", count, "3 cuộc họp", amount(3)],
    ["money with dots", money, "1.250.000.000", amount(1_250_000_000)],
    ["money in tỷ", money, "1,25 tỷ", amount(1_250_000_000)],
    ["money in triệu", money, "200 triệu đồng", amount(200_000_000)],
    ["money with đ", money, "1.250.000đ", amount(1_250_000)],
    ["money with both separators", money, "1.234.567,5", amount(2469135, 2)],
    ["points with a comma", points, "8,5", amount(17, 2)],
    ["yes", yesNo, "có", { kind: "yes_no", yes: true }],
    ["yes without diacritics", yesNo, "co", { kind: "yes_no", yes: true }],
    ["yes, typed politely", yesNo, "Có ạ.", { kind: "yes_no", yes: true }],
    ["no", yesNo, "không", { kind: "yes_no", yes: false }],
    ["no, short", yesNo, "ko", { kind: "yes_no", yes: false }],
    ["not yet", yesNo, "chưa", { kind: "yes_no", yes: false }],
    ["an index value", indexValue, "0,5934", share(2967, 5000)],
    ["an index value as a percent", indexValue, "59,34%", share(2967, 5000)],
    ["a level by its number", levels, "2", { kind: "choice", ids: ["deputy"] }],
    ["a level by alias", levels, "chủ tịch", { kind: "choice", ids: ["head"] }],
    ["the longer alias wins", levels, "phó chủ tịch làm trưởng ban", { kind: "choice", ids: ["deputy"] }],
    ["a level without diacritics", levels, "pho chu tich", { kind: "choice", ids: ["deputy"] }],
    ["several parts", parts, "dự họp tỉnh, chủ trì", { kind: "choice", ids: ["attend", "chair"] }],
    ["all parts", parts, "cả hai", { kind: "choice", ids: ["attend", "chair"] }],
    ["parts by number", parts, "1 + 2", { kind: "choice", ids: ["attend", "chair"] }],
    ["no part", parts, "không", { kind: "choice", ids: [] }],
    ["đặc thù", maybeNa, "đặc thù", { kind: "not_applicable" }],
    ["a sentence-final full stop", count, "12.", amount(12)],
    ["a full stop after a percent", percent, "85%.", share(17, 20)],
    ["a full stop after grouped money", money, "1.500.000.", amount(1_500_000)],
    ["a count in millions", count, "2 triệu", amount(2_000_000)],
    ["a count in thousands with a decimal", count, "1,5 nghìn", amount(1500)],
    ["part 1 of a parts item is part 1, not yes", parts, "1", { kind: "choice", ids: ["attend"] }],
    ["có for a parts item means every part", parts, "có", { kind: "choice", ids: ["attend", "chair"] }],
    ["không áp dụng without diacritics", maybeNa, "khong ap dung", { kind: "not_applicable" }],
  ])("%s", (_name, item, text, figure) => {
    expect(parseFigure(text, item)).toEqual({ ok: true, figure });
  });

  it("reads NFD (decomposed) Vietnamese as NFC", () => {
    expect(parseFigure("không".normalize("NFD"), yesNo)).toEqual(parseFigure("không", yesNo));
    expect(parseFigure("1,25 tỷ".normalize("NFD"), money)).toEqual({ ok: true, figure: amount(1_250_000_000) });
  });
});

describe("bad input gets a specific error, never an exception", () => {
  it.each<[string, RulesetNode, string, ParseError]>([
    ["nothing", percent, "  ", { code: "empty" }],
    ["words for a percent", percent, "khoảng tám mươi", { code: "not_a_number", expected: "percent" }],
    ["a percent above 100", percent, "120%", { code: "out_of_range", value: 120, min: 0, max: 100 }],
    ["1.234 as a percent could be 1,234 or 1234", percent, "1.234", { code: "ambiguous_number", text: "1.234", readings: [1.234, 1234] }],
    ["0,85 could be 0,85% or 85%", percent, "0,85", { code: "ambiguous_percent", value: 0.85 }],
    ["a negative number", percent, "-5", { code: "negative" }],
    ["1,234 for a count could be 1,234 or 1234", count, "1,234", { code: "ambiguous_number", text: "1,234", readings: [1.234, 1234] }],
    ["a fraction of a count", count, "2,5", { code: "not_integer", value: 2.5 }],
    ["b = 0", fraction, "3/0", { code: "zero_denominator" }],
    ["a > b", fraction, "9/8", { code: "numerator_exceeds", a: 9, b: 8 }],
    ["a decimal numerator", fraction, "2,5/8", { code: "not_integer", value: 2.5 }],
    ["points above the maximum", points, "12", { code: "out_of_range", value: 12, min: 0, max: 10 }],
    ["maybe for yes/no", yesNo, "có lẽ", { code: "expected_yes_no" }],
    ["money with a stray word", money, "5 con gà", { code: "not_a_number", expected: "money" }],
    ["an index value above 1", indexValue, "59,34", { code: "out_of_range", value: 59.34, min: 0, max: 1 }],
    ["đặc thù where not allowed", percent, "đặc thù", { code: "not_applicable_refused" }],
    ["a digit string too long to be exact", count, "12345678901234567", { code: "too_long" }],
    ["hundreds of leading zeros in the decimals (used to hang)", percent, `0,${"0".repeat(400)}1%`, { code: "too_long" }],
    ["a percent for a count", count, "85%", { code: "not_a_number", expected: "count" }],
    ["a fraction for a count", count, "3/4", { code: "not_a_number", expected: "count" }],
    ["digits split by a space that is no thousands group", count, "1 5", { code: "not_a_number", expected: "count" }],
    ["two numbers for money", money, "0,5 1", { code: "not_a_number", expected: "money" }],
  ])("%s", (_name, item, text, error) => {
    expect(parseFigure(text, item)).toEqual({ ok: false, error });
  });

  it("names the options when a level is not recognised or ambiguous", () => {
    const unknown = parseFigure("giám đốc sở", levels);
    expect(unknown.ok === false && unknown.error.code).toBe("unknown_choice");
    expect(unknown.ok === false && "options" in unknown.error && unknown.error.options.map((o) => o.id)).toEqual(["head", "deputy", "none"]);
    const twoLevels = parseFigure("bí thư, phó chủ tịch", levels);
    expect(twoLevels.ok === false && twoLevels.error.code).toBe("single_choice");
    expect(parseFigure("9", levels)).toMatchObject({ ok: false, error: { code: "unknown_choice" } });
    // A negated answer must not pick the option it names.
    expect(parseFigure("không phải chủ tịch", levels)).toMatchObject({ ok: false, error: { code: "unknown_choice" } });
    expect(parseFigure("chưa có", levels)).toEqual({ ok: true, figure: { kind: "choice", ids: ["none"] } });
  });
});
