import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAIN, renderReply } from "../../src/bot/render.js";
import { chatFixture, chatPerson, type ChatFixture } from "../helpers/chat.js";

describe("/bieudo: a unit's scorecard picture", () => {
  let fixture: ChatFixture;
  beforeAll(async () => {
    fixture = await chatFixture({ delivery: true });
  });
  afterAll(() => fixture.close());

  it("sends the unit's points by main index against the group's average as a picture, from the command and from /diem's button", async () => {
    const leader = chatPerson(() => fixture, "card-leader");
    await leader.say(`/start ${await fixture.invite("leader", "S16")}`);
    expect(await leader.say("/diem")).toContain("Tổng điểm tạm tính");
    expect(leader.actions()).toContain("cmd:bieudo");
    const { replies, locale } = await fixture.core.handle({
      channel: "console", updateId: "card-1", userId: "card-leader", chatId: "card-leader", chatType: "private", displayName: "card-leader",
      at: fixture.clock.now, action: "cmd:bieudo",
    });
    const attachment = replies[0]?.attachment;
    expect(attachment?.kind).toBe("photo");
    expect(attachment?.filename).toMatch(/^diem-S16-\d{4}\.png$/);
    const picture = await loadImage(Buffer.from(attachment!.data));
    // Six main indices with points: a row each under the title, subtitle and legend.
    expect(picture.width).toBe(1000);
    expect(picture.height).toBe(130 + 6 * 46 + 50);
    const caption = renderReply(fixture.i18n, locale, { lines: [attachment!.caption!] }, PLAIN).text;
    expect(caption).toBe("Biểu đồ điểm theo chỉ số chính của Sở Tư pháp, so với bình quân nhóm.");
    expect(await leader.say("/huongdan")).toContain("/bieudo — biểu đồ điểm theo chỉ số chính, so với bình quân của nhóm");
  });
});
