import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLAIN, renderReply, splitText } from "../../src/bot/render.js";
import { line, text } from "../../src/bot/reply.js";
import { TELEGRAM_HTML } from "../../src/channels/telegram/format.js";
import { createI18n } from "../../src/i18n/index.js";
import { workedExample } from "../../src/bot/worked-example.js";
import { walk } from "../../src/scoring/index.js";
import { realCatalog } from "../helpers/real.js";

const i18n = createI18n();
const textArb = fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(""), fc.constant("Sở Thông tin và Truyền thông — 12,5/100")), { maxLength: 60 })
  .map((lines) => lines.join("\n"));

describe("splitting long replies", () => {
  it("keeps every part within the limit, never blank, and loses no text", () => {
    fc.assert(fc.property(textArb, fc.integer({ min: 8, max: 120 }), (value, limit) => {
      const parts = splitText(value, limit);
      expect(parts.every((p) => p.length <= limit)).toBe(true);
      if (value.length > limit) expect(parts.every((p) => p.trim() !== "")).toBe(true);
      // Only whitespace may go, where a cut falls on a blank stretch.
      expect(parts.join("").replace(/\s/g, "")).toBe(value.replace(/\s/g, ""));
    }));
  });

  it("cuts only at line breaks when every line fits", () => {
    fc.assert(fc.property(textArb, (value) => {
      const limit = 64;
      fc.pre(value.split("\n").every((l) => l.length <= limit));
      const lines = new Set(splitText(value, limit).flatMap((p) => p.split("\n")));
      expect(value.split("\n").filter((l) => l !== "").every((l) => lines.has(l))).toBe(true);
    }));
  });

  it("leaves a short text alone", () => {
    expect(splitText("một dòng", 4096)).toEqual(["một dòng"]);
  });
});

/** A lone half of a surrogate pair: what Telegram refuses ("text must be encoded in UTF-8"). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TAG = /<(\/?)(b|i|code)>/g;

/** The tags of a part open and close in order, and every "&" starts an entity: what Telegram's HTML parser accepts. */
function wellFormed(part: string): boolean {
  const stack: string[] = [];
  for (const m of part.matchAll(TAG)) {
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  const rest = part.replace(TAG, "");
  return stack.length === 0 && !/[<>]/.test(rest) && !/&(?!amp;|lt;|gt;)/.test(rest);
}

const visibleText = (html: string) => html.replace(TAG, "").replace(/\s/g, "");

/** People's words with Vietnamese, emoji (pairs and sequences), "&" and "<" that become entities. */
const wordArb = fc.oneof(
  fc.string({ maxLength: 12 }), fc.constantFrom("Sở KH&CN", "😀", "👍🏽", "🇻🇳", "a<b", "điểm", "12,5", "—", "x".repeat(50), "😀".repeat(40)),
);
/** Lines as the renderer writes them for Telegram: escaped text, some of it bold, italic or code, some very long. */
const htmlArb = fc.array(
  fc.tuple(fc.array(wordArb, { maxLength: 30 }).map((w) => w.join(" ")), fc.constantFrom(undefined, "bold", "italic", "code") as fc.Arbitrary<"bold" | "italic" | "code" | undefined>),
  { maxLength: 40 },
).map((lines) => lines.map(([body, style]) => {
  const escaped = TELEGRAM_HTML.escape(body);
  return style ? TELEGRAM_HTML.style(escaped, style) : escaped;
}).join("\n"));

describe("splitting never cuts a character, a tag or an entity", () => {
  it("gives well-formed HTML parts within the limit, with no half emoji and no text lost", () => {
    fc.assert(fc.property(htmlArb, fc.integer({ min: 32, max: 300 }), (value, limit) => {
      const parts = splitText(value, limit, "html");
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(limit);
        expect(part).not.toMatch(LONE_SURROGATE);
        expect(wellFormed(part), part).toBe(true);
      }
      expect(parts.map(visibleText).join("")).toBe(visibleText(value));
    }), { numRuns: 300 });
  });

  it("keeps a style across a cut: the part closes it and the next opens it again", () => {
    const value = `<b>${"một hai ba ".repeat(10).trim()}</b>`;
    const parts = splitText(value, 48, "html");
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.startsWith("<b>") && p.endsWith("</b>"))).toBe(true);
  });

  it("cuts plain text between whole emoji when a line has no space", () => {
    const value = `a${"😀".repeat(3000)}`;
    const parts = splitText(value, 4096);
    expect(parts.every((p) => !LONE_SURROGATE.test(p) && p.length <= 4096)).toBe(true);
    expect(parts.join("")).toBe(value);
  });

  it("leaves an entity whole at the cut", () => {
    const value = `${"a".repeat(30)}&amp;${"b".repeat(30)}`;
    for (let limit = 32; limit < 40; limit += 1) {
      expect(splitText(value, limit, "html").every((p) => !/&(?!amp;)/.test(p))).toBe(true);
    }
  });
});

describe("rendering", () => {
  it("escapes our own messages and people's text alike, styles become tags", () => {
    const reply = renderReply(i18n, "vi", { lines: [text("<b>Sở KH&CN</b>", "bold"), line("bot-cancelled", undefined, "italic")] }, TELEGRAM_HTML);
    expect(reply.text).toBe("<b>&lt;b&gt;Sở KH&amp;CN&lt;/b&gt;</b>\n<i>Đã huỷ; chưa ghi số liệu nào.</i>");
  });

  it("writes explanations with a decimal comma in Vietnamese and a point in English", () => {
    const ruleset = realCatalog().get("minh-hoa-so-nganh")!;
    const example = workedExample(ruleset, walk(ruleset).find((n) => n.code === "6.2")!)!;
    expect(example.input).toBe("85%");
    expect(renderReply(i18n, "vi", { lines: [{ explain: example.explanation }] }, PLAIN).text).toBe("6.2: 85% × 10 = 8,5/10");
    expect(renderReply(i18n, "en", { lines: [{ explain: example.explanation }] }, PLAIN).text).toBe("6.2: 85% × 10 = 8.5/10");
  });

  it("has a worked example for every item that can stand alone, and each reads whole in both languages", () => {
    let examples = 0;
    for (const ruleset of realCatalog().all.filter((r) => r.completeness === "full")) {
      for (const node of walk(ruleset).filter((n) => n.children.length === 0 && n.rule)) {
        const example = workedExample(ruleset, node);
        const standsAlone = ["ratio", "yes_no", "tiers", "levels", "parts", "per_item", "per_report"].includes(node.rule!.type);
        expect(example !== null, `${ruleset.id} ${node.code}`).toBe(standsAlone);
        if (!example) continue;
        examples += 1;
        for (const locale of ["vi", "en"] as const) {
          const rendered = renderReply(i18n, locale, { lines: [{ explain: example.explanation }] }, PLAIN).text;
          expect(rendered, `${ruleset.id} ${node.code} ${locale}`).toContain(`${node.code}: `);
          expect(rendered).not.toMatch(/\{|undefined|NaN|null/);
        }
      }
    }
    expect(examples).toBeGreaterThan(50);
  });

  it("button labels are plain text, whatever the channel's markup", () => {
    const reply = renderReply(i18n, "vi", { lines: [], buttons: [[{ label: text("A & B", "bold"), action: "cmd:diem" }]] }, TELEGRAM_HTML);
    expect(reply.buttons).toEqual([[{ label: "A & B", action: "cmd:diem" }]]);
  });
});
