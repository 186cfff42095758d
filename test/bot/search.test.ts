import { describe, expect, it } from "vitest";
import type { SearchAnswer } from "../../src/bot/search.js";
import { codeIn } from "../../src/bot/understand/index.js";
import { realSearch } from "../helpers/real.js";

const search = realSearch();
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

  it("finds an item by the long number it names, and ignores short numbers", () => {
    expect(found(search.find("1022 là gì", ["tay-ninh-2025-xa"]))).toEqual(["6.6", "6.7"]);
    expect(found(search.find("phản ánh qua 1022 giải quyết đúng hạn", ["tay-ninh-2025-xa"]))).toBe("6.6");
  });

  it("reads chat shorthand as the words it stands for", () => {
    expect(found(search.find("hop ko giay", SO))).toBe("6.3");
    expect(found(search.find("họp k giấy dc bn điểm", SO))).toBe("6.3");
  });

  it("does not match a word typed with its diacritics to an item that spells it otherwise («hiểu» is not «hiệu»)", () => {
    expect(search.find("tôi không hiểu", ["tay-ninh-2025-xa"]).kind).toBe("none");
  });

  it("offers a code several sets have in each set, rather than the first set's", () => {
    const answer = search.find("2.1 là gì", []);
    expect(answer.kind).toBe("choose");
    if (answer.kind !== "choose") return;
    expect(new Set(answer.hits.map((h) => h.ruleset.id)).size).toBe(answer.hits.length);
    expect(answer.hits.every((h) => h.node.code === "2.1")).toBe(true);
  });

  it("reads «mức 2» as a level, not item 2, and a code asked about inside a sentence", () => {
    expect(codeIn("đạt mức 2 thì được bao nhiêu điểm")).toBeNull();
    expect(codeIn("mục 2 là gì")).toEqual({ code: "2", placed: "marker" });
    // The label some provinces' tracking sheets give their items.
    expect(codeIn("DTI-28 tính thế nào")).toEqual({ code: "28", placed: "marker" });
    expect(codeIn("chỉ tiêu dti 7 cần minh chứng gì")).toEqual({ code: "7", placed: "marker" });
    expect(codeIn("cho hỏi 6.2 là gì")?.code).toBe("6.2");
    expect(codeIn("có 6.2 tỷ đồng")).toBeNull();
  });
});
