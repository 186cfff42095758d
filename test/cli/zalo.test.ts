import { afterAll, describe, expect, it } from "vitest";
import { pkceChallenge } from "../../src/channels/zalo/oauth.js";
import { createInviteCommand } from "../../src/cli/invites.js";
import { zaloAuthorizeCommand, zaloStatusCommand } from "../../src/cli/zalo.js";
import { createStore } from "../../src/store/index.js";
import { TEST_TOKEN_KEY } from "../helpers/chat.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";

const NOW = new Date("2026-11-23T02:00:00Z");
const ZALO = { appId: "1234567890123456789", appSecret: "app-secret", oaId: "5798234761203948571", redirectUrl: "https://dti.example.gov.vn/zalo/oauth", oauthRoot: null };
const url = tempDatabaseUrl();
const opened: { ctx: { close(): Promise<void> } }[] = [];
const cli = (options: Parameters<typeof captured>[0] = {}) => {
  const c = captured({ databaseUrl: url, now: NOW, tokenKey: TEST_TOKEN_KEY, zalo: ZALO, ...options });
  opened.push(c);
  return c;
};
afterAll(async () => {
  for (const c of opened) await c.ctx.close();
});

describe("dti zalo", () => {
  it("prints the OA admin's authorisation link and keeps its PKCE verifier for the callback, once", async () => {
    const { ctx, out } = cli();
    expect(await zaloAuthorizeCommand(ctx)).toBe(0);
    const link = new URL(out.join("\n").match(/https:\/\/\S+/)![0]);
    expect(link.origin + link.pathname).toBe("https://oauth.zaloapp.com/v4/oa/permission");
    expect(link.searchParams.get("app_id")).toBe(ZALO.appId);
    expect(link.searchParams.get("redirect_uri")).toBe(ZALO.redirectUrl);
    const store = await ctx.store();
    const verifier = await store.tokens.takeAuthState(link.searchParams.get("state")!, NOW, 600_000);
    expect(verifier).not.toBeNull();
    expect(pkceChallenge(verifier!)).toBe(link.searchParams.get("code_challenge"));
  });

  it("says what is missing before Zalo is configured or authorised, and the expiry once it is", async () => {
    const bare = cli({ zalo: undefined });
    expect(await zaloAuthorizeCommand(bare.ctx)).toBe(1);
    expect(bare.err.join("\n")).toContain("Chưa cấu hình Zalo OA");
    const { ctx, out } = cli();
    expect(await zaloStatusCommand(ctx, {})).toBe(1);
    expect(out.join("\n")).toContain("chưa được uỷ quyền (npx dti zalo authorize)");
    const store = await ctx.store();
    await store.tokens.save("zalo", ZALO.oaId, {
      accessToken: "a".repeat(40), refreshToken: "r".repeat(40), accessExpiresAt: new Date("2026-11-24T03:00:00Z"), refreshExpiresAt: new Date("2027-02-21T02:00:00Z"),
    }, "test", NOW);
    const after = cli();
    expect(await zaloStatusCommand(after.ctx, {})).toBe(0);
    const printed = after.out.join("\n");
    expect(printed).toContain("đang hoạt động");
    expect(printed).toContain("Khoá truy cập còn hạn đến: 24/11/2026 10:00");
    expect(printed).not.toContain("a".repeat(40));
  });

  it("hashes invite codes with the service's secret, so a code made on the command line works in the chat", async () => {
    const secret = "production-invite-secret-0123456789";
    const { ctx, out } = cli({ inviteSecret: secret, databaseUrl: tempDatabaseUrl() });
    const store = await ctx.store();
    await store.provinces.ensure("da-nang", "Đà Nẵng");
    expect(await createInviteCommand(ctx, { role: "admin", province: "da-nang" })).toBe(0);
    const code = out.join("\n").match(/\b[A-Z0-9]{4}-[A-Z0-9]{4}\b|\b[A-Z0-9]{8,}\b/)![0];
    const identity = await store.identities.touch("telegram", "42", NOW, { chatId: "42" });
    const service = await createStore(ctx.databaseUrl, { inviteSecret: secret });
    try {
      expect((await service.invites.redeem(code, identity.id, NOW)).ok).toBe(true);
    } finally {
      await service.close();
    }
  });
});
