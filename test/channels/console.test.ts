import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OFFICE_HOURS } from "../../src/bot/calendar.js";
import { queueReminders } from "../../src/bot/notify/jobs.js";
import { DEFAULT_REMINDERS } from "../../src/bot/notify/reminders.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { createConsoleBoard } from "../../src/channels/console/board.js";
import { runConsole } from "../../src/channels/console/channel.js";
import { createConsoleSender } from "../../src/channels/console/sender.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import { drain } from "../helpers/delivery.js";
import { realCatalog } from "../helpers/real.js";
import { QUIET } from "../helpers/chat.js";
import { demoLogins } from "../../src/demo/logins.js";
import { chatFixture, type ChatFixture } from "../helpers/chat.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

/** The terminal demo as `npm start` runs it without credentials: the whole session through its streams. */
describe("terminal demo", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture();
  });
  afterAll(() => fixture.close());

  it("says it is a demo and how to go live, offers the demo people, chats as them, and ends on /thoat", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    const logins = await demoLogins(fixture.store, () => fixture.clock.now, DA_NANG);
    const session = runConsole({ core: fixture.core, i18n: fixture.i18n, input, output, logins, now: () => fixture.clock.now });
    // Lines typed ahead are read in order, as when pasted into a terminal.
    input.write(["9", "2", "/toi", "/diem", "/doivaitro", "1", "6.2 = 91%", "1", "/thoat", "không còn đọc"].join("\n") + "\n");
    await session;

    expect(printed).toContain("CHẾ ĐỘ THỬ TRÊN MÁY TÍNH");
    expect(printed).toContain("đặt TELEGRAM_BOT_TOKEN");
    expect(printed).toContain("[1] Cán bộ nhập liệu — Sở Y tế");
    expect(printed).toContain("[2] Lãnh đạo — Sở Y tế");
    expect(printed).toContain(`Xin gõ một số từ 0 đến ${logins.length}.`);
    expect(printed).toContain("• lãnh đạo đơn vị: Sở Y tế");
    expect(printed).toMatch(/Sở Y tế — kỳ đánh giá năm \d{4}\nTổng điểm tạm tính: [\d,]+\/100/);
    // After switching to the officer, a figure is previewed and confirmed with the first numbered button.
    expect(printed).toMatch(/• 6\.2: 91% × 10 = 9,1\/10[\s\S]*\[1\] ✅ Xác nhận {2}\[2\] ✖ Huỷ/);
    expect(printed).toContain("Đã ghi 1 số liệu của Sở Y tế.");
    expect(printed).not.toContain("không còn đọc");
    const unit = (await fixture.store.units.byCode(1, "S19"))!;
    expect((await fixture.store.figures.history(1, unit.id, "6.2")).some((h) => h.rawValue === "91%")).toBe(true);
  });

  it("ends quietly when the input closes before anyone is chosen", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const session = runConsole({ core: fixture.core, i18n: fixture.i18n, input, output, logins: [], now: () => fixture.clock.now });
    input.end();
    await expect(session).resolves.toBeUndefined();
  });

  it("labels each push with whom it is for, keeps its buttons for that person, writes sent files to a folder, and takes a paste as one message", async () => {
    // A fixture whose core queues pushes, as the service's does.
    const own = await chatFixture({ delivery: true });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    const board = createConsoleBoard();
    const filesDir = mkdtempSync(join(tmpdir(), "dti-demo-files-"));
    const deliver = () => drain(own.store, createDeliveryWorker({
      outbox: own.store.outbox, identities: own.store.identities, locks: own.store.locks,
      senders: new Map([["console", createConsoleSender({ i18n: own.i18n, output, board, filesDir })]]),
      limits: new Map([["console", { globalPerSecond: 1000, chatPerSecond: 1000, groupPerMinute: 1000 }]]),
      now: () => new Date("2100-01-01T00:00:00Z"), log: QUIET, instanceId: "console-demo-test", idleMs: 20,
    }));
    const logins = await demoLogins(own.store, () => own.clock.now, DA_NANG);
    const admin = logins.findIndex((l) => l.label.startsWith("Quản trị")) + 1;
    const session = runConsole({ core: own.core, i18n: own.i18n, input, output, logins, now: () => own.clock.now, board, pasteMs: 30 });
    /** Wait until what was printed from `from` on shows `text` and the prompt is back. */
    const until = async (text: string | RegExp, from = 0) => {
      for (let i = 0; i < 600; i += 1) {
        const seen = printed.slice(from);
        if ((typeof text === "string" ? seen.includes(text) : text.test(seen)) && seen.endsWith("> ")) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`never printed ${String(text)}:\n${printed.slice(from).slice(-1500)}`);
    };
    const type = async (line: string, expect: string | RegExp) => {
      const from = printed.length;
      input.write(`${line}\n`);
      await until(expect, from);
    };
    await until("Xin chọn vai trò");
    await type("1", "Đã sẵn sàng");
    // The officer is somebody the bot can reach now; the tester becomes the administrator.
    await type("/doivaitro", "Xin chọn vai trò");
    await type(String(admin), "Đã sẵn sàng");

    // A reminder for the officer arrives while the administrator chats: addressed, its buttons kept for later.
    await queueReminders({
      store: own.store, catalog: realCatalog(), scores: createScoreCache({ store: own.store, catalog: realCatalog() }), log: QUIET,
      office: DEFAULT_OFFICE_HOURS, reminders: DEFAULT_REMINDERS, channels: ["console"],
    }, new Date("2026-11-25T02:00:00Z"));
    await deliver();
    expect(printed).toMatch(/📩 Tin DTI Bot gửi tới Cán bộ nhập liệu — Sở Y tế \(.+\) \(không phải vai trò đang dùng\):\nKính gửi Anh\/Chị: Sở Y tế còn/);
    expect(printed).toContain("(Các nút này bấm được khi Anh/Chị chuyển sang vai trò đó bằng /doivaitro.)");

    // The administrator publishes: the chart and the workbook are written to the folder, and the path is shown.
    await type("/congbo", "Xin chọn kỳ đánh giá cần công bố:");
    await type("1", "Công bố SỚM");
    await type("1", "Đã công bố kết quả năm");
    await deliver();
    expect(printed).toMatch(/📩 Tin nhắn mới từ DTI Bot gửi tới Anh\/Chị \(Quản trị Sở Khoa học và Công nghệ/);
    expect(printed).toContain(`📎 tệp đã lưu tại ${join(filesDir, "xep-hang-dti-2025.png")}`);
    expect(existsSync(join(filesDir, "xep-hang-dti-2025.png"))).toBe(true);
    expect(existsSync(join(filesDir, "ket-qua-dti-2025-ky-1.xlsx"))).toBe(true);

    // Back as the officer: the reminder's buttons work by number.
    await type("/doivaitro", "Xin chọn vai trò");
    await type("1", "Các nút của tin đã gửi tới vai trò này:\n  [1] ");
    const before = printed.length;
    await type("1", /\S\n\n> $/);
    expect(printed.slice(before)).toMatch(/Kết quả kỳ đánh giá năm 2025 đã được công bố chính thức|chỉ số chưa có số liệu/);

    // Two lines pasted at once are one message: one preview of both figures, not two.
    await type("/doivaitro", "Xin chọn vai trò");
    await type(String(logins.findIndex((l) => /phường/i.test(l.label) && l.label.startsWith("Cán bộ nhập liệu")) + 1), "Đã sẵn sàng");
    const pastedAt = printed.length;
    input.write("1.1 = 85%\n1.2 = 80%\n");
    await until("Xin xác nhận", pastedAt);
    expect(printed.slice(pastedAt)).toMatch(/Xin xác nhận 2 số liệu/);
    expect(printed.slice(pastedAt).match(/Xin xác nhận/g)).toHaveLength(1);
    input.write("/thoat\n");
    await session;
    await own.close();
  });
});
