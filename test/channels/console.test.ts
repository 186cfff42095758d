import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/channels/console/channel.js";
import { demoLogins } from "../../src/demo/logins.js";
import { chatFixture, type ChatFixture } from "../helpers/chat.js";

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
    const logins = await demoLogins(fixture.store, () => fixture.clock.now);
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
});
