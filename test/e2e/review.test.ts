import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { realCatalog } from "../helpers/real.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator, type UserFile } from "../helpers/telegram-emulator.js";
import { EXE, JPEG, PDF } from "../helpers/evidence-files.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const TOKEN = "987654322:E2E-TOKEN-FOR-THE-REVIEW-PATH";
const plain = (html: string) => html.replace(/<\/?(b|i|code)>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const all = (messages: readonly BotMessage[]) => messages.map((m) => plain(m.text)).join("\n");
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A PDF of 1.5 MB, over EVIDENCE_MAX_MB=1. */
const LARGE_PDF = (() => {
  const bytes = new Uint8Array(1_572_864).fill(0x20);
  bytes.set(PDF);
  return bytes;
})();

const CORRECTION_REASON = "Biên bản kiểm tra chỉ ghi nhận 50% văn bản có ký số";
const APPEAL_REASON = "Đơn vị đã ký số toàn bộ văn bản đi, có báo cáo kèm theo";

/**
 * Evidence, review, appeal and publication as units, reviewers and the
 * department live them in Telegram: the real service in its own process,
 * talking to a Bot API emulator, on its own SQLite file and evidence folder.
 */
describe("review, evidence and appeals end to end over the Telegram Bot API", () => {
  let emulator: TelegramEmulator;
  let service: RunningService;
  let evidenceDir: string;
  /** The period of the department ruleset (Sở, ban, ngành) for last year. */
  let departmentPeriod: number;
  /** Its year (the year before the seeding). */
  let year: string;
  const invites: Record<string, string> = {};
  /** Updates sent to the running service since it started. */
  let sent = 0;

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl();
    evidenceDir = mkdtempSync(join(tmpdir(), "dti-e2e-evidence-"));
    const store = await createStore(databaseUrl);
    const demo = await seedDemo({ store, catalog: realCatalog(), now: new Date(), province: DA_NANG });
    expect(demo.created).toBe(true);
    const province = (await store.provinces.byCode("da-nang"))!;
    const period = (await store.periods.list(province.id)).find((p) => p.rulesetId === "minh-hoa-so-nganh")!;
    departmentPeriod = period.id;
    year = String(period.year);
    const people = [["officer", "officer", "S16"], ["leader", "leader", "S16"], ["reviewer", "reviewer", "S08"], ["admin", "admin", null]] as const;
    for (const [name, role, unitCode] of people) {
      const unit = unitCode ? (await store.units.byCode(province.id, unitCode))! : null;
      invites[name] = (await store.invites.create({
        provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000),
      }, "e2e")).code;
    }
    await store.close();
    emulator = await startTelegramEmulator();
    // Reminders only on the deadline day (ten days away in the seeded demo), so none lands in these conversations.
    service = await startService({
      DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, CHAT_RATE_LIMIT: "50", REMINDER_OFFSETS: "0",
      EVIDENCE_DIR: evidenceDir, EVIDENCE_MAX_MB: "1",
    });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await emulator?.close();
    if (evidenceDir) rmSync(evidenceDir, { recursive: true, force: true });
  });

  /** A person in a private chat with the bot, typing, sending files and tapping buttons in the Telegram app. */
  const person = (id: number, name: string) => {
    const client = emulator.server.getClient(TOKEN, { userId: id, chatId: id, firstName: name, userName: `user${id}`, type: "private" });
    let seen = 0;
    /** What the bot sent this chat since the last look, once every update sent so far is handled. */
    const collect = async (): Promise<BotMessage[]> => {
      const expected = sent;
      await eventually(async () => ((await service.updatesHandled()) >= expected ? true : undefined), `update ${expected} to be handled`);
      const messages = emulator.sentTo(id);
      const fresh = messages.slice(seen);
      seen = messages.length;
      return fresh;
    };
    /** Tap the button that matches, on the newest message that has one (pushed notices keep theirs). */
    const tapWhere = async (matches: (b: { text: string; data: string }) => boolean, what: string) => {
      const withButton = emulator.sentTo(id).filter((m) => m.buttons.some(matches)).at(-1);
      if (!withButton) throw new Error(`no button ${what} in chat ${id}`);
      sent += 1;
      await client.sendCallback(client.makeCallbackQuery(withButton.buttons.find(matches)!.data, { message: { message_id: withButton.messageId } }));
      return collect();
    };
    return {
      collect,
      async send(text: string) {
        sent += 1;
        if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text));
        else await client.sendMessage(client.makeMessage(text));
        return collect();
      },
      async file(file: UserFile) {
        sent += 1;
        const stored = await emulator.sendFile(client, file);
        return { fileId: stored.fileId, replies: await collect() };
      },
      tap: (label: string) => tapWhere((b) => b.text.includes(label), `"${label}"`),
      tapAction: (data: string) => tapWhere((b) => b.data === data, `with data ${data}`),
      /** Everything the bot sent this chat, pushed notices included. */
      everything: () => all(emulator.sentTo(id)),
    };
  };
  type Person = ReturnType<typeof person>;
  let officer: Person;
  let leader: Person;
  let reviewer: Person;
  let admin: Person;
  let appealId: number;
  /** Sở Tư pháp's total after the correction, as the reviewer was told it ("66,41/100"). */
  let reviewedTotal: string;

  /** Wait for a pushed notice (through the delivery queue) matching `pattern` in a chat; all such messages, as plain text. */
  const noticeIn = (chat: number, pattern: RegExp, what: string) => eventually(async () => {
    const found = emulator.sentTo(chat).map((m) => plain(m.text)).filter((t) => pattern.test(t));
    return found.length > 0 ? found : undefined;
  }, what);
  /** The stored evidence files, as paths relative to EVIDENCE_DIR. */
  const storedFiles = () => readdirSync(evidenceDir, { recursive: true }).map(String).filter((f) => /\.[a-z]+$/.test(f));

  it("everyone joins with their code", async () => {
    officer = person(7101, "Cán Bộ Tư Pháp");
    leader = person(7102, "Lãnh Đạo Tư Pháp");
    reviewer = person(7103, "Thẩm Định KHCN");
    admin = person(7104, "Quản Trị Sở");
    for (const [who, code] of [[officer, "officer"], [leader, "leader"], [reviewer, "reviewer"], [admin, "admin"]] as const) {
      expect(all(await who.send(`/start ${invites[code]!}`))).toContain("tài khoản đã được gắn thành công");
    }
  });

  it("keeps a PDF and a photo sent with an item code, named by their SHA-256, and lists them", async () => {
    const { replies } = await officer.file({ filename: "ke-hoach-dao-tao.pdf", mimeType: "application/pdf", data: PDF, caption: "4.1" });
    const saved = all(replies);
    expect(saved).toContain("Đã nhận minh chứng cho chỉ số 4.1.");
    expect(saved).toContain("của Sở Tư pháp: «ke-hoach-dao-tao.pdf» (1 KB, PDF)");
    expect(saved).toContain(`Mã kiểm tra (SHA-256): ${sha256(PDF).slice(0, 16)}…`);
    const pdf = storedFiles().find((f) => f.includes(sha256(PDF)));
    expect(pdf).toMatch(/\.pdf$/);
    expect(Buffer.from(readFileSync(join(evidenceDir, pdf!))).equals(Buffer.from(PDF))).toBe(true);

    // A photo comes in three sizes: the bot keeps the largest one's bytes, as a JPEG.
    const photo = all((await officer.file({ filename: "bien-ban.jpg", data: JPEG, caption: "4.1", asPhoto: true })).replies);
    expect(photo).toContain("Đã nhận minh chứng cho chỉ số 4.1.");
    expect(photo).toContain(`Mã kiểm tra (SHA-256): ${sha256(JPEG).slice(0, 16)}…`);
    expect(storedFiles().find((f) => f.includes(sha256(JPEG)))).toMatch(/\.jpg$/);

    const list = all(await officer.send("/minhchung 4.1"));
    expect(list).toContain("Minh chứng của chỉ số 4.1 (Sở Tư pháp):");
    expect(list).toContain("• Tệp «ke-hoach-dao-tao.pdf» (1 KB)");
    expect(list).toMatch(/• Tệp «anh-[^»]+\.jpg» \(1 KB\)/);
  });

  it("refuses a file over the size limit without downloading it, and a program renamed as a PDF", async () => {
    const large = await officer.file({ filename: "bao-cao-lon.pdf", mimeType: "application/pdf", data: LARGE_PDF, caption: "4.1" });
    expect(all(large.replies)).toContain("Tệp «bao-cao-lon.pdf» vượt quá dung lượng cho phép (1 MB).");
    expect(emulator.extraCalls.filter((c) => c.method === "getFile" && c.body["file_id"] === large.fileId)).toEqual([]);

    const renamed = await officer.file({ filename: "bao-cao.pdf", mimeType: "application/pdf", data: EXE, caption: "4.1" });
    expect(all(renamed.replies)).toContain("Tệp «bao-cao.pdf» thực chất là tệp chương trình (exe)");
    // Only what was accepted is on disk.
    expect(storedFiles().map((f) => f.split(".").pop()).sort()).toEqual(["jpg", "pdf"]);
    expect(all(await officer.send("/minhchung 4.1"))).not.toContain("bao-cao");
  });

  it("lets the reviewer appraise and correct, tells the unit through the queue, and refuses an officer", async () => {
    expect(all(await officer.send("/thamdinh"))).toContain("Chức năng thẩm định dành cho cán bộ thẩm định và quản trị viên của Sở.");

    const card = await reviewer.send("/thamdinh");
    expect(plain(card[0]!.text)).toMatch(/^Thẩm định 1\/[\d.]+: .+ \(\w+\) — chỉ số \d/);
    expect(all(card)).toContain("Sửa số liệu: /thamdinh sua");
    expect(card.at(-1)!.buttons.map((b) => b.text)).toEqual(["✅ Chấp nhận", "⏭ Chỉ số tiếp theo"]);

    const corrected = all(await reviewer.send(`/thamdinh sua S16 6.2 = 50% | ${CORRECTION_REASON}`));
    expect(corrected).toMatch(new RegExp(`Đã sửa số liệu chỉ số 6\\.2 của Sở Tư pháp: .+ → 50% \\(lý do: ${CORRECTION_REASON}\\)`));
    reviewedTotal = /tổng điểm sau thẩm định: [\d,]+ → ([\d,]+\/[\d,]+)\./.exec(corrected)?.[1] ?? "";
    expect(reviewedTotal).not.toBe("");
    expect(corrected).toContain("Đã báo cho 2 cán bộ, lãnh đạo của đơn vị.");

    const correction = /Sở đã thẩm định chỉ số 6\.2\. .+ của Sở Tư pháp: số liệu được điều chỉnh từ .+ thành 50%\. Lý do: Biên bản kiểm tra/;
    for (const chat of [7101, 7102]) {
      const [told, ...again] = await noticeIn(chat, correction, `the correction notice in chat ${chat}`);
      expect(again).toEqual([]);
      expect(told).toMatch(/Điểm chỉ số 6\.2: [\d,]+ → [\d,]+; tổng điểm sau thẩm định/);
      expect(told).toMatch(/đơn vị có thể khiếu nại đến hết ngày \d{2}\/\d{2}\/\d{4}: \/khieunai 6\.2/);
    }
    // The reviewer's own department is not theirs to appraise.
    expect(all(await reviewer.send("/thamdinh sua S08 6.2 = 50% | thử"))).toContain("Anh/Chị không được phân công thẩm định chỉ số 6.2 của Sở Khoa học và Công nghệ.");
  });

  it("takes the unit's appeal to the admin with the history; publication waits until the admin keeps the correction", async () => {
    await officer.collect();
    const filed = all(await officer.send(`/khieunai 6.2 ${APPEAL_REASON}`));
    const id = /Đã gửi khiếu nại số (\d+) về chỉ số 6\.2 của Sở Tư pháp tới Sở\./.exec(filed)?.[1];
    expect(id).toBeDefined();
    appealId = Number(id);
    expect(filed).toMatch(/Thời hạn khiếu nại: đến hết ngày \d{2}\/\d{2}\/\d{4}\./);
    expect(all(await officer.send("/khieunai 6.2 Gửi lại"))).toContain("Chỉ số 6.2 đang có khiếu nại chờ Sở xem xét.");

    const [notice] = await noticeIn(7104, new RegExp(`^Khiếu nại số ${appealId}: Sở Tư pháp — chỉ số 6\\.2\\.`), "the appeal notice to the admin");
    expect(notice).toContain(`Lý do: ${APPEAL_REASON}`);
    expect(notice).toMatch(/• Lần \d+ \(.+\): số liệu .+, /);
    expect(notice).toMatch(/• Lần \d+ \(.+\): đã thẩm định, sửa số liệu\. Biên bản kiểm tra/);
    const withButtons = emulator.sentTo(7104).find((m) => m.text.includes(`Khiếu nại số ${appealId}`))!;
    expect(withButtons.buttons).toEqual([
      { text: "Giữ nguyên kết quả thẩm định", data: `ap:keep:${appealId}` }, { text: "Chấp nhận số liệu của đơn vị", data: `ap:self:${appealId}` },
    ]);
    await admin.collect();

    const choose = await admin.send("/congbo");
    expect(all(choose)).toContain("Xin chọn kỳ đánh giá cần công bố:");
    expect(choose.at(-1)!.buttons.map((b) => b.data)).toContain(`pub:${departmentPeriod}`);
    const refused = all(await admin.tapAction(`pub:${departmentPeriod}`));
    expect(refused).toContain(`Chưa công bố được: còn 1 khiếu nại chưa được quyết định (số ${appealId}).`);
    expect(refused).not.toContain("Công bố kết quả đánh giá");

    expect(all(await officer.send(`/khieunai giu ${appealId}`))).toContain("Chỉ quản trị viên của Sở mới quyết định được khiếu nại.");
    const kept = all(await admin.tap("Giữ nguyên kết quả thẩm định"));
    expect(kept).toContain(`Đã giữ nguyên kết quả thẩm định chỉ số 6.2 của Sở Tư pháp (khiếu nại số ${appealId}).`);
    expect(kept).toContain("Đã báo cho 2 cán bộ, lãnh đạo của đơn vị.");
    expect(all(await admin.tap("Chấp nhận số liệu của đơn vị"))).toContain(`Khiếu nại số ${appealId} đã được quyết định trước đó.`);

    const outcome = new RegExp(`Sở đã xem xét khiếu nại số ${appealId} của Sở Tư pháp về chỉ số 6\\.2: giữ nguyên kết quả thẩm định\\.`);
    for (const chat of [7101, 7102]) expect(await noticeIn(chat, outcome, `the appeal outcome in chat ${chat}`)).toHaveLength(1);
    expect(all(await officer.send("/khieunai"))).toMatch(new RegExp(`• Số ${appealId}: Sở Tư pháp — chỉ số 6\\.2, giữ nguyên kết quả thẩm định`));
  });

  it("publishes the department period, and each unit gets its own result through the queue", async () => {
    await admin.collect();
    await admin.send("/congbo");
    const preview = all(await admin.tapAction(`pub:${departmentPeriod}`));
    // The demo period's deadlines are still ahead: publishing now is early, said so, and chosen knowingly.
    expect(preview).toMatch(new RegExp(`^Công bố SỚM kết quả đánh giá chuyển đổi số năm ${year} \\(Bộ chỉ số minh hoạ cấp sở, ngành.*\\): \\d+ đơn vị trong \\d+ nhóm xếp hạng, trước các thời hạn sau:`));
    expect(preview).toMatch(/• Hạn thẩm định: \d{2}\/\d{2}\/\d{4} \(còn \d+ ngày\)/);
    expect(preview).toMatch(/thời hạn khiếu nại đến hết ngày \d{2}\/\d{2}\/\d{4}; sau khi công bố, đơn vị không khiếu nại được nữa/);
    const published = all(await admin.tap("Công bố sớm"));
    // Two people of Sở Tư pháp reached (a result and its scorecard picture each), and the admin's summary, chart and workbook.
    expect(published).toContain(`Đã công bố kết quả năm ${year}. 7 tin nhắn đang được gửi tới các đơn vị và Sở.`);

    const title = `Kết quả đánh giá chuyển đổi số năm ${year}`;
    const result = new RegExp(`^${title} của Sở Tư pháp\\nTổng điểm: [\\d,]+/[\\d,]+ \\([\\d,.]+%\\).*\\.\\n`
      + "Xếp thứ \\d+/\\d+ trong nhóm Sở, ban, ngành có bộ thủ tục hành chính\\.");
    for (const chat of [7101, 7102]) {
      const [own, ...again] = await noticeIn(chat, new RegExp(title), `the published result in chat ${chat}`);
      expect(again).toEqual([]);
      expect(own).toMatch(result);
      // The correction the admin kept is what the unit is ranked on.
      expect(own).toContain(`Tổng điểm: ${reviewedTotal} (`);
    }
    const mine = emulator.sentTo(7101).find((m) => m.text.includes(title))!;
    expect(mine.buttons.map((b) => b.data)).toEqual(["cmd:diem", "cmd:muctieu"]);
    expect((await noticeIn(7104, new RegExp(`^Đã công bố kết quả năm ${year} \\(`), "the department's summary"))[0]).toContain("2 tin kết quả riêng đang được gửi tới các đơn vị");
    await eventually(async () => (["sendPhoto", "sendDocument"].every((m) => emulator.extraCalls.some((c) => c.method === m)) ? true : undefined), "the chart and workbook");
    // Results reach only the unit's own people: nothing went to the reviewer.
    expect(reviewer.everything()).not.toContain(title);
  });

  it("after publication takes neither evidence nor appeals", async () => {
    await officer.collect();
    const late = await officer.file({ filename: "bo-sung.pdf", mimeType: "application/pdf", data: PDF, caption: "4.1" });
    expect(all(late.replies)).toContain(`Kết quả đánh giá năm ${year} đã công bố; muốn bổ sung minh chứng, đơn vị cần đề nghị Sở mở lại.`);
    expect(emulator.extraCalls.filter((c) => c.method === "getFile" && c.body["file_id"] === late.fileId)).toEqual([]);
    expect(all(await officer.send("/khieunai 6.2 Vẫn chưa đồng ý"))).toContain(`Kết quả đánh giá năm ${year} đã công bố; không nhận thêm khiếu nại.`);
    expect(all(await leader.send("/khieunai 6.2 Vẫn chưa đồng ý"))).toContain("đã công bố; không nhận thêm khiếu nại");
  });
});
