// Zalo OAuth v4 and the token keeper, on the real store (a temp SQLite file) and the local fake Zalo server.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import type { LogPort } from "../../src/bot/session.js";
import { createZaloClient } from "../../src/channels/zalo/client.js";
import { ZaloApiError, ZaloTransportError } from "../../src/channels/zalo/errors.js";
import { createZaloOAuth, pkceChallenge, pkcePair, type ZaloOAuth } from "../../src/channels/zalo/oauth.js";
import { createTokenKeeper, ZaloAuthError, type TokenKeeper, type TokenKeeperDeps } from "../../src/channels/zalo/tokens.js";
import { createStore } from "../../src/store/index.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";

const START = new Date("2025-03-10T09:00:00+07:00");
const HOUR = 3_600_000;
/** What the fake gives an access token: Zalo's 25 hours. */
const ACCESS_TTL_S = 90_000;
const TOKEN_KEY = "zalo-token-key-for-tests-0123456789abcdef";
const TOKEN_PATH = "/v4/oa/access_token";
const USER = "7305428153201849371";
const REDIRECT = "https://dti.example.gov.vn/zalo/oauth";

type Logged = { level: "info" | "warn" | "error"; details: Record<string, unknown>; message: string };

/** One test's world: a clock, the fake Zalo, the real store on a fresh SQLite file, and everything logged or alerted. */
interface World {
  clock: { now: Date };
  now: () => Date;
  fake: FakeZalo;
  store: Store;
  dir: string;
  url: string;
  oauth: ZaloOAuth;
  logs: Logged[];
  alerts: string[];
  /** Every token value seen in the test, to be sure none reached a log line. */
  secrets: Set<string>;
}

let world: World;

beforeEach(async () => {
  const clock = { now: START };
  const now = () => clock.now;
  const fake = await startFakeZalo({ now, accessTtlSeconds: ACCESS_TTL_S });
  const dir = mkdtempSync(join(tmpdir(), "dti-zalo-tokens-"));
  const url = `file:${join(dir, "test.db")}`;
  const store = await createStore(url, { tokenKey: TOKEN_KEY });
  fake.addUser({ id: USER, name: "Nguyễn Thị Lan" });
  const oauth = createZaloOAuth({ fetch, appId: fake.appId, appSecret: fake.appSecret, base: fake.url, now });
  world = { clock, now, fake, store, dir, url, oauth, logs: [], alerts: [], secrets: new Set() };
});

afterEach(async () => {
  // Whatever the test did: no token value in any log line or alert.
  await remember();
  const written = JSON.stringify([world.logs, world.alerts]);
  for (const secret of world.secrets) expect(written).not.toContain(secret);
  await world.store.close();
  await world.fake.close();
  rmSync(world.dir, { recursive: true, force: true });
});

/** Note the tokens the store and the fake hold now. */
async function remember(store: Store = world.store): Promise<void> {
  const stored = await store.tokens.get("zalo", world.fake.oaId);
  for (const value of [stored?.accessToken, stored?.refreshToken, world.fake.currentRefreshToken()]) if (value) world.secrets.add(value);
}

const log = (): LogPort => ({
  info: (details, message) => void world.logs.push({ level: "info", details, message }),
  warn: (details, message) => void world.logs.push({ level: "warn", details, message }),
  error: (details, message) => void world.logs.push({ level: "error", details, message }),
});

function keeper(options: Partial<TokenKeeperDeps> & { store?: Store } = {}): TokenKeeper {
  const { store = world.store, ...rest } = options;
  return createTokenKeeper({
    repo: store.tokens, locks: store.locks, oauth: world.oauth, account: world.fake.oaId,
    now: world.now, log: log(), onFailure: async (reason) => void world.alerts.push(reason),
    ...rest,
  });
}

/** A keeper seeded with a refresh token from the (fake) developer console. */
function seeded(options: Partial<TokenKeeperDeps> & { store?: Store } = {}): TokenKeeper {
  const seed = world.fake.grantRefreshToken();
  world.secrets.add(seed);
  return keeper({ seedRefreshToken: seed, ...options });
}

const oauthCalls = () => world.fake.calls(TOKEN_PATH);
const stored = () => world.store.tokens.get("zalo", world.fake.oaId);
const advance = (ms: number) => {
  world.clock.now = new Date(world.clock.now.getTime() + ms);
};
/** An OA call with `source`'s token: resolves when the fake accepts it. */
const profileWith = (source: TokenKeeper) => createZaloClient({ fetch, tokens: source, apiBase: world.fake.url }).profile(USER);
/** Whether the fake accepts this access token as it is (no refresh allowed). */
const accepted = async (token: string) => {
  const answer = await fetch(`${world.fake.url}/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: USER }))}`, {
    headers: { access_token: token },
  });
  return ((await answer.json()) as { error: number }).error === 0;
};

