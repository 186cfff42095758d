import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysLeft } from "../../src/bot/handlers/dates.js";
import { DEFAULT_OFFICE_HOURS } from "../../src/bot/calendar.js";
import { queueReminders, type NotifyDeps } from "../../src/bot/notify/jobs.js";
import { createRecheck } from "../../src/bot/notify/recheck.js";
import { DEFAULT_REMINDERS } from "../../src/bot/notify/reminders.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { chatFixture, chatPerson, QUIET, type ChatFixture } from "../helpers/chat.js";
import { deliverToConsole } from "../helpers/delivery.js";
import { realCatalog } from "../helpers/real.js";

/** "57,19" as the bot writes it, back to a number. */
const num = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/**
 * A whole period, as a department runs it, with the clock moved forward:
 * reminders, figures sent one message at a time, approval, evidence,
 * review, a resubmission, an appeal, an early publication refused, the
 * publication, and questions after it. After every step, each figure in
 * what a person was told (a total, a rank, a class, days left, how many
 * items are missing) is checked against what the store computes for that
 * moment. A message that disagrees with the store fails the suite.
 */
describe("a whole period, checked against the store after every step", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  const deps = (): NotifyDeps => ({
    store: fixture.store, catalog: realCatalog(), scores: createScoreCache({ store: fixture.store, catalog: realCatalog() }), log: QUIET,
    office: DEFAULT_OFFICE_HOURS, reminders: DEFAULT_REMINDERS, channels: ["console"],
  });
  const at = (iso: string) => {
    fixture.clock.now = new Date(iso);
  };
  /** Deliver what is queued as the worker would now, each reminder decided again at this moment. */
  const pushes = () => deliverToConsole(fixture.store, () => fixture.clock.now, createRecheck(deps(), () => fixture.clock.now));

  /** The truth for Sở Y tế (S19) at this moment, as the store computes it. */
  async function truth() {
    const unit = (await fixture.store.units.byCode(1, "S19"))!;
    const outcome = await createScoreCache({ store: fixture.store, catalog: realCatalog() }).get(1);
    if (!outcome.ok) throw new Error("scores");
    const group = outcome.scores.groups.find((g) => g.self.units.some((u) => u.unitId === String(unit.id)))!;
    const self = group.self.units.find((u) => u.unitId === String(unit.id))!;
    const reviewed = group.reviewed.units.find((u) => u.unitId === String(unit.id))!;
    const period = (await fixture.store.periods.byId(1))!;
    const snapshot = await fixture.store.snapshots.latest(1, "published");
    const official = period.status === "published" ? snapshot?.units.find((u) => u.unitId === unit.id) ?? null : null;
    const officialSize = official ? snapshot!.units.filter((u) => u.groupCode === official.groupCode).length : 0;
    return { unit, self, reviewed, size: group.self.units.length, period, official, officialSize };
  }

  /** Every number about Sở Y tế in `text` agrees with the store now. */
  async function agrees(whole: string): Promise<string> {
    const t = await truth();
    const now = fixture.clock.now;
    // A preview's line says what a change would make ("57,19 → 60,39, xếp thứ 9/20"): a future, checked on confirmation.
    const text = whole.split("\n").filter((l) => !l.includes("→")).join("\n");
    for (const m of text.matchAll(/Tổng điểm tạm tính: ([\d.,]+)\/([\d.,]+)/g)) {
      expect(num(m[1]!), `provisional total in «${m[0]}»`).toBe(t.self.total);
      expect(num(m[2]!)).toBe(t.self.applicableMax);
    }
    for (const m of text.matchAll(/xếp thứ (\d+)\/(\d+)(?!.*công bố)/gi)) {
      if (t.official) continue;
      expect([Number(m[1]), Number(m[2])], `rank in «${m[0]}»`).toEqual([t.self.rank, t.size]);
    }
    for (const m of text.matchAll(/Tổng điểm chính thức: ([\d.,]+)\/([\d.,]+)/g)) {
      expect(num(m[1]!), "the published total").toBe(t.official ? t.official.total : t.reviewed.total);
    }
    for (const m of text.matchAll(/Hạn nộp: (\d{2})\/(\d{2})\/(\d{4}) \(còn (\d+) ngày\)/g)) {
      const due = t.period.deadlines.find((d) => d.kind === "submission")!.dueAt;
      expect(Number(m[4]), "days left as of now").toBe(daysLeft(now, due));
    }
    for (const m of text.matchAll(/Sở Y tế còn (\d+) chỉ số chưa có số liệu/g)) expect(Number(m[1]), "missing items").toBe(t.self.missing.length);
    if (t.official) {
      expect(text, "no provisional score after publication").not.toMatch(/tạm tính/);
      for (const m of text.matchAll(/Xếp thứ (\d+)\/(\d+) trong nhóm/g)) expect([Number(m[1]), Number(m[2])]).toEqual([t.official.rank, t.officialSize]);
    }
    return whole;
  }

  const officer = chatPerson(() => fixture, "sc-officer", "Cán bộ Sở Y tế");
  const leader = chatPerson(() => fixture, "sc-leader", "Lãnh đạo Sở Y tế");
  const reviewer = chatPerson(() => fixture, "sc-reviewer", "Thẩm định viên");
  const admin = chatPerson(() => fixture, "sc-admin", "Quản trị Sở");

  it("runs from the opening to the questions after publication, every message true when read", async () => {
    await officer.say(`/start ${await fixture.invite("officer", "S19")}`);
    await leader.say(`/start ${await fixture.invite("leader", "S19")}`);
    await reviewer.say(`/start ${await fixture.invite("reviewer", "S08")}`);
    await admin.say(`/start ${await fixture.invite("admin", null)}`);
    await pushes();

    // Open: what the unit stands at.
    await agrees(await leader.say("/diem"));
    await agrees(await officer.say("/thieu"));

    // Reminders: planned on Saturday for Monday, sent on Tuesday after a figure came in on Monday.
    at("2026-11-21T03:00:00Z");
    await queueReminders(deps(), fixture.clock.now);
    at("2026-11-23T02:00:00Z");
    await agrees(await officer.say("2.1 = có"));
    await agrees(await officer.tap(/^ok:/));
    at("2026-11-24T02:00:00Z");
    const reminded = await agrees(await pushes());
    expect(reminded).toMatch(/Sở Y tế còn \d+ chỉ số chưa có số liệu[^]*còn 6 ngày/);

    // Figures one message at a time: both are in the one preview that is confirmed.
    const first = await agrees(await officer.say("6.2 = 91%"));
    expect(first).toContain("• 6.2:");
    const second = await agrees(await officer.say("1.2 = 3"));
    expect(second).toMatch(/• 6\.2:[^]*• 1\.2:/);
    await agrees(await officer.tap(/^ok:/));
    const s19 = (await truth()).unit;
    const current = await fixture.store.figures.currentForUnit(1, s19.id);
    expect(current.find((f) => f.itemCode === "6.2")?.rawValue).toBe("91%");
    expect(current.find((f) => f.itemCode === "1.2")?.rawValue).toBe("3");

    // Approval by the leader, then evidence for an item that needs it.
    await agrees(await leader.say("/duyet"));
    await agrees(await leader.tap(/^ok:/));
    expect((await officer.send("ke-hoach.pdf", PDF, "4.1")).text).toContain("Đã nhận minh chứng cho chỉ số 4.1.");

    // Review after the submission deadline: a correction, told to the unit with the reviewed total the store has.
    at("2026-12-02T02:00:00Z");
    await reviewer.say("/thamdinh S19 6.2");
    await agrees(await reviewer.say("/thamdinh sua S19 6.2 = 50% | Biên bản kiểm tra ghi nhận 50%"));
    const told = await agrees(await pushes());
    expect(told).toMatch(/số liệu được điều chỉnh từ 91% thành 50%/);
    const effect = /tổng điểm sau thẩm định: [\d.,]+ → ([\d.,]+)\//.exec(told);
    expect(num(effect![1]!)).toBe((await truth()).reviewed.total);

    // The unit may not re-send after its deadline; an appeal instead, which holds the publication.
    expect(await officer.say("6.2 = 92%")).toMatch(/Đã quá hạn nộp số liệu/);
    expect(await officer.say("/khieunai 6.2 Đơn vị đã ký số toàn bộ văn bản đi")).toMatch(/Đã gửi khiếu nại số \d+/);
    await pushes();
    await admin.say("/congbo");
    expect(await admin.tap(/^pub:1$/)).toMatch(/Chưa công bố được: còn 1 khiếu nại/);
    const appeals = await admin.say("/khieunai");
    const id = /Số (\d+):/.exec(appeals)![1];
    expect(await admin.say(`/khieunai giu ${id} Biên bản kiểm tra là căn cứ`)).toMatch(/Đã giữ nguyên kết quả thẩm định/);
    await agrees(await pushes());

    // Before the review deadline, publishing is early: refused unless chosen knowingly; here it is cancelled.
    await admin.say("/congbo");
    expect(await admin.tap(/^pub:1$/)).toMatch(/^Công bố SỚM/);
    expect(await admin.tap(/^no:/)).toBe("Đã huỷ; chưa công bố kết quả.");
    expect((await fixture.store.periods.byId(1))!.status).toBe("open");

    // After the review deadline: published. Each person's result is the store's.
    at("2026-12-21T02:00:00Z");
    await admin.say("/congbo");
    expect(await admin.tap(/^pub:1$/)).toMatch(/^Công bố kết quả/);
    expect(await admin.tap(/^ok:/)).toMatch(/^Đã công bố kết quả năm 2025\./);
    const results = await pushes();
    const official = (await truth()).official!;
    expect(results).toMatch(new RegExp(`của Sở Y tế\\nTổng điểm: ${official.total.toLocaleString("vi-VN", { maximumFractionDigits: 2 }).replace(/\./g, "\\.")}/`));
    await agrees(results);

    // Questions after publication: one result, the published one.
    await agrees(await leader.say("/diem"));
    await agrees(await leader.say("/xephang"));
    await agrees(await officer.say("/hanchot"));
    await agrees(await officer.say("/muctieu"));
    await agrees(await officer.say("điểm 6.2 của sở em"));
    // Reminders queued before publication are not sent after it.
    at("2026-12-22T02:00:00Z");
    await queueReminders(deps(), fixture.clock.now);
    expect(await pushes()).not.toMatch(/chưa có số liệu/);
  });
});
