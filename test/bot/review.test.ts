import { readdirSync } from "node:fs";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { realCatalog } from "../helpers/real.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAIN, renderReply } from "../../src/bot/render.js";
import { chatFixture, chatPerson, withClock, type ChatFixture } from "../helpers/chat.js";
import { deliverToConsole } from "../helpers/delivery.js";
import { EXE, GIF, PDF } from "../helpers/evidence-files.js";

describe("evidence, review and appeals in chat", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());
  const person = (userId: string) => chatPerson(() => fixture, userId);
  const join = async (userId: string, role: "officer" | "leader" | "reviewer" | "admin", unit: string | null) => {
    const p = person(userId);
    await p.say(`/start ${await fixture.invite(role, unit)}`);
    return p;
  };

  it("keeps a PDF sent with its item code, with its checksum, and lists it; the item counts as complete once it has evidence", async () => {
    const officer = await join("e1", "officer", "S19");
    const preview = await officer.say("4.1 = kiêm nhiệm");
    expect(preview).toContain("Xin xác nhận 1 số liệu của Sở Y tế");
    // The evidence typed with the earlier figure would go with the new one: the officer says it no longer applies.
    expect(preview).toMatch(/minh chứng đi kèm: .+ — vẫn dùng cho số liệu mới/);
    await officer.tap(/^okd:/);
    // 4.1 demands evidence: a new figure without any is incomplete, and /thieu says so.
    expect(await officer.say("/thieu")).toMatch(/chỉ số đã có số liệu nhưng còn thiếu minh chứng bắt buộc[\s\S]*• 4\.1 /);
    // The leader is told 4.1 cannot be approved without it, and approves the rest.
    const leader = await join("e1l", "leader", "S19");
    const shown = await leader.say("/duyet");
    const [ready, apart] = shown.split(/\d+ số liệu còn thiếu minh chứng bắt buộc, chưa phê duyệt được:/);
    expect(apart).toMatch(/^\n• 4\.1 /);
    expect(ready).not.toMatch(/• 4\.1 /);
    expect(await leader.tap(/^ok:/)).toMatch(/^Đã phê duyệt \d+ số liệu của Sở Y tế\./);
    const s19 = (await fixture.store.units.byCode(1, "S19"))!;
    const after = await fixture.store.figures.currentForUnit(1, s19.id);
    expect(after.find((f) => f.itemCode === "4.1")!.status).toBe("submitted");
    expect(after.filter((f) => f.status === "approved").length).toBeGreaterThan(0);
    const sent = await officer.send("ke-hoach-dao-tao.pdf", PDF, "4.1");
    expect(sent.text).toContain("Đã nhận minh chứng cho chỉ số 4.1.");
    expect(sent.text).toContain("«ke-hoach-dao-tao.pdf» (1 KB, PDF)");
    expect(sent.text).toMatch(/Mã kiểm tra \(SHA-256\): [0-9a-f]{16}…/);
    const stored = readdirSync(fixture.evidenceDir, { recursive: true }).map(String).filter((f) => f.endsWith(".pdf"));
    expect(stored).toHaveLength(1);
    expect(await officer.say("/minhchung 4.1")).toContain("• Tệp «ke-hoach-dao-tao.pdf» (1 KB)");
    expect(await officer.say("/thieu")).not.toMatch(/• 4\.1 /);
    // A caption that gives the figure submits it too, for confirmation, with the file kept as its evidence.
    const both = await officer.send("quyet-dinh-phan-cong.pdf", PDF, "4.1 = chuyên trách");
    expect(both.text).toContain("Đã nhận minh chứng cho chỉ số 4.1.");
    expect(both.text).toContain("Xin xác nhận 1 số liệu của Sở Y tế");
    expect(await officer.tap(/^ok:/)).toContain("Đã ghi 1 số liệu của Sở Y tế.");
    const typed = await officer.say("/minhchung 1.2 466/QĐ-UBND - 15/03/2026: Kế hoạch chuyển đổi số năm 2026");
    expect(typed).toContain("Đã ghi 1 văn bản minh chứng cho chỉ số 1.2");
    expect(typed).toContain("466/QĐ-UBND – 15/03/2026: Kế hoạch chuyển đổi số năm 2026");
  });

  it("refuses files that are too large (before downloading), of a kind not accepted, renamed programs, and files without an item", async () => {
    const officer = await join("e2", "officer", "S19");
    const large = await officer.send("bao-cao.pdf", PDF, "4.1", 3 * 1_048_576);
    expect(large.text).toContain("vượt quá dung lượng cho phép (2 MB)");
    expect(large.downloads).toBe(0);
    expect((await officer.send("anh.gif", GIF, "4.1")).text).toContain("có định dạng gif, không thuộc các loại được nhận làm minh chứng: pdf, jpg, png, webp, docx, xlsx");
    expect((await officer.send("bao-cao.pdf", EXE, "4.1")).text).toContain("Tệp «bao-cao.pdf» thực chất là tệp chương trình (exe)");
    expect((await officer.send("ghi-chu.pdf", new TextEncoder().encode("chỉ là văn bản thường"), "4.1")).text).toContain("Không nhận dạng được định dạng");
    expect((await officer.send("bao-cao.pdf", PDF)).text).toContain("Xin Anh/Chị gửi lại tệp kèm chú thích là mã chỉ số");
    expect((await officer.send("bao-cao.pdf", PDF, "9.9")).text).toContain("Không có chỉ số 9.9");
    // A caption written as the command reads the same.
    expect((await officer.send("bao-cao.pdf", GIF, "/minhchung 4.1")).text).toContain("có định dạng gif");
    const leader = await join("e3", "leader", "S19");
    expect((await leader.send("bao-cao.pdf", PDF, "4.1")).text).toContain("Chỉ cán bộ nhập liệu của Sở Y tế mới gửi được minh chứng.");
    const files = readdirSync(fixture.evidenceDir, { recursive: true }).map(String).filter((f) => /\.[a-z]+$/.test(f));
    expect(files.map((f) => f.split(".").pop())).toEqual(["pdf"]);
  });

  it("lets an assigned reviewer appraise, tells the unit about a correction with its effect, and refuses the others", async () => {
    const reviewer = await join("r1", "reviewer", "S08");
    const officer = await join("o1", "officer", "S16");
    await join("l1", "leader", "S16");
    expect(await officer.say("/thamdinh")).toContain("Chức năng thẩm định dành cho cán bộ thẩm định");
    const card = await reviewer.say("/thamdinh");
    expect(card).toMatch(/^Thẩm định 1\/[\d.]+: .+ — chỉ số \d/);
    expect(card).toContain("Sửa số liệu: /thamdinh sua");
    await deliverToConsole(fixture.store);
    const corrected = await reviewer.say("/thamdinh sua S16 6.2 = 50% | Biên bản kiểm tra chỉ ghi nhận 50% văn bản có ký số");
    expect(corrected).toContain("Đã sửa số liệu chỉ số 6.2 của Sở Tư pháp");
    expect(corrected).toMatch(/tổng điểm sau thẩm định: [\d,]+ → [\d,]+\/[\d,]+/);
    const told = await deliverToConsole(fixture.store);
    expect(told.match(/Sở đã thẩm định chỉ số 6\.2\. .+ của Sở Tư pháp: số liệu được điều chỉnh từ .+ thành 50%\. Lý do: Biên bản kiểm tra/g)).toHaveLength(2);
    expect(told).toContain("đơn vị có thể khiếu nại đến hết ngày");
    // Its own department is not a reviewer's to appraise; a reason is required; values are checked against the rule.
    expect(await reviewer.say("/thamdinh sua S08 6.2 = 50% | thử")).toContain("Anh/Chị không được phân công thẩm định chỉ số 6.2 của Sở Khoa học và Công nghệ.");
    expect(await reviewer.say("/thamdinh sua S16 6.2 = 40%")).toContain("cần ghi lý do");
    expect(await reviewer.say("/thamdinh sua S16 6.2 = nhiều | x")).toContain("Số liệu thẩm định «nhiều» cho chỉ số 6.2 chưa đúng");
    // A reviewer whose role covers main index 1 only.
    const province = (await fixture.store.provinces.byCode("da-nang"))!;
    const narrow = await fixture.store.people.create(province.id, "Thẩm định chỉ số 1");
    const s08 = (await fixture.store.units.byCode(province.id, "S08"))!;
    await fixture.store.people.grant(narrow.id, "reviewer", s08.id, "test", ["1"]);
    const identity = await fixture.store.identities.touch("console", "r2", fixture.clock.now, { chatId: "r2" });
    await fixture.store.identities.bindPerson(identity.id, narrow.id);
    const r2 = person("r2");
    expect(await r2.say("/thamdinh sua S16 6.2 = 40% | x")).toContain("không được phân công thẩm định chỉ số 6.2");
    expect(await r2.say("/thamdinh")).toMatch(/— chỉ số 1\./);
  });

  it("reads a correction against the unit's own ruleset, and keeps reviews out of group chats", async () => {
    const reviewer = await join("r5", "reviewer", "S08");
    // A ward is scored with the commune ruleset, where 1.1 is worth 10 points (5 in the departments' ruleset).
    expect(await reviewer.say("/thamdinh diem HC-P01 1.1 = 8 | Đối chiếu báo cáo của phường")).toContain("Đã sửa điểm chỉ số 1.1 của UBND phường Hải Châu I thành 8");
    expect(await reviewer.say("/thamdinh diem HC-P01 1.1 = 12 | quá điểm tối đa")).toContain("Điểm thẩm định chỉ số 1.1 phải từ 0 đến 10.");
    const { replies, locale } = await fixture.core.handle({
      channel: "console", updateId: "group-1", userId: "r5", chatId: "-100", chatType: "group", addressed: true, text: "/thamdinh", at: fixture.clock.now,
    });
    expect(replies.map((r) => renderReply(fixture.i18n, locale, r, PLAIN).text).join("\n")).toContain("chỉ làm trong trò chuyện riêng");
  });

  it("lets a district's reviewer appraise its communes only, and the commune hears it from the district", async () => {
    const province = (await fixture.store.provinces.byCode("da-nang"))!;
    const ward = (await fixture.store.units.byCode(province.id, "HC-P02"))!;
    const district = (await fixture.store.units.byId(ward.parentId!))!;
    const reviewer = await join("d1", "reviewer", district.code);
    // The ward's officer is who hears of the correction.
    await join("d2", "officer", "HC-P02");
    await deliverToConsole(fixture.store);
    expect(await reviewer.say("/thamdinh sua S16 6.2 = 40% | thử")).toContain("không được phân công thẩm định chỉ số 6.2 của Sở Tư pháp");
    expect(await reviewer.say("/thamdinh diem HC-P02 1.1 = 6 | Đối chiếu biên bản của phường")).toContain(`Đã sửa điểm chỉ số 1.1 của ${ward.name} thành 6`);
    const told = await deliverToConsole(fixture.store);
    expect(told).toContain(`${district.name} đã thẩm định chỉ số 1.1.`);
  });

  it("asks for more evidence by a date, which the unit may then give after the deadline, for that item only", async () => {
    const reviewer = await join("r3", "reviewer", "S08");
    const officer = await join("o3", "officer", "S19");
    expect(await reviewer.say("/thamdinh bosung S19 1.1 20/12/2026 | Bổ sung quyết định phê duyệt kế hoạch")).toContain("Đã yêu cầu Sở Y tế bổ sung minh chứng chỉ số 1.1 trước ngày 20/12/2026.");
    const told = await deliverToConsole(fixture.store);
    expect(told).toContain("Sở đề nghị Sở Y tế bổ sung minh chứng cho chỉ số 1.1.");
    // /thieu lists what the reviewer asked for, with its date and reason.
    expect(await officer.say("/thieu")).toMatch(/Cán bộ thẩm định đề nghị bổ sung minh chứng cho 1 chỉ số:\n• 1\.1 .+ — hạn bổ sung 20\/12\/2026: Bổ sung quyết định phê duyệt kế hoạch/);
    await withClock(fixture, "2026-12-05T03:00:00Z", async () => {
      expect((await officer.send("quyet-dinh.pdf", PDF, "1.1")).text).toContain("Đã nhận minh chứng cho chỉ số 1.1.");
      expect((await officer.send("quyet-dinh.pdf", PDF, "1.2")).text).toContain("Đã quá hạn nộp số liệu (30/11/2026); chỉ bổ sung được minh chứng cho chỉ số 1.2 khi cán bộ thẩm định yêu cầu.");
    });
    // With the evidence given, the item is back in the queue of a reviewer of item 1.1.
    const province = (await fixture.store.provinces.byCode("da-nang"))!;
    const s08 = (await fixture.store.units.byCode(province.id, "S08"))!;
    const narrow = await fixture.store.people.create(province.id, "Thẩm định chỉ số 1.1");
    await fixture.store.people.grant(narrow.id, "reviewer", s08.id, "test", ["1.1"]);
    await fixture.store.identities.bindPerson((await fixture.store.identities.touch("console", "r4", fixture.clock.now, { chatId: "r4" })).id, narrow.id);
    const r4 = person("r4");
    let card = await r4.say("/thamdinh");
    for (let i = 0; i < 40 && !card.includes("Sở Y tế (S19) — chỉ số 1.1."); i += 1) card = await r4.tap(/^rv:next:/);
    expect(card).toContain("Sở Y tế (S19) — chỉ số 1.1.");
    expect(card).toContain("Tệp «quyet-dinh.pdf»");
  });

  it("takes a unit's appeal within the window to the admins with the history, and brings the outcome back; publication waits for it", async () => {
    const admin = await join("a1", "admin", null);
    const officer = await join("o4", "officer", "S16");
    expect(await officer.say("/khieunai 1.2 Không đồng ý")).toContain("chưa bị điều chỉnh khi thẩm định nên không có gì để khiếu nại");
    const filed = await officer.say("/khieunai 6.2 Đơn vị đã ký số toàn bộ văn bản đi, có báo cáo kèm theo");
    expect(filed).toMatch(/Đã gửi khiếu nại số (\d+) về chỉ số 6\.2 của Sở Tư pháp tới Sở\./);
    expect(await officer.say("/khieunai 6.2 Gửi lại")).toContain("Chỉ số 6.2 đang có khiếu nại chờ Sở xem xét.");
    const toAdmin = await deliverToConsole(fixture.store);
    expect(toAdmin).toMatch(/Khiếu nại số \d+: Sở Tư pháp — chỉ số 6\.2\./);
    expect(toAdmin).toContain("Lý do: Đơn vị đã ký số toàn bộ văn bản đi");
    expect(toAdmin).toMatch(/• Lần \d+ \(.+\): đã thẩm định, sửa số liệu\. Biên bản kiểm tra/);
    await admin.say("/congbo");
    expect(await admin.tap(/^pub:1$/)).toMatch(/Chưa công bố được: còn 1 khiếu nại chưa được quyết định/);
    expect(await officer.say("/khieunai giu 1")).toContain("Chỉ quản trị viên của Sở mới quyết định được khiếu nại.");
    const list = await admin.say("/khieunai");
    expect(list).toContain("Khiếu nại (1):");
    const decided = await admin.tap(/^ap:self:/);
    expect(decided).toMatch(/Đã chấp nhận khiếu nại số \d+: chỉ số 6\.2 của Sở Tư pháp được tính theo số liệu đơn vị nộp\./);
    expect(await admin.tap(/^ap:self:/)).toMatch(/đã được quyết định trước đó/);
    const back = await deliverToConsole(fixture.store);
    expect(back).toMatch(/Sở đã xem xét khiếu nại số \d+ của Sở Tư pháp về chỉ số 6\.2: chấp nhận số liệu đơn vị đã nộp\./);
    expect(back).toMatch(/Tổng điểm sau thẩm định: [\d,]+ → [\d,]+\/[\d,]+/);
    // After the review deadline (20/12/2026), within the appeal window: not early.
    await withClock(fixture, "2026-12-21T03:00:00Z", async () => {
      await admin.say("/congbo");
      const preview = await admin.tap(/^pub:1$/);
      expect(preview).toMatch(/^Công bố kết quả đánh giá chuyển đổi số năm 2025/);
      expect(preview).toMatch(/thời hạn khiếu nại đến hết ngày \d{2}\/\d{2}\/\d{4}; sau khi công bố, đơn vị không khiếu nại được nữa/);
      expect(await admin.tap(/^no:/)).toBe("Đã huỷ; chưa công bố kết quả.");
    });
    // After the appeal window, no more appeals.
    await withClock(fixture, "2027-01-05T03:00:00Z", async () => {
      expect(await officer.say("/khieunai 6.2 Muộn")).toMatch(/Đã hết thời hạn khiếu nại \(\d{2}\/\d{2}\/\d{4}\)/);
    });
  });

  it("lets a reviewer look at one unit, one item or both, and counts what waits per unit", async () => {
    const reviewer = await join("q1", "reviewer", "S08");
    const first = await reviewer.say("/thamdinh");
    expect(first).toMatch(/Đang có [\d.]+ số liệu chờ thẩm định ở \d+ đơn vị\./);
    const unit = await reviewer.say("/thamdinh S12");
    expect(unit).toMatch(/^Thẩm định 1\/\d+: .+ \(S12\) — chỉ số /);
    expect(unit).toMatch(/Đang xem: S12 — \d+ số liệu\./);
    // The next card stays within the unit.
    for (let i = 0; i < 3; i += 1) expect(await reviewer.tap(/^rv:next:\d+:S12$/)).toMatch(/^Thẩm định \d+\/\d+: .+ \(S12\) — chỉ số /);
    expect(await reviewer.say("/thamdinh 6.2")).toMatch(/^Thẩm định 1\/\d+: .+ — chỉ số 6\.2\. /);
    expect(await reviewer.say("/thamdinh S12 6.2")).toMatch(/^Thẩm định 1\/1: .+ \(S12\) — chỉ số 6\.2\. /);
    expect(await reviewer.say("/thamdinh ZZ9")).toMatch(/^Không có đơn vị mã ZZ9\./);
    expect(await reviewer.say("/thamdinh 6.2!")).toMatch(/^Chưa hiểu «6\.2!»/);
    const counts = await reviewer.say("/thamdinh donvi");
    expect(counts).toMatch(/^[\d.]+ số liệu chờ thẩm định ở \d+ đơn vị:\n• .+ \([\w-]+\): \d+/);
    expect(reviewer.actions()[0]).toMatch(/^rv:next:0:[\w-]+$/);
  });

  it("keeps a reviewer's decision in hand valid across a leader's approval; a new figure makes it stale", async () => {
    const reviewer = await join("q2", "reviewer", "S08");
    const officer = await join("q3", "officer", "S13");
    const leader = await join("q4", "leader", "S13");
    await officer.say("6.2 = 31%");
    await officer.tap(/^ok:/);
    const card = await reviewer.say("/thamdinh S13 6.2");
    expect(card).toMatch(/\(S13\) — chỉ số 6\.2\. /);
    const accept = reviewer.actions().find((a) => a.startsWith("rv:ok:"))!;
    await leader.say("/duyet");
    expect(await leader.tap(/^ok:/)).toMatch(/^Đã phê duyệt/);
    expect(await reviewer.act(accept)).toMatch(/^Đã chấp nhận số liệu chỉ số 6\.2 của /);
    // Again, with the unit sending a new figure before the tap.
    await officer.say("6.2 = 35%");
    await officer.tap(/^ok:/);
    await reviewer.say("/thamdinh S13 6.2");
    const again = reviewer.actions().find((a) => a.startsWith("rv:ok:"))!;
    await officer.say("6.2 = 36%");
    await officer.tap(/^ok:/);
    expect(await reviewer.act(again)).toMatch(/vừa thay đổi; xin Anh\/Chị gõ \/thamdinh để xem lại/);
  });

  it("says when a correction moves the unit into another class", async () => {
    const reviewer = await join("q5", "reviewer", "S08");
    const outcome = await createScoreCache({ store: fixture.store, catalog: realCatalog() }).get(1);
    if (!outcome.ok) throw new Error("scores");
    const bands = outcome.scores.ruleset.classification!.bands;
    // A unit whose class falls if a reviewer gives 0 points on one of its scored items.
    const found = outcome.scores.groups.flatMap((g) => g.reviewed.units).flatMap((u) => u.items
      .filter((i) => i.effect === "base" && i.status === "scored" && i.points > 0)
      .map((i) => ({ u, i, after: bands.find((b) => (u.total - i.points) / u.applicableMax * 100 >= b.from)?.name })))
      .find((x) => x.after !== undefined && x.after !== x.u.className && outcome.scores.units.get(Number(x.u.unitId))?.code !== "S08");
    expect(found).toBeDefined();
    const unit = outcome.scores.units.get(Number(found!.u.unitId))!;
    await join("q6", "officer", unit.code);
    await deliverToConsole(fixture.store);
    const done = await reviewer.say(`/thamdinh diem ${unit.code} ${found!.i.code} = 0 | Không có minh chứng`);
    expect(done).toContain(`Xếp loại sau thẩm định thay đổi: ${found!.u.className} → ${found!.after}.`);
    expect(await deliverToConsole(fixture.store)).toContain(`Xếp loại sau thẩm định thay đổi: ${found!.u.className} → ${found!.after}.`);
  });
});
