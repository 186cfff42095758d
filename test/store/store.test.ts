import { describe, expect, it } from "vitest";
import { hashCode } from "../../src/store/index.js";
import { BACKENDS, useStore } from "../helpers/databases.js";

const DAY = 86_400_000;
const NOW = new Date("2026-03-01T03:00:00Z");
const share = (n: number, d: number) => ({ kind: "share" as const, value: { n, d } });

describe.each(BACKENDS)("store on $name", (backend) => {
  const store = useStore(backend);

  async function province(code: string) {
    const p = await store().provinces.ensure(code, `Tỉnh ${code}`);
    await store().units.upsertMany(p.id, [
      { code: "SYT", name: "Sở Y tế", kind: "department", groupCode: "so" },
      { code: "STP", name: "Sở Tư pháp", kind: "department", groupCode: "so" },
      { code: "HC", name: "UBND quận Hải Châu", kind: "district", groupCode: "huyen" },
      { code: "HC1", name: "UBND phường Hải Châu I", kind: "commune", parentCode: "HC", groupCode: "xa" },
    ], "test");
    const unit = async (code: string) => (await store().units.byCode(p.id, code))!;
    return { p, unit };
  }

  async function openPeriod(provinceId: number, submissionDue: Date) {
    return store().periods.open({
      provinceId, rulesetId: "minh-hoa-so-nganh", year: 2025,
      deadlines: [{ kind: "submission", dueAt: submissionDue }, { kind: "publication", dueAt: new Date(submissionDue.getTime() + 30 * DAY) }],
    }, "admin:test");
  }

  const entry = (periodId: number, unitId: number, itemCode: string, raw: string, n: number, d: number) => ({
    periodId, unitId, itemCode, rawValue: raw, figure: share(n, d), status: "submitted" as const,
    enteredBy: null, enteredByLabel: "Nguyễn Văn A", channel: "telegram" as const,
  });

  describe("provinces and units", () => {
    it("keeps provinces unique by code and records rulesets per group", async () => {
      const a = await store().provinces.ensure("p1", "Tỉnh một");
      expect(await store().provinces.ensure("p1", "Tên khác")).toEqual(a);
      await store().provinces.assignRuleset(a.id, { groupCode: "so", groupName: "Sở, ngành", rulesetId: "minh-hoa-so-nganh" }, "test");
      await store().provinces.assignRuleset(a.id, { groupCode: "so", groupName: "Sở, ban, ngành", rulesetId: "khac" }, "test");
      expect(await store().provinces.rulesets(a.id)).toEqual([{ groupCode: "so", groupName: "Sở, ban, ngành", rulesetId: "khac" }]);
    });

    it("creates and updates units by code, parents included, and lists them", async () => {
      const { p, unit } = await province("p2");
      expect((await unit("HC1")).parentId).toBe((await unit("HC")).id);
      const again = await store().units.upsertMany(p.id, [{ code: "SYT", name: "Sở Y tế thành phố", kind: "department", tags: ["co_tthc"] }], "test");
      expect(again).toEqual({ created: 0, updated: 1 });
      expect(await unit("SYT")).toMatchObject({ name: "Sở Y tế thành phố", tags: ["co_tthc"], active: true });
      expect((await store().units.list(p.id)).map((u) => u.code).sort()).toEqual(["HC", "HC1", "STP", "SYT"]);
    });

    it("imports all or nothing: an unknown parent leaves the directory unchanged", async () => {
      const p = await store().provinces.ensure("p3", "Tỉnh ba");
      await expect(store().units.upsertMany(p.id, [
        { code: "A", name: "Đơn vị A", kind: "commune" },
        { code: "B", name: "Đơn vị B", kind: "commune", parentCode: "KHONG_CO" },
      ], "test")).rejects.toThrow(/KHONG_CO/);
      expect(await store().units.list(p.id)).toEqual([]);
    });

    it("records a merger: predecessors become inactive and the succession is kept", async () => {
      const { p, unit } = await province("p4");
      await store().units.upsertMany(p.id, [{ code: "HCM", name: "Phường Hải Châu (mới)", kind: "commune" }], "test");
      await store().units.addSuccession((await unit("HC1")).id, (await unit("HCM")).id, new Date("2025-07-01"), "Sắp xếp đơn vị hành chính", "test");
      expect((await unit("HC1")).active).toBe(false);
      expect(await store().units.successions(p.id)).toEqual([
        { fromUnitId: (await unit("HC1")).id, toUnitId: (await unit("HCM")).id, effectiveOn: new Date("2025-07-01"), note: "Sắp xếp đơn vị hành chính" },
      ]);
      expect((await store().units.list(p.id, { activeOnly: true })).map((u) => u.code)).not.toContain("HC1");
    });
  });

  describe("people, roles and identities", () => {
    it("one person may hold roles in several units; an unknown unit imports nothing", async () => {
      const { p, unit } = await province("p5");
      const result = await store().people.importMany(p.id, [
        { fullName: "Trần Thị B", phone: "0905000001", unitCode: "SYT", role: "officer" },
        { fullName: "Trần Thị B", phone: "0905000001", unitCode: "STP", role: "officer" },
        { fullName: "Lê Văn C", phone: "0905000002", unitCode: "SYT", role: "leader" },
        { fullName: "Phạm D", email: "d@sokhcn.gov.vn", unitCode: null, role: "admin" },
      ], "test");
      expect(result).toEqual({ people: 3, roles: 4 });
      const officers = await store().people.holders(p.id, (await unit("STP")).id, "officer");
      expect(officers.map((x) => x.fullName)).toEqual(["Trần Thị B"]);
      expect((await store().people.roles(officers[0]!.id)).map((r) => r.unitId)).toEqual([(await unit("SYT")).id, (await unit("STP")).id]);
      expect((await store().people.holders(p.id, null, "admin")).map((x) => x.fullName)).toEqual(["Phạm D"]);
      // Importing the same person again, now with an e-mail, adds no second person.
      await store().people.importMany(p.id, [{ fullName: "trần thị b", phone: "0905000001", email: "b@example.vn", unitCode: "SYT", role: "officer" }], "test");
      expect((await store().people.list(p.id)).filter((x) => x.fullName.toLowerCase() === "trần thị b")).toHaveLength(1);
      await expect(store().people.importMany(p.id, [
        { fullName: "Người mới", unitCode: "SYT", role: "officer" },
        { fullName: "Người sai", unitCode: "KHONG_CO", role: "officer" },
      ], "test")).rejects.toThrow(/KHONG_CO/);
      expect((await store().people.list(p.id)).map((x) => x.fullName)).not.toContain("Người mới");
    });

    it("keeps long platform ids exact, tracks the last interaction and reachability", async () => {
      const zaloId = "6543210987654321098"; // above 2^53: must stay a string
      const first = await store().identities.touch("zalo", zaloId, NOW, { displayName: "Cán bộ" });
      expect(first).toMatchObject({ externalId: zaloId, reachable: true, lastInteractionAt: NOW, language: "vi" });
      await store().identities.markUnreachable(first.id, "user_left_oa");
      expect(await store().identities.find("zalo", zaloId)).toMatchObject({ reachable: false, unreachableReason: "user_left_oa" });
      const later = new Date(NOW.getTime() + DAY);
      expect(await store().identities.touch("zalo", zaloId, later)).toMatchObject({ id: first.id, reachable: true, lastInteractionAt: later });
      await store().identities.setLanguage(first.id, "en");
      expect((await store().identities.find("zalo", zaloId))!.language).toBe("en");
    });
  });

  describe("invite codes", () => {
    it("store only a hash, accept the code however it is typed, and run out after their uses", async () => {
      const { p, unit } = await province("p6");
      const { invite, code } = await store().invites.create({ provinceId: p.id, unitId: (await unit("SYT")).id, role: "officer", maxUses: 2, expiresAt: new Date(NOW.getTime() + 7 * DAY) }, "admin:test");
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(hashCode(code, "secret-a")).toMatch(/^[0-9a-f]{64}$/);
      expect(hashCode(code, "secret-a")).not.toBe(hashCode(code, "secret-b"));
      expect(JSON.stringify(invite)).not.toContain(code);
      const a = await store().identities.touch("telegram", "1001", NOW);
      const b = await store().identities.touch("telegram", "1002", NOW);
      const c = await store().identities.touch("telegram", "1003", NOW);
      const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
      expect(await store().invites.redeem(typed, a.id, NOW)).toMatchObject({ ok: true, invite: { role: "officer" } });
      // The same person using the code again takes no second use.
      expect(await store().invites.redeem(code, a.id, NOW)).toMatchObject({ ok: true });
      expect(await store().invites.redeem(code, b.id, NOW)).toMatchObject({ ok: true });
      expect(await store().invites.redeem(code, c.id, NOW)).toEqual({ ok: false, reason: "used_up" });
      expect(await store().invites.redeem("KHONGTONTAI", c.id, NOW)).toEqual({ ok: false, reason: "unknown" });
    });

    it("join binds the chat, creates the person and grants the role in one step, once", async () => {
      const { p, unit } = await province("p6b");
      const syt = (await unit("SYT")).id;
      const { code } = await store().invites.create({ provinceId: p.id, unitId: syt, role: "officer", maxUses: 3, expiresAt: new Date(NOW.getTime() + DAY) }, "admin:test");
      const id = await store().identities.touch("telegram", "4242", NOW, { displayName: "Hoàng Văn E" });
      const joined = await store().invites.join(code, id.id, "Cán bộ", NOW);
      expect(joined).toMatchObject({ ok: true, newRole: true, invite: { unitId: syt, role: "officer" } });
      const again = await store().invites.join(code, id.id, "Cán bộ", NOW);
      expect(again).toMatchObject({ ok: true, newRole: false });
      const identity = (await store().identities.find("telegram", "4242"))!;
      expect(identity).toMatchObject({ personId: joined.ok ? joined.personId : -1, activeUnitId: syt });
      expect((await store().people.byId(identity.personId!))!.fullName).toBe("Hoàng Văn E");
      expect((await store().people.roles(identity.personId!)).map((r) => [r.role, r.unitId])).toEqual([["officer", syt]]);
      expect((await store().invites.list(p.id))[0]!.uses).toBe(1);
    });

    it("refuse expired and revoked codes", async () => {
      const p = await store().provinces.ensure("p7", "Tỉnh bảy");
      const id = (await store().identities.touch("telegram", "2001", NOW)).id;
      const expired = await store().invites.create({ provinceId: p.id, unitId: null, role: "admin", maxUses: 1, expiresAt: new Date(NOW.getTime() - 1) }, "admin:test");
      expect(await store().invites.redeem(expired.code, id, NOW)).toEqual({ ok: false, reason: "expired" });
      const revoked = await store().invites.create({ provinceId: p.id, unitId: null, role: "admin", maxUses: 1, expiresAt: new Date(NOW.getTime() + DAY) }, "admin:test");
      expect(await store().invites.revoke(revoked.invite.id, "admin:test", NOW)).toBe(true);
      expect(await store().invites.redeem(revoked.code, id, NOW)).toEqual({ ok: false, reason: "revoked" });
    });

    it("give the last use to exactly one of several people redeeming at once", async () => {
      const p = await store().provinces.ensure("p8", "Tỉnh tám");
      const { code } = await store().invites.create({ provinceId: p.id, unitId: null, role: "admin", maxUses: 1, expiresAt: new Date(NOW.getTime() + DAY) }, "admin:test");
      const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => store().identities.touch("telegram", `30${i}`, NOW)));
      const results = await Promise.all(ids.map((i) => store().invites.redeem(code, i.id, NOW)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["used_up", "used_up", "used_up", "used_up"]);
    });
  });

  describe("periods, figures and history", () => {
    it("appends a revision for every change and answers who changed an item and when", async () => {
      const { p, unit } = await province("p9");
      const period = await openPeriod(p.id, new Date(NOW.getTime() + 10 * DAY));
      const syt = (await unit("SYT")).id;
      await store().figures.record(entry(period.id, syt, "4.14", "394/508", 197, 254), NOW);
      await store().figures.record({ ...entry(period.id, syt, "4.14", "400/508", 100, 127), enteredByLabel: "Lê Văn C", channel: "zalo" }, new Date(NOW.getTime() + 1000));
      await store().figures.record({ ...entry(period.id, syt, "4.14", null as unknown as string, 0, 1), rawValue: null, figure: null, status: "withdrawn" }, new Date(NOW.getTime() + 2000));
      const history = await store().figures.history(period.id, syt, "4.14");
      expect(history.map((h) => [h.revision, h.rawValue, h.enteredByLabel, h.channel, h.status])).toEqual([
        [1, "394/508", "Nguyễn Văn A", "telegram", "submitted"],
        [2, "400/508", "Lê Văn C", "zalo", "submitted"],
        [3, null, "Nguyễn Văn A", "telegram", "withdrawn"],
      ]);
      expect(history[0]!.figure).toEqual(share(197, 254));
      expect((await store().figures.current(period.id)).map((f) => [f.itemCode, f.revision, f.figure])).toEqual([["4.14", 3, null]]);
    });

    it("locks figures after the submission deadline unless an admin reopens the unit, and audits forced writes", async () => {
      const { p, unit } = await province("p10");
      const period = await openPeriod(p.id, new Date(NOW.getTime() - DAY));
      const syt = (await unit("SYT")).id;
      expect(await store().figures.record(entry(period.id, syt, "6.2", "85%", 17, 20), NOW)).toEqual({ ok: false, reason: "locked" });
      await store().periods.reopen({ periodId: period.id, unitId: syt, until: new Date(NOW.getTime() + DAY), reason: "Bổ sung minh chứng" }, "admin:test");
      expect(await store().periods.isLocked(period.id, syt, NOW)).toBe(false);
      expect(await store().figures.record(entry(period.id, syt, "6.2", "85%", 17, 20), NOW)).toMatchObject({ ok: true, record: { revision: 1 } });
      expect(await store().periods.isLocked(period.id, syt, new Date(NOW.getTime() + 2 * DAY))).toBe(true);
      const stp = (await unit("STP")).id;
      expect(await store().figures.record(entry(period.id, stp, "6.2", "80%", 4, 5), NOW, { force: true })).toMatchObject({ ok: true });
      expect((await store().audit.list({ action: "figure.force" }))[0]).toMatchObject({ actor: "Nguyễn Văn A", target: `period:${period.id}/unit:${stp}/6.2` });
      await store().periods.setStatus(period.id, "published", "admin:test");
      // Publication closes the period for everyone, a running reopening included.
      expect(await store().figures.record(entry(period.id, syt, "6.2", "90%", 9, 10), NOW)).toEqual({ ok: false, reason: "period_closed" });
      const hc = (await unit("HC")).id;
      expect(await store().figures.record(entry(period.id, hc, "6.2", "90%", 9, 10), new Date(NOW.getTime() - 2 * DAY))).toEqual({ ok: false, reason: "period_closed" });
    });

    it("loses no update when the same figure is written many times at once", async () => {
      const { p, unit } = await province("p11");
      const period = await openPeriod(p.id, new Date(NOW.getTime() + DAY));
      const syt = (await unit("SYT")).id;
      const writes = Array.from({ length: 12 }, (_, i) => store().figures.record(entry(period.id, syt, "6.2", `${50 + i}%`, 50 + i, 100), NOW));
      const results = await Promise.all(writes);
      expect(results.every((r) => r.ok)).toBe(true);
      const history = await store().figures.history(period.id, syt, "6.2");
      expect(history.map((h) => h.revision)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(history.map((h) => h.rawValue)).size).toBe(12);
      expect((await store().figures.currentForUnit(period.id, syt))[0]!.revision).toBe(12);
    });

    it("imports many figures in one transaction, all or nothing", async () => {
      const { p, unit } = await province("p12");
      const open = await openPeriod(p.id, new Date(NOW.getTime() + DAY));
      const syt = (await unit("SYT")).id;
      const stp = (await unit("STP")).id;
      await store().figures.record(entry(open.id, syt, "6.2", "50%", 1, 2), NOW);
      const result = await store().figures.recordMany([entry(open.id, syt, "6.2", "85%", 17, 20), entry(open.id, stp, "6.2", "90%", 9, 10)], NOW);
      expect(result).toEqual({ ok: true, count: 2 });
      expect((await store().figures.history(open.id, syt, "6.2")).map((h) => h.rawValue)).toEqual(["50%", "85%"]);
      await store().periods.setStatus(open.id, "review", "admin:test");
      const refused = await store().figures.recordMany([entry(open.id, stp, "6.3", "1/2", 1, 2)], NOW);
      expect(refused).toEqual({ ok: false, reason: "period_closed", unitId: stp });
      expect(await store().figures.history(open.id, stp, "6.3")).toEqual([]);
    });

    it("a confirmed chat batch and the use of its confirmation commit together, once", async () => {
      const { p, unit } = await province("p20");
      const period = await openPeriod(p.id, new Date(NOW.getTime() + DAY));
      const syt = (await unit("SYT")).id;
      const identity = await store().identities.touch("telegram", "13001", NOW);
      const later = new Date(NOW.getTime() + 60_000);
      const pendingId = await store().pending.create(identity.id, "submit", {}, new Date(NOW.getTime() + 3 * DAY));
      const batch = [entry(period.id, syt, "6.2", "85%", 17, 20), entry(period.id, syt, "6.3", "1/2", 1, 2)];
      const use = { id: pendingId, identityId: identity.id };
      // Refused at the deadline: nothing written, and the confirmation is still there to use.
      const afterDeadline = new Date(NOW.getTime() + 2 * DAY);
      expect(await store().figures.recordMany(batch, afterDeadline, { source: "chat", pending: use })).toMatchObject({ ok: false, reason: "locked" });
      expect(await store().pending.peek(pendingId, identity.id, later)).toMatchObject({ ok: true, kind: "submit" });
      // Two taps at once: one batch recorded.
      const taps = await Promise.all([1, 2].map(() => store().figures.recordMany(batch, later, { source: "chat", pending: use })));
      expect(taps.filter((t) => t.ok)).toHaveLength(1);
      expect(taps.filter((t) => !t.ok)).toEqual([{ ok: false, reason: "pending_gone" }]);
      expect((await store().figures.currentForUnit(period.id, syt)).map((f) => f.revision)).toEqual([1, 1]);
      expect((await store().audit.list({ action: "figures.import" })).filter((a) => a.target === `period:${period.id}`)).toHaveLength(0);
    });

    it("approves only the revisions a leader was shown", async () => {
      const { p, unit } = await province("p21");
      const period = await openPeriod(p.id, new Date(NOW.getTime() + DAY));
      const syt = (await unit("SYT")).id;
      await store().figures.record(entry(period.id, syt, "6.2", "85%", 17, 20), NOW);
      await store().figures.record(entry(period.id, syt, "6.3", "1/2", 1, 2), NOW);
      const identity = await store().identities.touch("telegram", "14001", NOW);
      const pendingId = await store().pending.create(identity.id, "approve", {}, new Date(NOW.getTime() + 30 * 60_000));
      // 6.3 changes after the leader looked at revision 1.
      await store().figures.record(entry(period.id, syt, "6.3", "2/3", 2, 3), NOW);
      const result = await store().figures.approve({
        periodId: period.id, unitId: syt, items: [{ itemCode: "6.2", revision: 1 }, { itemCode: "6.3", revision: 1 }],
        personId: 1, label: "Lãnh đạo", channel: "telegram", pending: { id: pendingId, identityId: identity.id },
      }, NOW);
      expect(result).toEqual({ ok: true, approved: ["6.2"], changed: ["6.3"] });
      const current = await store().figures.currentForUnit(period.id, syt);
      expect(current.map((f) => [f.itemCode, f.status, f.rawValue])).toEqual([["6.2", "approved", "85%"], ["6.3", "submitted", "2/3"]]);
    });
  });

  describe("snapshots and the audit log", () => {
    it("keeps provisional and published snapshots and returns the latest of each kind", async () => {
      const { p, unit } = await province("p13");
      const period = await openPeriod(p.id, new Date(NOW.getTime() + DAY));
      const syt = (await unit("SYT")).id;
      const detail = { selfTotal: 80, indices: [{ code: "1", points: 12.5, max: 15 }], items: [{ code: "1.1", points: 5, effect: "base" as const }], missing: ["2.1"] };
      await store().snapshots.save(period.id, "provisional", [{ unitId: syt, groupCode: "so", rank: 2, total: 70.25, max: 100, value: 0.7025, classId: "kha", detail }], "system");
      await store().snapshots.save(period.id, "provisional", [{ unitId: syt, groupCode: "so", rank: 1, total: 81.5, max: 100, value: 0.815, classId: "tot", detail }], "system");
      const latest = await store().snapshots.latest(period.id, "provisional");
      expect(latest!.units).toEqual([{ unitId: syt, groupCode: "so", rank: 1, total: 81.5, max: 100, value: 0.815, classId: "tot", detail }]);
      expect(await store().snapshots.latest(period.id, "published")).toBeNull();
      expect((await store().snapshots.list(period.id)).map((s) => s.kind)).toEqual(["provisional", "provisional"]);
    });

    it("records every administrative action", async () => {
      const actions = (await store().audit.list({ limit: 500 })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(["units.import", "period.open", "period.reopen", "period.status", "invite.create", "invite.redeem", "invite.revoke", "people.import", "units.succession", "snapshot.save"]));
    });
  });

  describe("the inbox of chat updates", () => {
    it("gives up an update whose handling never finished three times, and keeps it from being handled again", async () => {
      const inbox = store().inbox;
      // Each begin is an attempt; the process "dies" each time (no done) and the update is left over for the next start.
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        expect(await inbox.begin("telegram", "poison", "{}", NOW)).toBe("go");
        expect(await inbox.unhandled("telegram")).toEqual([{ externalId: "poison", payload: "{}" }]);
      }
      // The fourth start finds it exhausted: marked failed with the reason, never handled again.
      expect(await inbox.begin("telegram", "poison", "{}", NOW)).toBe("exhausted");
      expect(await inbox.unhandled("telegram")).toEqual([]);
      expect(await inbox.begin("telegram", "poison", "{}", NOW)).toBe("done");
      expect(await inbox.record("telegram", "poison", "{}", NOW)).toBe("done");
      // Another update is not affected.
      expect(await inbox.begin("telegram", "fine", "{}", NOW)).toBe("go");
      await inbox.done("telegram", "fine", NOW);
      expect(await inbox.begin("telegram", "fine", "{}", NOW)).toBe("done");
    });

    it("deletes updates and spent confirmations older than the retention; nothing newer", async () => {
      const day = 86_400_000;
      const old = new Date(NOW.getTime() - 40 * day);
      await store().inbox.record("zalo", "old-event", "{\"text\":\"tên và lời nhắn\"}", old);
      await store().inbox.record("zalo", "new-event", "{}", NOW);
      const cutoff = new Date(NOW.getTime() - 30 * day);
      expect(await store().inbox.prune(cutoff)).toBeGreaterThanOrEqual(1);
      expect(await store().inbox.record("zalo", "new-event", "{}", NOW)).toBe("unfinished");
      expect(await store().inbox.record("zalo", "old-event", "{}", NOW)).toBe("new");
    });
  });
});
