import { describe, expect, it } from "vitest";
import { parseIntent, splitFigureLines } from "../../src/bot/intents.js";
import type { Inbound } from "../../src/bot/reply.js";

const at = new Date("2026-11-21T03:00:00Z");
const msg = (text: string, extra: Partial<Inbound> = {}): Inbound => ({ channel: "telegram", updateId: "1", userId: "1", chatId: "1", chatType: "private", text, at, ...extra });
const tap = (action: string): Inbound => ({ channel: "telegram", updateId: "1", userId: "1", chatId: "1", chatType: "private", action, at });

describe("reading a message", () => {
  it.each([
    ["/start ABCD234567", { kind: "start", code: "ABCD234567" }],
    ["/start", { kind: "start" }],
    ["/diem", { kind: "score" }],
    ["/score", { kind: "score" }],
    ["/thieu", { kind: "missing" }],
    ["/muctieu", { kind: "target" }],
    ["/xephang", { kind: "ranking" }],
    ["/hanchot", { kind: "deadlines" }],
    ["/duyet", { kind: "approve" }],
    ["/huongdan", { kind: "help" }],
    ["/ngonngu en", { kind: "language", to: "en" }],
    ["/ngonngu Tiếng Việt", { kind: "language", to: "vi" }],
    ["/ngonngu", { kind: "language" }],
    ["/nop 4.14 394/508", { kind: "submit", text: "4.14 394/508" }],
    ["/sua 4.14 = 400/508", { kind: "submit", text: "4.14 = 400/508" }],
    ["/huy 4.14", { kind: "withdraw", code: "4.14" }],
    ["/chiso họp không giấy", { kind: "ask", text: "họp không giấy" }],
    ["/dunglai", { kind: "unknown_command", command: "dunglai" }],
  ])("%s", (text, intent) => {
    expect(parseIntent(msg(text), "dti_test_bot")).toEqual(intent);
  });

  it.each([
    ["4.14 = 77,6%"],
    ["4.14: 394/508"],
    ["4.14 85%"],
    ["3.5 có"],
    ["3.5 khong"],
    ["4.22.1 = 3"],
    ["6.2 = 100%\n6.3 = 508/508"],
    ["6.2 = 100%; 6.3 = 508/508"],
  ])("«%s» is a submission", (text) => {
    expect(parseIntent(msg(text)).kind).toBe("submit");
  });

  it.each([
    ["4.14 là gì"],
    ["chỉ số 4.14 là gì"],
    ["4.14 tính điểm thế nào"],
    ["6.2 có bao nhiêu điểm"],
    ["2.1 có cần minh chứng gì không"],
    ["cách tính điểm họp không giấy"],
  ])("«%s» is a question", (text) => {
    expect(parseIntent(msg(text)).kind).toBe("ask");
  });

  it("takes an invite code pasted alone as joining", () => {
    expect(parseIntent(msg("abcd234567"))).toEqual({ kind: "start", code: "abcd234567" });
  });

  it("in a group, answers only commands and messages addressed to the bot", () => {
    expect(parseIntent(msg("6.2 = 80%", { chatType: "group", addressed: false }), "dti_test_bot").kind).toBe("ignore");
    expect(parseIntent(msg("@dti_test_bot 6.2 = 80%", { chatType: "group", addressed: true }), "dti_test_bot")).toEqual({ kind: "submit", text: "6.2 = 80%" });
    expect(parseIntent(msg("/diem@dti_test_bot", { chatType: "group" }), "dti_test_bot").kind).toBe("score");
    // A command meant for another bot in the same group.
    expect(parseIntent(msg("/diem@other_bot", { chatType: "group" }), "dti_test_bot").kind).toBe("ignore");
  });

  it("reads button taps, and ignores taps it does not know", () => {
    expect(parseIntent(tap("ok:12"))).toEqual({ kind: "confirm", id: 12 });
    expect(parseIntent(tap("no:12"))).toEqual({ kind: "cancel", id: 12 });
    expect(parseIntent(tap("item:minh-hoa-so-nganh:6.2"))).toEqual({ kind: "item", rulesetId: "minh-hoa-so-nganh", code: "6.2" });
    expect(parseIntent(tap("item:minh-hoa-so-nganh:6.2:evidence"))).toEqual({ kind: "item", rulesetId: "minh-hoa-so-nganh", code: "6.2", focus: "evidence" });
    // A focus the bot does not know is dropped, not passed on.
    expect(parseIntent(tap("item:minh-hoa-so-nganh:6.2:salary"))).toEqual({ kind: "item", rulesetId: "minh-hoa-so-nganh", code: "6.2" });
    expect(parseIntent(tap("cmd:diem"))).toEqual({ kind: "score" });
    expect(parseIntent(tap("lang:en"))).toEqual({ kind: "language", to: "en" });
    expect(parseIntent(tap("ok:abc")).kind).toBe("ignore");
    expect(parseIntent(tap("cmd:rm -rf")).kind).toBe("ignore");
    expect(parseIntent(msg("   ")).kind).toBe("ignore");
  });
});

describe("splitting figures", () => {
  it("one per line, or separated by semicolons before a code; a semicolon inside a value stays", () => {
    expect(splitFigureLines("6.2 = 100%\r\n\n6.3 = 5/8")).toEqual(["6.2 = 100%", "6.3 = 5/8"]);
    expect(splitFigureLines("6.2 = 100%; 6.3 = 5/8")).toEqual(["6.2 = 100%", "6.3 = 5/8"]);
    expect(splitFigureLines("4.1 = có; kiêm nhiệm")).toEqual(["4.1 = có; kiêm nhiệm"]);
  });
});
