import { afterAll, describe, expect, it } from "vitest";
import { text } from "../../src/bot/reply.js";
import { calendarAddCommand, calendarListCommand, calendarRemoveCommand } from "../../src/cli/calendar.js";
import { queueRetryCommand, queueStatusCommand } from "../../src/cli/queue.js";
import { createBossIntake } from "../../src/queue/intake.js";
import { startBoss } from "../../src/queue/boss.js";
import { QUIET } from "../helpers/chat.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";
import { BACKENDS } from "../helpers/databases.js";

const url = tempDatabaseUrl();
const opened: { ctx: { close(): Promise<void> } }[] = [];
const cli = () => {
  const c = captured({ databaseUrl: url, now: new Date("2026-11-20T03:00:00Z") });
  opened.push(c);
  return c;
};
afterAll(async () => {
  for (const c of opened) await c.ctx.close();
});

describe("dti queue", () => {
  it("shows counts by status and kind, and the failures with their reasons", async () => {
    const { ctx, out } = cli();
    const store = await ctx.store();
    const a = await store.identities.touch("telegram", "901", new Date(), { chatId: "901", displayName: "Nguyễn Văn A" });
    const b = await store.identities.touch("telegram", "902", new Date(), { chatId: "902", displayName: "Trần Thị B" });
    await store.outbox.enqueue([
      { key: "k1", identityId: a.id, kind: "reminder", reply: { lines: [text("x")] }, notBefore: new Date(0) },
      { key: "k2", identityId: b.id, kind: "broadcast", reply: { lines: [text("y")] }, notBefore: new Date(0) },
    ]);
    const [first] = await store.outbox.due(new Date(), 1);
    await store.outbox.claim(first!.id, new Date(), "test");
    await store.outbox.fail(first!.id, "403 Forbidden: bot was blocked by the user", 0);
    expect(await queueStatusCommand(ctx, {})).toBe(0);
    const printed = out.join("\n");
    expect(printed).toMatch(/đang chờ gửi\s*│\s*1/);
    expect(printed).toMatch(/không gửi được\s*│\s*1/);
    expect(printed).toMatch(/nhắc việc\s*│\s*không gửi được\s*│\s*1/);
    expect(printed).toContain("telegram: Nguyễn Văn A");
    expect(printed).toContain("403 Forbidden: bot was blocked by the user");
    expect(printed).toContain("dti queue retry");
  });

  it("counts the messages dropped at their sending time, by reason", async () => {
    const { ctx, out } = cli();
    const store = await ctx.store();
    const c = await store.identities.touch("telegram", "903", new Date(), { chatId: "903", displayName: "Lê Văn C" });
    await store.outbox.enqueue([{ key: "k3", identityId: c.id, kind: "reminder", reply: { lines: [text("z")] }, notBefore: new Date(0) }]);
    const waiting = (await store.outbox.due(new Date(), 10)).find((m) => m.key === "k3")!;
    await store.outbox.drop(waiting.id, "nothing_owed");
    expect(await queueStatusCommand(ctx, {})).toBe(0);
    const printed = out.join("\n");
    expect(printed).toMatch(/không gửi nữa \(hết cần thiết\)\s*│\s*1/);
    expect(printed).toContain("Tin không gửi nữa vì đến giờ gửi thì không còn đúng hoặc không còn cần:");
    expect(printed).toMatch(/đơn vị đã nộp đủ\s*│\s*1/);
  });

  it("puts failed messages back on an operator's word, and refuses bad numbers", async () => {
    const { ctx, out, err } = cli();
    const store = await ctx.store();
    const failed = (await store.outbox.stats()).problems[0]!;
    expect(await queueRetryCommand(ctx, [String(failed.id)])).toBe(0);
    expect(out.at(-1)).toBe("Đã xếp gửi lại 1/1 tin (chỉ tin không gửi được hoặc chưa rõ mới gửi lại được).");
    expect((await store.outbox.stats()).byStatus.pending).toBe(2);
    expect(await queueRetryCommand(ctx, ["abc"])).toBe(1);
    expect(err.at(-1)).toBe("Số thứ tự không hợp lệ: abc");
    const json = cli();
    expect(await queueStatusCommand(json.ctx, { json: true })).toBe(0);
    expect(JSON.parse(json.out.join("\n")).byStatus.pending).toBe(2);
  });
});

