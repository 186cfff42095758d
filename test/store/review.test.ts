import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OutboxInput } from "../../src/bot/ports/delivery.js";
import type { FigureRecord } from "../../src/bot/ports/records.js";
import type { ReviewDecision, ReviewInput } from "../../src/bot/ports/review.js";
import type { FigureInput } from "../../src/bot/ports/store.js";
import { createFileStorage } from "../../src/store/index.js";
import { BACKENDS, useStore } from "../helpers/databases.js";

const DAY = 86_400_000;
const NOW = new Date("2026-12-01T03:00:00Z");
const LATER = new Date(NOW.getTime() + 1000);
const share = (n: number, d: number) => ({ kind: "share" as const, value: { n, d } });
const notice = (key: string, identityId: number): OutboxInput => ({ key, identityId, kind: "notice", reply: { lines: [{ text: key }] }, notBefore: NOW });

describe.each(BACKENDS)("review, evidence and appeals on $name", (backend) => {
  const store = useStore(backend);
  let provinces = 0;

  /** A province with two units, an officer's chat, and a period whose submission deadline is `submissionDue`. */
  async function setup(submissionDue = new Date(NOW.getTime() + 10 * DAY)) {
    provinces += 1;
    const p = await store().provinces.ensure(`rv${provinces}`, `Tỉnh ${provinces}`);
    await store().units.upsertMany(p.id, [
      { code: "SYT", name: "Sở Y tế", kind: "department", groupCode: "so" },
      { code: "STP", name: "Sở Tư pháp", kind: "department", groupCode: "so" },
    ], "test");
    const period = await store().periods.open({
      provinceId: p.id, rulesetId: "minh-hoa-so-nganh", year: 2026, deadlines: [{ kind: "submission", dueAt: submissionDue }],
    }, "admin:test");
    const syt = (await store().units.byCode(p.id, "SYT"))!.id;
    const stp = (await store().units.byCode(p.id, "STP"))!.id;
    const chat = (await store().identities.touch("telegram", `rv-${provinces}`, NOW)).id;
    const entry = (unitId: number, itemCode: string, raw: string, n: number, d: number, more: Partial<FigureInput> = {}): FigureInput => ({
      periodId: period.id, unitId, itemCode, rawValue: raw, figure: share(n, d), status: "submitted",
      enteredBy: null, enteredByLabel: "Nguyễn Văn A", channel: "telegram", ...more,
    });
    const review = (unitId: number, itemCode: string, revision: number, decision: ReviewDecision): ReviewInput => ({
      periodId: period.id, unitId, itemCode, revision, decision, reviewerId: 77, reviewerLabel: "Thẩm định viên", channel: "telegram",
    });
    return { periodId: period.id, syt, stp, chat, entry, review };
  }

  /** Outbox rows whose key starts with `prefix`. */
  const queued = async (prefix: string) => (await store().outbox.due(new Date("9999-12-31T00:00:00Z"), 100_000)).filter((m) => m.key.startsWith(prefix));
  const noticeFor = (chat: number) => (record: FigureRecord) => [notice(`rv:${record.periodId}:${record.unitId}:${record.itemCode}:${record.revision}`, chat)];

  describe("reviews", () => {
    it("append a revision keeping the unit's figure beside the reviewed one, and change the figures version", async () => {
      const { periodId, syt, chat, entry, review } = await setup();
      const evidence = [{ number: "12/QĐ-SYT", date: "03/02/2026", summary: "Quyết định ban hành" }];
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20, { evidence, note: "Số liệu quý IV" }), NOW);
      const before = await store().figures.version(periodId);
      const result = await store().reviews.review(
        review(syt, "6.2", 1, { kind: "correct_figure", rawValue: "80%", figure: share(4, 5), reason: "Theo tài liệu kiểm chứng" }), noticeFor(chat), LATER,
      );
      expect(result).toMatchObject({
        ok: true,
        record: {
          revision: 2, rawValue: "85%", figure: share(17, 20), evidence, note: "Số liệu quý IV", reviewFigure: share(4, 5), reviewPoints: null,
          reviewNote: "Theo tài liệu kiểm chứng", evidenceDue: null, status: "reviewed", enteredBy: 77, enteredByLabel: "Thẩm định viên", at: LATER,
        },
      });
      expect(await store().figures.version(periodId)).not.toBe(before);
      expect((await store().figures.history(periodId, syt, "6.2")).map((f) => [f.revision, f.status, f.figure, f.reviewFigure])).toEqual([
        [1, "submitted", share(17, 20), null],
        [2, "reviewed", share(17, 20), share(4, 5)],
      ]);
      expect((await store().figures.current(periodId))[0]).toMatchObject({ revision: 2, figure: share(17, 20), reviewFigure: share(4, 5) });
      expect((await queued(`rv:${periodId}:`)).map((m) => m.key)).toEqual([`rv:${periodId}:${syt}:6.2:2`]);
      const logged = (await store().audit.list({ action: "figures.review" })).find((a) => a.target === `period:${periodId}/unit:${syt}/6.2`);
      expect(logged).toMatchObject({ actor: "Thẩm định viên", details: { kind: "correct_figure", revision: 2, reason: "Theo tài liệu kiểm chứng" } });
    });

    it("record each kind of decision: accept, corrected points, a request for evidence with its date", async () => {
      const { periodId, syt, chat, entry, review } = await setup();
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), NOW);
      await store().figures.record(entry(syt, "6.3", "1/2", 1, 2), NOW);
      await store().figures.record(entry(syt, "6.4", "3/4", 3, 4), NOW);
      const due = new Date(NOW.getTime() + 5 * DAY);
      const points = await store().reviews.review(review(syt, "6.2", 1, { kind: "correct_points", points: 7.25, reason: "Chưa đủ minh chứng" }), noticeFor(chat), LATER);
      const asked = await store().reviews.review(review(syt, "6.3", 1, { kind: "request_evidence", due, reason: "Bổ sung văn bản" }), noticeFor(chat), LATER);
      expect(points).toMatchObject({ ok: true, record: { status: "reviewed", reviewPoints: 7.25, reviewFigure: null, reviewNote: "Chưa đủ minh chứng" } });
      expect(asked).toMatchObject({ ok: true, record: { status: "evidence_requested", evidenceDue: due, reviewNote: "Bổ sung văn bản" } });
      // A correction is replaced by the next decision: accepting clears it.
      const accepted = await store().reviews.review(review(syt, "6.2", 2, { kind: "accept" }), noticeFor(chat), LATER);
      expect(accepted).toMatchObject({ ok: true, record: { revision: 3, status: "reviewed", reviewPoints: null, reviewNote: null, figure: share(17, 20) } });
      const current = new Map((await store().figures.currentForUnit(periodId, syt)).map((f) => [f.itemCode, f]));
      expect(current.get("6.3")).toMatchObject({ status: "evidence_requested", evidenceDue: due });
      expect(current.get("6.4")).toMatchObject({ status: "submitted", evidenceDue: null });
      // Asking for evidence after a correction keeps the correction.
      await store().reviews.review(review(syt, "6.4", 1, { kind: "correct_points", points: 1.5, reason: "Thiếu biên bản" }), noticeFor(chat), LATER);
      const more = await store().reviews.review(review(syt, "6.4", 2, { kind: "request_evidence", due, reason: "Gửi biên bản" }), noticeFor(chat), LATER);
      expect(more).toMatchObject({ ok: true, record: { status: "evidence_requested", reviewPoints: 1.5, reviewNote: "Gửi biên bản" } });
    });

    it("refuse a stale revision and an unknown figure, writing nothing", async () => {
      const { periodId, syt, chat, entry, review } = await setup();
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), NOW);
      await store().figures.record(entry(syt, "6.2", "90%", 9, 10), NOW);
      const version = await store().figures.version(periodId);
      expect(await store().reviews.review(review(syt, "6.2", 1, { kind: "accept" }), noticeFor(chat), LATER)).toEqual({ ok: false, reason: "stale" });
      expect(await store().reviews.review(review(syt, "9.9", 1, { kind: "accept" }), noticeFor(chat), LATER)).toEqual({ ok: false, reason: "not_found" });
      expect(await store().figures.history(periodId, syt, "6.2")).toHaveLength(2);
      expect(await store().figures.version(periodId)).toBe(version);
      expect(await queued(`rv:${periodId}:`)).toEqual([]);
    });

    it("let one of two reviewers deciding on the same revision at once win, the other is told it is stale", async () => {
      const { periodId, syt, chat, entry, review } = await setup();
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), NOW);
      const results = await Promise.all([
        store().reviews.review(review(syt, "6.2", 1, { kind: "accept" }), noticeFor(chat), LATER),
        store().reviews.review(review(syt, "6.2", 1, { kind: "correct_points", points: 5, reason: "Giảm điểm" }), noticeFor(chat), LATER),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale" }]);
      expect((await store().figures.history(periodId, syt, "6.2")).map((f) => f.revision)).toEqual([1, 2]);
    });

    it("are allowed after the submission deadline, when the unit itself can no longer write", async () => {
      const { periodId, syt, chat, entry, review } = await setup(new Date(NOW.getTime() - DAY));
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), new Date(NOW.getTime() - 2 * DAY));
      expect(await store().figures.record(entry(syt, "6.2", "99%", 99, 100), NOW)).toEqual({ ok: false, reason: "locked" });
      const result = await store().reviews.review(review(syt, "6.2", 1, { kind: "accept" }), noticeFor(chat), NOW);
      expect(result).toMatchObject({ ok: true, record: { revision: 2, status: "reviewed", rawValue: "85%" } });
      expect(await store().periods.isLocked(periodId, syt, NOW)).toBe(true);
    });

    it("queue the unit's notices in the same transaction: when building them fails, nothing is recorded", async () => {
      const { periodId, syt, entry, review } = await setup();
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), NOW);
      const version = await store().figures.version(periodId);
      const audited = (await store().audit.list({ action: "figures.review", limit: 1000 })).length;
      await expect(store().reviews.review(review(syt, "6.2", 1, { kind: "accept" }), () => {
        throw new Error("no template");
      }, LATER)).rejects.toThrow("no template");
      // An unknown recipient makes the outbox insert itself fail: the revision goes with it.
      await expect(store().reviews.review(review(syt, "6.2", 1, { kind: "accept" }), () => [notice(`rv:${periodId}:ghost`, 987_654)], LATER)).rejects.toThrow();
      expect(await store().figures.history(periodId, syt, "6.2")).toHaveLength(1);
      expect(await store().figures.version(periodId)).toBe(version);
      expect(await store().audit.list({ action: "figures.review", limit: 1000 })).toHaveLength(audited);
      expect(await queued(`rv:${periodId}:`)).toEqual([]);
    });
  });

  describe("evidence", () => {
    const file = { filename: "bao-cao.pdf", mimeType: "application/pdf", size: 1234, sha256: "ab".repeat(32), storageKey: `ab/${"ab".repeat(31)}` };

    it("keeps files and typed references per item, oldest first, audited", async () => {
      const { periodId, syt, entry } = await setup();
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20), NOW);
      const base = { periodId, unitId: syt, itemCode: "6.2", revision: 1, channel: "telegram" as const, addedBy: 5, addedByLabel: "Nguyễn Văn A" };
      const a = await store().evidence.add({ ...base, file }, "Nguyễn Văn A", NOW);
      const b = await store().evidence.add({ ...base, ref: { number: "15/KH-UBND", date: "10/01/2026", summary: "Kế hoạch chuyển đổi số" } }, "Nguyễn Văn A", LATER);
      const c = await store().evidence.add({ ...base, revision: 0, itemCode: "6.3", ref: { summary: "Báo cáo tháng" } }, "Nguyễn Văn A", LATER);
      expect(a).toMatchObject({ kind: "file", file, ref: null, revision: 1, channel: "telegram", addedBy: 5, at: NOW });
      expect(b).toMatchObject({ kind: "ref", file: null, ref: { number: "15/KH-UBND", date: "10/01/2026", summary: "Kế hoạch chuyển đổi số" } });
      expect(c.ref).toEqual({ summary: "Báo cáo tháng" });
      expect(await store().evidence.byId(a.id)).toEqual(a);
      expect(await store().evidence.byId(999_999)).toBeNull();
      expect((await store().evidence.forItem(periodId, syt, "6.2")).map((e) => e.id)).toEqual([a.id, b.id]);
      const logged = (await store().audit.list({ action: "evidence.add", limit: 1000 })).filter((x) => x.target.startsWith(`period:${periodId}/`));
      expect(logged).toHaveLength(3);
      expect(logged.at(-1)).toMatchObject({ details: { evidenceId: a.id, kind: "file", sha256: file.sha256 } });
      await expect(store().evidence.add(base, "Nguyễn Văn A", NOW)).rejects.toThrow(/file or a reference/);
    });

    it("tells which items have evidence: given on its own, or typed with the current figure", async () => {
      const { periodId, syt, stp, entry } = await setup();
      await store().evidence.add({
        periodId, unitId: stp, itemCode: "1.1", revision: 0, file, channel: "zalo", addedBy: null, addedByLabel: "Lê Văn C",
      }, "Lê Văn C", NOW);
      await store().figures.record(entry(syt, "6.2", "85%", 17, 20, { evidence: [{ summary: "Công văn 12" }] }), NOW);
      await store().figures.record(entry(syt, "6.3", "1/2", 1, 2), NOW);
      // A later revision without the reference: only the current one counts.
      await store().figures.record(entry(syt, "6.4", "1/2", 1, 2, { evidence: [{ summary: "Công văn 13" }] }), NOW);
      await store().figures.record(entry(syt, "6.4", "2/3", 2, 3), LATER);
      expect([...await store().evidence.itemsWithEvidence(periodId)].sort()).toEqual([`${stp}:1.1`, `${syt}:6.2`].sort());
    });
  });

  describe("appeals", () => {
    async function reviewed() {
      const s = await setup(new Date(NOW.getTime() - DAY));
      await store().figures.record(s.entry(s.syt, "6.2", "85%", 17, 20), new Date(NOW.getTime() - 2 * DAY));
      await store().reviews.review(s.review(s.syt, "6.2", 1, { kind: "correct_points", points: 2, reason: "Thiếu minh chứng" }), () => [], NOW);
      const appeal = { periodId: s.periodId, unitId: s.syt, itemCode: "6.2", revision: 2, reason: "Đã có văn bản", filedBy: 5, filedByLabel: "Nguyễn Văn A" };
      return { ...s, appeal };
    }

    it("one open appeal per item; decided once; a new one may be filed after", async () => {
      const { periodId, chat, appeal } = await reviewed();
      const filed = await store().appeals.file(appeal, (id) => [notice(`ap:${periodId}:${id}`, chat)], LATER);
      expect(filed).toMatchObject({ ...appeal, status: "open", filedAt: LATER, resolution: null, resolvedBy: null, resolvedAt: null });
      expect(await store().appeals.file({ ...appeal, reason: "Lần nữa" }, (id) => [notice(`ap:${periodId}:${id}`, chat)], LATER)).toBeNull();
      expect((await queued(`ap:${periodId}:`)).map((m) => m.key)).toEqual([`ap:${periodId}:${filed!.id}`]);
      const kept = await store().appeals.resolve(filed!.id, { status: "kept", note: "Giữ nguyên" }, "admin:Phạm D", [notice(`apr:${periodId}:1`, chat)], LATER);
      expect(kept).toMatchObject({ id: filed!.id, status: "kept", resolution: "Giữ nguyên", resolvedBy: "admin:Phạm D", resolvedAt: LATER });
      expect(await store().appeals.resolve(filed!.id, { status: "changed", note: "Đổi" }, "admin:Phạm D", [notice(`apr:${periodId}:2`, chat)], LATER)).toBeNull();
      expect((await queued(`apr:${periodId}:`)).map((m) => m.key)).toEqual([`apr:${periodId}:1`]);
      const again = await store().appeals.file(appeal, () => [], LATER);
      expect(again).toMatchObject({ status: "open" });
      expect((await store().appeals.forPeriod(periodId)).map((a) => a.status)).toEqual(["kept", "open"]);
      expect((await store().appeals.forPeriod(periodId, { status: "open" })).map((a) => a.id)).toEqual([again!.id]);
      expect(await store().appeals.byId(filed!.id)).toEqual(kept);
      const actions = (await store().audit.list({ limit: 1000 })).filter((a) => a.target === `period:${periodId}/unit:${appeal.unitId}/6.2`).map((a) => a.action);
      expect(actions.filter((a) => a.startsWith("appeals."))).toEqual(["appeals.file", "appeals.resolve", "appeals.file"]);
    });

    it("files one of several appeals sent at once for the same item", async () => {
      const { periodId, appeal } = await reviewed();
      const results = await Promise.all([1, 2, 3].map((i) => store().appeals.file({ ...appeal, reason: `Lý do ${i}` }, () => [], LATER)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store().appeals.forPeriod(periodId, { status: "open" })).toHaveLength(1);
    });

    it("a changed decision appends the review revision with the resolution; a stale one changes nothing", async () => {
      const { periodId, syt, chat, appeal, review } = await reviewed();
      const filed = (await store().appeals.file(appeal, () => [], LATER))!;
      const version = await store().figures.version(periodId);
      const stale = await store().appeals.resolve(filed.id, { status: "changed", note: "Chấp nhận", review: review(syt, "6.2", 1, { kind: "accept" }) },
        "admin:Phạm D", [notice(`apc:${periodId}:stale`, chat)], LATER);
      expect(stale).toBeNull();
      expect(await store().appeals.byId(filed.id)).toMatchObject({ status: "open" });
      expect(await store().figures.version(periodId)).toBe(version);
      const changed = await store().appeals.resolve(filed.id, { status: "changed", note: "Chấp nhận", review: review(syt, "6.2", 2, { kind: "accept" }) },
        "admin:Phạm D", [notice(`apc:${periodId}:ok`, chat)], LATER);
      expect(changed).toMatchObject({ status: "changed", resolution: "Chấp nhận", resolvedBy: "admin:Phạm D" });
      expect((await store().figures.history(periodId, syt, "6.2")).map((f) => [f.revision, f.status, f.reviewPoints])).toEqual([
        [1, "submitted", null], [2, "reviewed", 2], [3, "reviewed", null],
      ]);
      expect(await store().figures.version(periodId)).not.toBe(version);
      expect((await queued(`apc:${periodId}:`)).map((m) => m.key)).toEqual([`apc:${periodId}:ok`]);
      const resolved = (await store().audit.list({ action: "appeals.resolve", limit: 1000 })).find((a) => a.details["appealId"] === filed.id);
      expect(resolved).toMatchObject({ actor: "admin:Phạm D", details: { status: "changed", revision: 3 } });
    });

    it("records nothing when the notices cannot be queued", async () => {
      const { periodId, appeal } = await reviewed();
      await expect(store().appeals.file(appeal, () => {
        throw new Error("no template");
      }, LATER)).rejects.toThrow("no template");
      expect(await store().appeals.forPeriod(periodId)).toEqual([]);
      const filed = (await store().appeals.file(appeal, () => [], LATER))!;
      await expect(store().appeals.resolve(filed.id, { status: "kept", note: "Giữ" }, "admin", [notice(`apx:${periodId}`, 987_654)], LATER)).rejects.toThrow();
      expect(await store().appeals.byId(filed.id)).toMatchObject({ status: "open", resolution: null });
    });
  });
});