describe("Zalo OAuth v4", () => {
  it("computes the PKCE challenge of RFC 7636's example, and makes 43-character verifiers", () => {
    expect(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    const { verifier, challenge } = pkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash("sha256").update(verifier).digest("base64url"));
    expect(pkcePair().verifier).not.toBe(verifier);
  });

  it("builds the permission URL with the app, the redirect, the challenge and the state", () => {
    const url = new URL(world.oauth.permissionUrl(REDIRECT, "state-123", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    expect(`${url.origin}${url.pathname}`).toBe(`${world.fake.url}/v4/oa/permission`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: world.fake.appId, redirect_uri: REDIRECT, code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", state: "state-123",
    });
  });

  it("refreshes: a new pair, the old refresh token spent, lifetimes from the string expires_in", async () => {
    const first = world.fake.grantRefreshToken();
    const pair = await world.oauth.refresh(first);
    world.secrets.add(first).add(pair.accessToken).add(pair.refreshToken);
    expect(pair.refreshToken).toBe(world.fake.currentRefreshToken());
    expect(pair.refreshToken).not.toBe(first);
    expect(pair.accessExpiresAt).toEqual(new Date(START.getTime() + ACCESS_TTL_S * 1000));
    expect(pair.refreshExpiresAt).toEqual(new Date(START.getTime() + 7_776_000 * 1000));
    expect(await accepted(pair.accessToken)).toBe(true);
    // Zalo's refresh tokens work once.
    await expect(world.oauth.refresh(first)).rejects.toMatchObject({ errorCode: -14014, action: "alert" });
  });

  it("is refused with a wrong app secret", async () => {
    const wrong = createZaloOAuth({ fetch, appId: world.fake.appId, appSecret: "not-the-secret", base: world.fake.url, now: world.now });
    await expect(wrong.refresh(world.fake.grantRefreshToken())).rejects.toMatchObject({ errorCode: -14002 });
  });

  it("exchanges a code only with its verifier, and only once", async () => {
    const { verifier } = pkcePair();
    const code = await authorise(verifier);
    await expect(world.oauth.exchange(code, pkcePair().verifier)).rejects.toMatchObject({ errorCode: -14022 });
    // The fake, like Zalo, spends a code on its first use, even a failed one.
    await expect(world.oauth.exchange(code, verifier)).rejects.toBeInstanceOf(ZaloApiError);
  });
});

/** What an OA admin does in the browser: approve, and come back to the redirect with a code. */
async function authorise(verifier: string, state = "s-1"): Promise<string> {
  const answer = await fetch(world.oauth.permissionUrl(REDIRECT, state, verifier), { redirect: "manual" });
  expect(answer.status).toBe(302);
  const back = new URL(answer.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get("state")).toBe(state);
  expect(back.searchParams.get("oa_id")).toBe(world.fake.oaId);
  return back.searchParams.get("code") ?? "";
}

describe("Zalo token keeper", () => {
  it("refreshes from the seed, stores the rotated pair, and gives a token the fake accepts", async () => {
    const k = seeded();
    const token = await k.current();
    await remember();
    const saved = await stored();
    expect(oauthCalls()).toBe(1);
    expect(saved).toMatchObject({ accessToken: token, refreshToken: world.fake.currentRefreshToken(), failure: null, version: 1 });
    expect(saved?.accessExpiresAt).toEqual(new Date(START.getTime() + ACCESS_TTL_S * 1000));
    expect(await accepted(token)).toBe(true);
    // Fresh for another 25 hours: no further OAuth call.
    advance(10 * HOUR);
    expect(await k.current()).toBe(token);
    expect(oauthCalls()).toBe(1);
    expect(await k.status()).toEqual({ state: "ok", accessExpiresAt: saved?.accessExpiresAt, failure: null });
  });

  it("keeps the tokens encrypted in the database", async () => {
    const token = await seeded().current();
    await world.store.close();
    const other = await createStore(world.url, { tokenKey: "another-key-entirely-0123456789abcdef" });
    try {
      await expect(other.tokens.get("zalo", world.fake.oaId)).rejects.toThrow(/ZALO_TOKEN_KEY/);
    } finally {
      await other.close();
    }
    world.store = await createStore(world.url, { tokenKey: TOKEN_KEY });
    expect((await stored())?.accessToken).toBe(token);
  });

  it("saves the new pair before the new access token is used", async () => {
    const k = seeded();
    const seen: boolean[] = [];
    const checking: typeof fetch = async (input, init) => {
      const header = (init?.headers as Record<string, string> | undefined)?.["access_token"];
      seen.push(header !== undefined && header === (await stored())?.accessToken);
      return fetch(input, init);
    };
    await createZaloClient({ fetch: checking, tokens: k, apiBase: world.fake.url }).profile(USER);
    world.fake.expireAccessTokens();
    await createZaloClient({ fetch: checking, tokens: k, apiBase: world.fake.url }).profile(USER);
    expect(seen).toEqual([true, true, true]);
    expect(oauthCalls()).toBe(2);
  });

  it("refreshes once when the fake says the access token expired during a call, and the call succeeds", async () => {
    const k = seeded();
    const old = await k.current();
    world.fake.expireAccessTokens();
    const before = oauthCalls();
    const profile = await profileWith(k);
    expect(profile.userId).toBe(USER);
    expect(oauthCalls()).toBe(before + 1);
    const saved = await stored();
    expect(saved?.accessToken).not.toBe(old);
    expect(await k.current()).toBe(saved?.accessToken);
    expect(oauthCalls()).toBe(before + 1);
  });

  it("refreshes once for many calls refused together", async () => {
    const k = seeded();
    await k.current();
    world.fake.expireAccessTokens();
    const before = oauthCalls();
    const profiles = await Promise.all(Array.from({ length: 5 }, () => profileWith(k)));
    expect(profiles.map((p) => p.userId)).toEqual(Array(5).fill(USER));
    expect(oauthCalls()).toBe(before + 1);
  });

  it("refreshes once for concurrent first calls in one process", async () => {
    const k = seeded();
    const tokens = await Promise.all(Array.from({ length: 5 }, () => k.current()));
    expect(new Set(tokens).size).toBe(1);
    expect(oauthCalls()).toBe(1);
  });

  it("lets one of two instances refresh when both need it at the same moment; both get the same valid token", async () => {
    // The first OAuth call waits until a second one comes (the bug this test must catch) or a while has passed, in which
    // the other instance is waiting for the lock. No time is asserted: the wait only gives a wrong keeper its chance.
    let pending = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gated: typeof fetch = async (input, init) => {
      if (String(input).endsWith(TOKEN_PATH)) {
        pending += 1;
        if (pending >= 2) open();
        setTimeout(open, 300);
        await gate;
      }
      return fetch(input, init);
    };
    const oauth = createZaloOAuth({ fetch: gated, appId: world.fake.appId, appSecret: world.fake.appSecret, base: world.fake.url, now: world.now });
    const seed = world.fake.grantRefreshToken();
    world.secrets.add(seed);
    const a = keeper({ oauth, seedRefreshToken: seed });
    const b = keeper({ oauth, seedRefreshToken: seed });
    const [ta, tb] = await Promise.all([a.current(), b.current()]);
    expect(oauthCalls()).toBe(1);
    expect(ta).toBe(tb);
    expect(await accepted(ta)).toBe(true);
    expect((await stored())?.refreshToken).toBe(world.fake.currentRefreshToken());
    expect(world.alerts).toEqual([]);
  });

  describe("a refused refresh", () => {
    it("(injected -14014) is recorded, alerted once, and not tried again", async () => {
      const k = seeded();
      await k.current();
      advance(ACCESS_TTL_S * 1000); // the access token has just expired
      world.fake.failNext(TOKEN_PATH, { error: -14014, message: "Invalid refresh token." });
      const before = oauthCalls();
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(oauthCalls()).toBe(before + 1);
      expect((await stored())?.failure).toContain("-14014");
      expect((await stored())?.failedAt).toEqual(world.now());
      expect(world.alerts).toHaveLength(1);
      expect(world.alerts[0]).toContain("-14014");
      expect(world.logs.filter((l) => l.level === "error")).toHaveLength(1);

      advance(HOUR);
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(await k.check()).toBe("failed");
      // Another instance, or this one restarted, does not try it either.
      await expect(keeper().current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(oauthCalls()).toBe(before + 1);
      expect(world.alerts).toHaveLength(1);
      expect(await k.status()).toMatchObject({ state: "failed", failure: expect.stringContaining("-14014") });
    });

    it("(a refresh token rotated behind the keeper's back) is recorded and alerted once", async () => {
      const k = seeded();
      await k.current();
      await remember();
      // Someone else (a script with the same token) refreshes: the stored refresh token is spent.
      const elsewhere = await world.oauth.refresh((await stored())!.refreshToken);
      world.secrets.add(elsewhere.accessToken).add(elsewhere.refreshToken);
      advance(ACCESS_TTL_S * 1000 + 1);
      const before = oauthCalls();
      await expect(profileWith(k)).rejects.toBeInstanceOf(ZaloAuthError);
      expect(oauthCalls()).toBe(before + 1);
      expect((await stored())?.failure).toMatch(/-14014/);
      expect(world.alerts).toHaveLength(1);
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(oauthCalls()).toBe(before + 1);
    });

    it("ahead of expiry keeps the token working until it expires, then fails without another OAuth call", async () => {
      const k = seeded({ refreshAheadMs: 6 * HOUR });
      const token = await k.current();
      advance(20 * HOUR); // 5 hours left: time to refresh
      world.fake.failNext(TOKEN_PATH, { error: -14014 });
      expect(await k.check()).toBe("failed");
      expect(world.alerts).toHaveLength(1);
      const before = oauthCalls();
      expect(await k.current()).toBe(token);
      expect((await profileWith(k)).userId).toBe(USER);
      advance(5 * HOUR);
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(oauthCalls()).toBe(before);
      expect(world.alerts).toHaveLength(1);
    });

    it("of the seed token (nothing stored to mark) is alerted once and not tried again until an authorisation", async () => {
      const k = seeded();
      world.fake.failNext(TOKEN_PATH, { error: -14014 });
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(world.alerts).toHaveLength(1);
      expect(await stored()).toBeNull();
      await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
      expect(await k.check()).toBe("failed");
      expect(oauthCalls()).toBe(1);
      expect(world.alerts).toHaveLength(1);
      // An admin authorises the OA: the keeper works again.
      const { verifier } = pkcePair();
      const tokens = await world.oauth.exchange(await authorise(verifier), verifier);
      world.secrets.add(tokens.accessToken).add(tokens.refreshToken);
      await k.authorised(tokens, "admin:42");
      expect(await k.current()).toBe(tokens.accessToken);
    });
  });

  it("keeps using a still-valid token when a refresh fails for a passing reason, and alerts nobody", async () => {
    const k = seeded();
    const token = await k.current();
    advance(22 * HOUR); // 3 hours left
    world.fake.failNext(TOKEN_PATH, { http: 502 });
    expect(await k.current()).toBe(token);
    expect(world.alerts).toEqual([]);
    expect((await stored())?.failure).toBeNull();
    expect(world.logs.some((l) => l.level === "warn")).toBe(true);
    // Within the next minute the old token serves without asking Zalo again; after it, a new try succeeds.
    const calls = oauthCalls();
    expect(await k.current()).toBe(token);
    expect(oauthCalls()).toBe(calls);
    advance(61_000);
    const next = await k.current();
    expect(next).not.toBe(token);
    expect(await accepted(next)).toBe(true);
  });

  it("throws the transport error when a refresh fails for a passing reason and no valid token is left", async () => {
    const k = seeded();
    world.fake.failNext(TOKEN_PATH, { http: 503 });
    await expect(k.current()).rejects.toBeInstanceOf(ZaloTransportError);
    expect(world.alerts).toEqual([]);
    // The seed was not spent: the next try works.
    expect(await accepted(await k.current())).toBe(true);
  });

  it("check() refreshes only when less than refreshAheadMs is left", async () => {
    const k = seeded({ refreshAheadMs: 2 * HOUR });
    expect(await k.check()).toBe("refreshed");
    expect(oauthCalls()).toBe(1);
    const first = (await stored())!;
    advance(ACCESS_TTL_S * 1000 - 2 * HOUR - 60_000); // 2 h 1 min left
    expect(await k.check()).toBe("fresh");
    expect(oauthCalls()).toBe(1);
    advance(2 * 60_000); // 1 h 59 min left
    expect(await k.check()).toBe("refreshed");
    expect(oauthCalls()).toBe(2);
    const second = (await stored())!;
    expect(second.version).toBe(first.version + 1);
    expect(second.accessExpiresAt).toEqual(new Date(world.now().getTime() + ACCESS_TTL_S * 1000));
    expect(second.refreshToken).toBe(world.fake.currentRefreshToken());
    expect(await accepted(second.accessToken)).toBe(true);
    await remember();
  });

  it("check() says missing with neither stored tokens nor a seed, and calls nobody", async () => {
    const k = keeper();
    expect(await k.check()).toBe("missing");
    expect(await k.status()).toEqual({ state: "missing", accessExpiresAt: null, failure: null });
    await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
    expect(oauthCalls()).toBe(0);
    expect(world.alerts).toEqual([]);
  });

  it("stores the tokens of an authorisation (permission → code → exchange) and uses them", async () => {
    const { verifier } = pkcePair();
    const code = await authorise(verifier);
    const tokens = await world.oauth.exchange(code, verifier);
    world.secrets.add(tokens.accessToken).add(tokens.refreshToken);
    const k = keeper();
    await k.authorised(tokens, "admin:42");
    expect(await stored()).toMatchObject({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, failure: null });
    expect(tokens.refreshToken).toBe(world.fake.currentRefreshToken());
    const before = oauthCalls();
    expect(await k.current()).toBe(tokens.accessToken);
    expect((await profileWith(k)).userId).toBe(USER);
    expect(oauthCalls()).toBe(before);
  });

  it("clears a recorded failure when the OA is authorised again", async () => {
    const k = seeded();
    await k.current();
    advance(ACCESS_TTL_S * 1000);
    world.fake.failNext(TOKEN_PATH, { error: -14014 });
    await expect(k.current()).rejects.toBeInstanceOf(ZaloAuthError);
    const { verifier } = pkcePair();
    const tokens = await world.oauth.exchange(await authorise(verifier), verifier);
    world.secrets.add(tokens.accessToken).add(tokens.refreshToken);
    await k.authorised(tokens, "admin:42");
    expect((await stored())?.failure).toBeNull();
    expect(await k.current()).toBe(tokens.accessToken);
    expect(await k.check()).toBe("fresh");
  });

  it("sees an authorisation made through another instance: a failure it had noted does not outlive it", async () => {
    const a = seeded();
    await a.current();
    advance(ACCESS_TTL_S * 1000);
    world.fake.failNext(TOKEN_PATH, { error: -14014 });
    await expect(a.current()).rejects.toBeInstanceOf(ZaloAuthError);
    // The admin's browser came back to the other instance.
    const b = keeper();
    const { verifier } = pkcePair();
    const tokens = await world.oauth.exchange(await authorise(verifier), verifier);
    world.secrets.add(tokens.accessToken).add(tokens.refreshToken);
    await b.authorised(tokens, "admin:42");
    expect(await a.current()).toBe(tokens.accessToken);
  });

  it("does not mark a pair saved meanwhile as failed when an older refresh is refused", async () => {
    const k = seeded();
    await k.current();
    const old = (await stored())!;
    const { verifier } = pkcePair();
    const tokens = await world.oauth.exchange(await authorise(verifier), verifier);
    world.secrets.add(tokens.accessToken).add(tokens.refreshToken);
    await keeper().authorised(tokens, "admin:42");
    await world.store.tokens.markFailed("zalo", world.fake.oaId, "-14014: refused", world.now(), old.version);
    expect((await stored())?.failure).toBeNull();
  });

  it("after a restart uses the stored tokens, not the (now spent) seed, and refreshes with the stored refresh token", async () => {
    const seed = world.fake.grantRefreshToken();
    world.secrets.add(seed);
    const token = await keeper({ seedRefreshToken: seed }).current();
    await remember();
    // The process dies; a new one opens the same database with the same configuration.
    await world.store.close();
    world.store = await createStore(world.url, { tokenKey: TOKEN_KEY });
    const restarted = keeper({ seedRefreshToken: seed });
    expect(await restarted.current()).toBe(token);
    expect((await profileWith(restarted)).userId).toBe(USER);
    expect(oauthCalls()).toBe(1);
    advance(ACCESS_TTL_S * 1000);
    const next = await restarted.current();
    expect(oauthCalls()).toBe(2);
    expect(await accepted(next)).toBe(true);
    expect(world.alerts).toEqual([]);
  });

  it("never logs a token value", async () => {
    const k = seeded();
    await k.current();
    await remember();
    world.fake.expireAccessTokens();
    await profileWith(k);
    await remember();
    advance(ACCESS_TTL_S * 1000 - HOUR);
    world.fake.failNext(TOKEN_PATH, { http: 500 });
    await k.current();
    world.fake.failNext(TOKEN_PATH, { error: -14014 });
    await k.check();
    await remember();
    // Refreshed, refresh failed in passing, refused: each was logged.
    expect(world.logs.map((l) => l.level)).toEqual(expect.arrayContaining(["info", "warn", "error"]));
    expect(world.secrets.size).toBeGreaterThanOrEqual(5);
    const written = JSON.stringify([world.logs, world.alerts]);
    for (const secret of world.secrets) expect(written).not.toContain(secret);
  });
});