describe("dti calendar", () => {
  it("adds bridging days off and a make-up Saturday, lists them with the public holidays, and removes one", async () => {
    const { ctx, out, err } = cli();
    expect(await calendarAddCommand(ctx, "03/02/2027", { to: "04/02/2027", note: "Nghỉ bù Tết Đinh Mùi" })).toBe(0);
    expect(out.at(-1)).toContain("Đã thêm 2 ngày nghỉ (03/02/2027 – 04/02/2027)");
    expect(await calendarAddCommand(ctx, "20/02/2027", { workday: true })).toBe(0);
    expect(await calendarListCommand(ctx, { year: "2027" })).toBe(0);
    const listed = out.join("\n");
    // Each day with its reason and where it comes from: the department, the law, or the law's default where no notice is out.
    expect(listed).toMatch(/03\/02\/2027\s*│\s*nghỉ\s*│\s*Nghỉ bù Tết Đinh Mùi\s*│\s*do Sở thêm \(dti calendar add\)/);
    expect(listed).toMatch(
      /06\/02\/2027\s*│\s*nghỉ lễ, tết\s*│\s*Tết Nguyên đán \(mùng 1\)\s*│\s*Khoản 1 Điều 112 Bộ luật Lao động 2019 \(45\/2019\/QH14\); khoảng nghỉ mặc định/,
    );
    expect(listed).toMatch(/10\/02\/2027\s*│\s*nghỉ bù\s*│\s*Nghỉ bù Tết Nguyên đán \(mùng 1\)\s*│\s*Khoản 3 Điều 111 Bộ luật Lao động 2019/);
    expect(listed).toMatch(/20\/02\/2027\s*│\s*làm việc bù\s*│\s*Ngày làm việc bù/);
    expect(listed).toMatch(/02\/09\/2027\s*│\s*nghỉ lễ, tết\s*│\s*Quốc khánh/);
    const decided = cli();
    expect(await calendarListCommand(decided.ctx, { year: "2026" })).toBe(0);
    expect(decided.out.join("\n")).toMatch(/31\/08\/2026\s*│\s*nghỉ hoán đổi\s*│.*│\s*Thông báo 9441\/TB-BNV ngày 16\/10\/2025/);
    expect(await calendarRemoveCommand(ctx, "03/02/2027")).toBe(0);
    expect(await calendarRemoveCommand(ctx, "03/02/2027")).toBe(1);
    expect(await calendarAddCommand(ctx, "31/02/2027", {})).toBe(1);
    expect(err.at(-1)).toContain("Ngày «31/02/2027» không hợp lệ");
    expect((await (await ctx.store()).audit.list({ action: "calendar.set" })).length).toBe(3);
  });
});

const postgres = BACKENDS.find((b) => b.name === "postgres");

describe.skipIf(!postgres)("dti queue status on PostgreSQL", () => {
  it("also lists pg-boss's queues: what waits in each and for how long", async () => {
    const db = await postgres!.create();
    const boss = await startBoss(db.url, QUIET, { instance: "cli-test" });
    const { ctx, out } = captured({ databaseUrl: db.url, now: new Date() });
    try {
      const store = await ctx.store();
      // Two updates of a chat wait: no instance serves them here.
      const intake = createBossIntake({ boss, inbox: store.inbox, log: QUIET });
      await intake.accept("telegram", "1", "{}", "42", new Date());
      await intake.accept("telegram", "2", "{}", "42", new Date());
      expect(await queueStatusCommand(ctx, {})).toBe(0);
      const printed = out.join("\n");
      expect(printed).toContain("Hàng đợi việc của các phiên bản (pg-boss");
      expect(printed).toMatch(/updates-telegram\s*│\s*2\s*│\s*0\s*│\s*\d+ giây/);
      out.length = 0;
      expect(await queueStatusCommand(ctx, { json: true })).toBe(0);
      expect(JSON.parse(out.join("\n")).jobs).toEqual([expect.objectContaining({ queue: "updates-telegram", waiting: 2, active: 0 })]);
    } finally {
      await ctx.close();
      await boss.stop({ graceful: false, close: true });
      await db.drop();
    }
  }, 60_000);
});
