import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walk } from "../../src/scoring/index.js";
import { chatFixture, chatPerson, type ChatFixture } from "../helpers/chat.js";
import { realCatalog } from "../helpers/real.js";

/**
 * What people write instead of commands, through `core.handle` on the demo
 * province: each request does what its command does (same handler, same
 * role rules), indicator questions find their item in the person's own set,
 * and every hint uses examples from that set.
 */
describe("free text as people write it", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture();
  });
  afterAll(() => fixture.close());

  const person = (userId: string) => chatPerson(() => fixture, userId, "Người Viết Tự Do");
  const joined = async (userId: string, role: "officer" | "leader", unitCode: string) => {
    const p = person(userId);
    await p.say(`/start ${await fixture.invite(role, unitCode)}`);
    return p;
  };

  it.each([
    ["điểm của đơn vị mình bao nhiêu", "/diem"],
    ["diem cua so em bao nhieu", "/diem"],
    ["đơn vị xếp thứ mấy", "/xephang"],
    ["còn thiếu chỉ số nào", "/thieu"],
    ["hạn nộp khi nào", "/hanchot"],
    ["tôi muốn nộp số liệu", "/nop"],
    ["làm sao để gửi minh chứng", "/minhchung"],
    ["help", "/huongdan"],
    ["tôi là ai", "/toi"],
    ["muốn lên loại tốt thì sở phải làm gì", "/muctieu tốt"],
    ["sở mình phải làm gì để tăng điểm", "/muctieu"],
    ["what's our score", "/diem"],
  ])("«%s» does what %s does", async (written, command) => {
    const officer = await joined(`free-${command}-${written.length}`, "officer", "S16");
    expect(await officer.say(written)).toBe(await officer.say(command));
  });

  it("keeps the role rules of the command it stands for: a guest asking for the unit's score is told what /diem tells a guest", async () => {
    const guest = person("free-guest");
    expect(await guest.say("điểm của đơn vị mình bao nhiêu")).toBe(await guest.say("/diem"));
  });

  it("answers thanks and greetings briefly, with what the person can do in their own set", async () => {
    const officer = await joined("free-greet", "officer", "S16");
    expect(await officer.say("cảm ơn bạn nhé")).toBe("Dạ, DTI Bot cảm ơn Anh/Chị. Khi cần, Anh/Chị cứ nhắn tiếp ạ.");
    const hello = await officer.say("xin chào");
    expect(hello).toMatch(/^Kính chào Người Viết Tự Do\. DTI Bot sẵn sàng hỗ trợ/);
    const codes = [...hello.matchAll(/(\d+\.\d+)/g)].map((m) => m[1]!);
    const own = new Set(walk(realCatalog().get("minh-hoa-so-nganh")!).map((n) => n.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => own.has(c))).toBe(true);
  });

  it("reads a number inside a sentence as content, and a code only where it is placed like one", async () => {
    const officer = await joined("free-numbers", "officer", "S16");
    expect(await officer.say("sở em có 2 cuộc họp BCĐ trong năm thì được mấy điểm")).toMatch(/^1\.2\. Họp Ban Chỉ đạo chuyển đổi số trong năm/);
    expect(await officer.say("mục 2.1 hỏi gì vậy")).toMatch(/^2\.1\. Kế hoạch chuyển đổi số năm của đơn vị/);
    expect(await officer.say("6,2 là gì")).toMatch(/^6\.2\. Văn bản điện tử được ký số/);
    // A money amount with a decimal comma is not the code 6.2.
    expect(await officer.say("năm rồi sở em chi 6,2 tỷ cho chuyển đổi số thì điểm tính sao")).not.toMatch(/^6\.2\./);
  });

  it("submits «6,2 = 85» as the figure for 6.2, the way Vietnamese write a decimal", async () => {
    const officer = await joined("free-comma", "officer", "S16");
    expect(await officer.say("6,2 = 85%")).toContain("• 6.2: 85% × 10 = 8,5/10");
  });

  it("understands the field's abbreviations alone, and does not take «mấy điểm» for «máy tính»", async () => {
    const officer = await joined("free-abbrev", "officer", "S16");
    // "ATTT" alone names a topic several items share: the main index first, on its card or first among choices.
    const attt = await officer.say("ATTT");
    if (!/^5\. An toàn thông tin mạng/.test(attt)) expect(officer.actions()[0]).toBe("item:minh-hoa-so-nganh:5");
    expect(await officer.say("CKS văn bản đi tính sao")).toMatch(/^6\.2\./);
    expect(await officer.say("họp không giấy được mấy điểm")).toMatch(/^6\.3\. Họp không giấy/);
    // "chi" (to spend) is a word of its own, not "chỉ" folded: the spending item comes first.
    expect(await officer.say("chi cho chuyển đổi số bao nhiêu thì đủ")).toMatch(/^(3\.3\. Kinh phí chi cho chuyển đổi số|Có một vài chỉ số gần với câu hỏi\. Anh\/Chị muốn hỏi chỉ số nào\?)/);
    expect(officer.actions()[0] ?? "item:minh-hoa-so-nganh:3.3").toBe("item:minh-hoa-so-nganh:3.3");
  });

  it("puts first what was asked: the evidence, for a long question with the item's name", async () => {
    const officer = await joined("free-focus", "officer", "S16");
    const answer = await officer.say("chỉ tiêu Người đứng đầu là Trưởng Ban Chỉ đạo chuyển đổi số thì đơn vị cần những giấy tờ gì để chứng minh");
    const lines = answer.split("\n");
    expect(lines[0]).toBe("1.1. Người đứng đầu là Trưởng Ban Chỉ đạo chuyển đổi số");
    expect(lines[2]).toMatch(/^Tài liệu kiểm chứng \(bắt buộc\): Quyết định thành lập/);
  });

  it("says plainly when nothing matches, with an example from the person's own set, never a card of something unrelated", async () => {
    const officer = await joined("free-none", "officer", "S16");
    const answer = await officer.say("thời tiết Đà Nẵng hôm nay thế nào");
    expect(answer).toMatch(/^Chưa tìm thấy chỉ số phù hợp với câu hỏi\.\nAnh\/Chị có thể hỏi theo mã \(ví dụ «chỉ số (\d+\.\d+) là gì»\)/);
    const code = /chỉ số (\d+\.\d+) là gì/.exec(answer)![1]!;
    expect(realCatalog().item("minh-hoa-so-nganh", code)).toBeDefined();
    expect(await officer.say("chỉ số 9.9 là gì")).toMatch(/^Bộ chỉ số của đơn vị \(.+\) không có chỉ số 9\.9\./);
  });

  it("asks back when a message is either a request or an indicator question", async () => {
    const officer = await joined("free-askback", "officer", "S16");
    const answer = await officer.say("điểm an toàn thông tin");
    expect(answer).toMatch(/^Anh\/Chị muốn xem điểm của đơn vị mình, hay cách tính điểm của chỉ số (5|5\.\d|7\.2)\. /);
    expect(await officer.tap("cmd:diem")).toBe(await officer.say("/diem"));
  });

  it("gives a department officer and a ward officer examples from their own sets in /huongdan", async () => {
    const department = await joined("free-help-s", "officer", "S16");
    const ward = await joined("free-help-p", "officer", "HC-P01");
    const codesIn = (text: string) => [...text.matchAll(/«chỉ số (\d+(?:\.\d+)+) là gì»|(\d+(?:\.\d+)+) =/g)].map((m) => m[1] ?? m[2]!);
    const own = (id: string) => new Set(walk(realCatalog().get(id)!).map((n) => n.code));
    const forDepartment = codesIn(await department.say("/huongdan"));
    const forWard = codesIn(await ward.say("/huongdan"));
    expect(forDepartment.length).toBeGreaterThan(0);
    expect(forDepartment.every((c) => own("minh-hoa-so-nganh").has(c))).toBe(true);
    expect(forWard.every((c) => own("tay-ninh-2025-xa").has(c))).toBe(true);
    expect(await department.say("/huy")).toMatch(new RegExp(`/huy (${[...own("minh-hoa-so-nganh")].map((c) => c.replace(".", "\\.")).join("|")})$`));
  });

  it("keeps what was asked when the person taps one of several items: the evidence comes first on the card", async () => {
    const officer = await joined("free-choose-focus", "officer", "S16");
    expect(await officer.say("an toàn thông tin cần giấy tờ gì")).toMatch(/^Có một vài chỉ số gần với câu hỏi/);
    expect(officer.actions().every((a) => a.endsWith(":evidence"))).toBe(true);
    const card = (await officer.tap("item:minh-hoa-so-nganh:5.1")).split("\n");
    expect(card[0]).toMatch(/^5\.1\. /);
    expect(card[2]).toMatch(/^Tài liệu kiểm chứng/);
  });

  it("offers each set's item when a guest asks for a code several sets have", async () => {
    const guest = person("free-guest-code");
    expect(await guest.say("2.1 là gì")).toMatch(/^Có một vài chỉ số gần với câu hỏi/);
    const sets = new Set(guest.actions().map((a) => a.split(":")[1]));
    expect(sets.size).toBe(guest.actions().length);
    expect(sets.size).toBeGreaterThan(1);
    expect(guest.actions().every((a) => a.split(":")[2] === "2.1")).toBe(true);
    // Only the sets of the province served here, not every set the service has loaded.
    const assigned = new Set<string>();
    for (const p of await fixture.store.provinces.list()) for (const a of await fixture.store.provinces.rulesets(p.id)) assigned.add(a.rulesetId);
    expect([...sets].every((id) => assigned.has(id!))).toBe(true);
    // "chỉ số 3" is a main index of every loaded set, Đà Nẵng's and Ninh Bình's among them.
    await guest.say("chỉ số 3 là gì");
    expect(guest.actions().map((a) => a.split(":")[1]).every((id) => assigned.has(id!))).toBe(true);
  });

  it("answers «tôi không hiểu» with what the bot can do, and does not read «hiểu» as «hiệu»", async () => {
    const officer = await joined("free-lost", "officer", "S16");
    expect(await officer.say("tôi không hiểu")).toBe(await officer.say("/huongdan"));
    expect(await officer.say("em chưa hiểu lắm")).toBe(await officer.say("/huongdan"));
  });

  it("tells each person only what they can do: a guest is not shown figures to submit, nor how to send evidence", async () => {
    const guest = person("free-guest-help");
    const help = await guest.say("/huongdan");
    expect(help).not.toMatch(/\d = /);
    expect(help).toMatch(/«chỉ số \d+(\.\d+)* là gì»/);
    expect(await guest.say("làm sao để gửi minh chứng")).toMatch(/^Tài khoản của Anh\/Chị chưa được gắn với đơn vị nào\./);
    const leader = await joined("free-leader-evidence", "leader", "S16");
    expect(await leader.say("làm sao để gửi minh chứng")).toMatch(/^Chỉ cán bộ nhập liệu của .+ mới gửi được minh chứng\.$/);
    expect(await leader.say("/huongdan")).not.toMatch(/\d = /);
  });

  it("tells an officer how to send evidence with the accepted kinds and size, and how to correct or withdraw a figure", async () => {
    const officer = await joined("free-how", "officer", "S16");
    expect(await officer.say("làm sao để gửi minh chứng")).toContain("• Loại tệp được nhận: pdf, jpg, png, webp, docx, xlsx; mỗi tệp tối đa 2 MB.");
    const how = await officer.say("/nop");
    expect(how).toMatch(/\/sua/);
    expect(how).toMatch(/\/huy \d+(\.\d+)*/);
  });

  it("tells someone who works for no unit why they cannot submit, without an empty unit name", async () => {
    const reviewer = person("free-reviewer-submit");
    await reviewer.say(`/start ${await fixture.invite("reviewer", null)}`);
    const answer = await reviewer.say("/nop 6.2 = 85%");
    expect(answer).toBe("Tài khoản của Anh/Chị chưa được giao nhập liệu cho đơn vị nào, nên chưa nộp, sửa hoặc rút được số liệu. Xin liên hệ Sở để được cấp mã mời cán bộ nhập liệu.");
  });

  it("takes a code written anywhere in a request: the unit's points on that item, how to send evidence for it, a figure said with its verb", async () => {
    const officer = await joined("free-inline-code", "officer", "S16");
    const unit = (await fixture.store.units.byCode(1, "S16"))!;
    expect(await officer.say("điểm 6.2 của sở em bao nhiêu")).toMatch(new RegExp(`^6\\.2\\. Văn bản điện tử được ký số — ${unit.name}: `));
    expect(await officer.say("nộp minh chứng cho 2.1")).toContain("ví dụ «2.1»");
    expect(await officer.say("what is 1.2")).toMatch(/^1\.2\. /);
    expect(await officer.say("em nop 1.2 = 2 nhe")).toContain("• 1.2:");
    expect(await officer.say("sửa 6.2 = 90")).toContain("• 6.2:");
    expect(await officer.say("huỷ 6.2")).toBe(await officer.say("/huy 6.2"));
  });

  it("reads what leaders, reviewers and newcomers write: approval in words, a reviewer without a unit, «mới được giao»", async () => {
    const leader = await joined("free-leader-approve", "leader", "S16");
    expect(await leader.say("duyệt số liệu giúp anh")).toBe(await leader.say("/duyet"));
    expect(await leader.say("chào em")).not.toMatch(/nộp số liệu/);
    const reviewer = person("free-reviewer-words");
    await reviewer.say(`/start ${await fixture.invite("reviewer", null)}`);
    expect(await reviewer.say("xep hang")).toMatch(/^Tài khoản của Anh\/Chị không gắn với đơn vị nào/);
    expect(await reviewer.say("/huongdan")).not.toMatch(/điểm của đơn vị mình/);
    const newcomer = await joined("free-newcomer", "officer", "HC-P01");
    expect(await newcomer.say("chào anh, em mới được giao nhập liệu, em cần làm gì ạ")).toBe(await newcomer.say("/huongdan"));
    expect(await newcomer.say("ok em")).toBe(await newcomer.say("ok"));
    const guest = person("free-guest-hello");
    expect(await guest.say("xin chao")).not.toMatch(/\d = /);
  });

  it("says plainly what it cannot do, instead of an item that shares a word", async () => {
    const officer = await joined("free-unsupported", "officer", "S16");
    for (const asked of ["xóa tài khoản giúp em", "cho xin mẫu báo cáo", "ai là người duyệt số liệu của sở"]) {
      expect(await officer.say(asked)).toMatch(/^Dạ, việc này DTI Bot chưa thực hiện được\./);
    }
  });

  it("names who an item is left out for in words, not the tag the set uses", async () => {
    const officer = await joined("free-tag", "officer", "S16");
    const card = await officer.say("chỉ số 6.1 là gì");
    expect(card).toContain("đơn vị không có thủ tục hành chính");
    expect(card).not.toContain("khong_co_tthc");
  });

  it("aims at the class named in the question, and without classes still says where the points are", async () => {
    const officer = await joined("free-target-class", "officer", "S16");
    const plain = await officer.say("/muctieu");
    const named = await officer.say("muon len loai xuat sac can them bao nhieu diem");
    expect(named).toMatch(/^Để đạt loại Xuất sắc \(từ 90 điểm\)/);
    expect(named).not.toBe(plain);
    const ward = await joined("free-target-ward", "leader", "HC-P01");
    const advice = await ward.say("xã mình cần làm gì để lên hạng");
    expect(advice).toMatch(/^Bộ chỉ số này không quy định xếp loại\.\nTổng điểm tạm tính hiện nay: [\d,]+\/[\d,]+\./);
    expect(advice).toMatch(/Các chỉ số còn nhiều điểm chưa đạt nhất:\n• \d/);
  });
});