describe("evidence file storage on the local disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-evidence-"));
  const storage = createFileStorage(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores and reads back content under nested keys, and knows no missing key", async () => {
    const data = new Uint8Array([0, 1, 2, 250, 255]);
    await storage.put("ab/cdef0123.pdf", data);
    expect(await storage.get("ab/cdef0123.pdf")).toEqual(data);
    expect(await storage.get("ab/khong-co")).toBeNull();
    expect(await storage.get("zz/khong-co")).toBeNull();
    await storage.put("ab/cdef0123.pdf", new Uint8Array([9]));
    expect(await storage.get("ab/cdef0123.pdf")).toEqual(new Uint8Array([9]));
  });

  it("replaces a file whole: a reader sees the old content or the new one, and no temporary file is left", async () => {
    const a = new Uint8Array(2_000_000).fill(1);
    const b = new Uint8Array(3_000_000).fill(2);
    await storage.put("cd/big", a);
    const reads: Promise<Uint8Array | null>[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 10; i += 1) {
      writes.push(storage.put("cd/big", i % 2 === 0 ? b : a));
      reads.push(storage.get("cd/big"));
    }
    await Promise.all(writes);
    for (const read of await Promise.all(reads)) {
      expect(read === null ? "missing" : read.length === a.length ? read.every((x) => x === 1) : read.length === b.length && read.every((x) => x === 2)).toBe(true);
    }
    expect(readdirSync(join(dir, "cd"))).toEqual(["big"]);
  });

  it("cleans up after a failed write", async () => {
    writeFileSync(join(dir, "ef"), "a file where a folder should be");
    await expect(storage.put("ef/gh", new Uint8Array([1]))).rejects.toThrow();
    await storage.put("ij/kl", new Uint8Array([1]));
    expect(readdirSync(join(dir, "ij"))).toEqual(["kl"]);
  });

  it.each(["../x", "ab/../../x", "/etc/passwd", "AB/cd", "a b", "", "ab/", "ab//cd", "./ab", "ab\\cd", "ab/..", "ab/.", "~tmp"])(
    "refuses the key %j", async (key) => {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow(/not a storage key/);
      await expect(storage.get(key)).rejects.toThrow(/not a storage key/);
    },
  );
});
