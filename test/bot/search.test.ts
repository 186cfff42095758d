import { describe, expect, it } from "vitest";
import { createItemSearch, type SearchAnswer } from "../../src/bot/search.js";
import { realCatalog } from "../helpers/real.js";

const search = createItemSearch(realCatalog());
const SO = ["minh-hoa-so-nganh"];
const found = (answer: SearchAnswer) => (answer.kind === "item" ? answer.hit.node.code : answer.kind === "choose" ? answer.hits.map((h) => h.node.code) : null);

describe("item search", () => {
  it.each([
    ["họp không giấy"],
    ["hop khong giay"],
    ["hop khong giau"],
    ["cách tính điểm họp không giấy"],
    ["HỌP KHÔNG GIẤY?"],
  ])("finds the paperless-meetings item from «%s» (diacritics, case and typos do not matter)", (question) => {
    expect(found(search.find(question, SO))).toBe("6.3");
  });

  it("takes a code in the question over any words", () => {
    expect(found(search.find("chỉ số 6.2 là gì", SO))).toBe("6.2");
    expect(found(search.find("4.14", ["tay-ninh-2025-xa"]))).toBe("4.14");
  });

  it("prefers an item named with the phrase asked about over one sharing a word", () => {
    // "ký số" and "kỹ năng số" fold to the same first word; the phrase decides.
    expect(found(search.find("tiêu chí ký số được bao nhiêu điểm", SO))).toBe("6.2");
    expect(found(search.find("kỹ năng số", SO))).toBe("4.2");
  });

  it("offers two or three items when several fit about as well", () => {
    const answer = search.find("tieu chi ky so duoc bao nhieu diem", ["tay-ninh-2025-xa"]);
    expect(answer.kind).toBe("choose");
    expect((found(answer) as string[]).length).toBeGreaterThanOrEqual(2);
    expect((found(answer) as string[]).length).toBeLessThanOrEqual(3);
  });

  it("says nothing matches rather than guessing", () => {
    expect(search.find("thời tiết hôm nay thế nào", SO).kind).toBe("none");
    expect(search.find("chỉ số là gì", SO).kind).toBe("none");
    // A code no item has is said to be missing from the set, not answered with something else.
    expect(search.find("99.9 là gì", SO)).toEqual({ kind: "no_code", code: "99.9" });
  });

  it("stays within the rulesets it is given", () => {
    const answer = search.find("họp không giấy", ["tay-ninh-2025-xa"]);
    expect(answer.kind === "item" && answer.hit.ruleset.id).toBe("tay-ninh-2025-xa");
    const everywhere = search.find("họp không giấy", []);
    expect(everywhere.kind).toBe("choose");
  });
});
