import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRerouter } from "../../src/bot/notify/reroute.js";
import type { Store } from "../../src/bot/ports/store.js";
import { text } from "../../src/bot/reply.js";
import { createTelegramSender } from "../../src/channels/telegram/sender.js";
import { createZaloClient } from "../../src/channels/zalo/client.js";
import { createZaloOAuth } from "../../src/channels/zalo/oauth.js";
import { createZaloSender } from "../../src/channels/zalo/sender.js";
import { createTokenKeeper } from "../../src/channels/zalo/tokens.js";
import { createDeliveryWorker } from "../../src/delivery/worker.js";
import { createI18n } from "../../src/i18n/index.js";
import { vnTime } from "../../src/i18n/dates.js";
import { chatFixture, QUIET, type ChatFixture } from "../helpers/chat.js";
import { DELIVERY_TOKEN, drain } from "../helpers/delivery.js";
import { zaloUserId } from "../helpers/drivers.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";

const HOUR = 3_600_000;
const LIMITS = { globalPerSecond: 50, chatPerSecond: 5, groupPerMinute: 60 };
const i18n = createI18n();

describe("delivery over Zalo, within its window, with Telegram and the leader as fallbacks", () => {
  let fixture: ChatFixture;
  let store: Store;
  let zalo: FakeZalo;
  let telegram: FakeTelegram;
  beforeEach(async () => {
    fixture = await chatFixture();
    store = fixture.store;
    zalo = await startFakeZalo();
    telegram = await startFakeTelegram(LIMITS);
  });
  afterEach(async () => {
    await zalo.close();
    await telegram.close();
    await fixture.close();
  });

  const keeperFor = () => createTokenKeeper({
    repo: store.tokens, locks: store.locks, now: () => new Date(), log: QUIET, account: zalo.oaId,
    oauth: createZaloOAuth({ fetch, appId: zalo.appId, appSecret: zalo.appSecret, base: zalo.url, now: () => new Date() }),
    seedRefreshToken: zalo.grantRefreshToken(), onFailure: async () => undefined,
  });
  /** The OA was never authorised (nothing stored, no seed): every call for a token is refused. */
  const unauthorisedKeeper = () => createTokenKeeper({
    repo: store.tokens, locks: store.locks, now: () => new Date(), log: QUIET, account: zalo.oaId,
    oauth: createZaloOAuth({ fetch, appId: zalo.appId, appSecret: zalo.appSecret, base: zalo.url, now: () => new Date() }), onFailure: async () => undefined,
  });
  const worker = (options: { windowHours?: number; unauthorised?: boolean } = {}) => createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, locks: store.locks, now: () => new Date(), log: QUIET,
    instanceId: "zalo-test", idleMs: 50,
    senders: new Map([
      ["telegram", createTelegramSender({ token: DELIVERY_TOKEN, apiRoot: telegram.apiRoot, i18n })],
      ["zalo", createZaloSender({
        client: createZaloClient({ fetch, tokens: options.unauthorised ? unauthorisedKeeper() : keeperFor(), apiBase: zalo.url }),
        i18n, now: () => new Date(),
        windowHours: options.windowHours ?? 48, textLimit: 2000, buttons: { mode: "template" }, promotionKinds: new Set(),
      })],
    ]),
    limits: new Map([["telegram", LIMITS], ["zalo", LIMITS]]),
    reroute: createRerouter({ store, channels: ["telegram", "zalo"], now: () => new Date() }),
  });

  /** A person of unit S19 with the given role, reachable on the channels given, each with its last interaction. */
  async function person(name: string, role: "officer" | "leader", on: { zalo?: Date; zaloSaysAt?: Date; telegram?: Date }) {
    const province = (await store.provinces.byCode("da-nang"))!;
    const unit = (await store.units.byCode(province.id, "S19"))!;
    const p = await store.people.create(province.id, name);
    await store.people.grant(p.id, role, unit.id, "test");
    const ids: { zalo?: number; telegram?: number; zaloUser?: string } = {};
    if (on.zalo) {
      const userId = zaloUserId(String(p.id + 100));
      zalo.addUser({ id: userId, name, lastInteraction: on.zaloSaysAt ?? on.zalo });
      const identity = await store.identities.touch("zalo", userId, on.zalo, { chatId: userId, displayName: name });
      await store.identities.bindPerson(identity.id, p.id);
      Object.assign(ids, { zalo: identity.id, zaloUser: userId });
    }
    if (on.telegram) {
      const chat = String(8000 + p.id);
      const identity = await store.identities.touch("telegram", chat, on.telegram, { chatId: chat, displayName: name });
      await store.identities.bindPerson(identity.id, p.id);
      ids.telegram = identity.id;
    }
    return { ...ids, personId: p.id };
  }

  it("sends inside the window on Zalo, reroutes to Telegram outside it, and tells the leader about someone it cannot reach", async () => {
    const now = Date.now();
    const recent = await person("Trong Cửa Sổ", "officer", { zalo: new Date(now - HOUR) });
    const both = await person("Có Hai Kênh", "officer", { zalo: new Date(now - 72 * HOUR), telegram: new Date(now - 240 * HOUR) });
    // We last heard from this one an hour ago, but Zalo says 8 days: its own refusal (-230) reroutes too.
    const stale = await person("Zalo Nói Khác", "officer", { zalo: new Date(now - HOUR), zaloSaysAt: new Date(now - 192 * HOUR), telegram: new Date(now - HOUR) });
    const only = await person("Chỉ Có Zalo", "officer", { zalo: new Date(now - 72 * HOUR) });
    const leader = await person("Lãnh Đạo Sở", "leader", { telegram: new Date(now - HOUR) });
    const province = (await store.provinces.byCode("da-nang"))!;
    const recipients = [recent.zalo!, both.zalo!, stale.zalo!, only.zalo!];
    const broadcast = await store.broadcasts.create(
      { provinceId: province.id, senderId: leader.telegram!, body: "Họp giao ban", audience: { kind: "all", leadersOnly: false } },
      (id) => recipients.map((identityId) => ({
        key: `b:${identityId}`, identityId, kind: "broadcast" as const, broadcastId: id, reply: { lines: [text(`Thông báo ${identityId}`)] }, notBefore: new Date(0),
      })),
      new Date(),
    );

    await drain(store, worker());

    expect(zalo.sent.map((m) => m.userId)).toEqual([recent.zaloUser]);
    const onTelegram = telegram.received.map((r) => [r.chatId, r.text] as const);
    expect(onTelegram).toContainEqual([String(8000 + both.personId), `Thông báo ${both.zalo}`]);
    expect(onTelegram).toContainEqual([String(8000 + stale.personId), `Thông báo ${stale.zalo}`]);
    const notice = onTelegram.filter(([chat]) => chat === String(8000 + leader.personId)).map(([, t]) => t);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain("không gửi được thông báo của Sở tới Chỉ Có Zalo (Sở Y tế) qua Zalo");
    expect(telegram.received).toHaveLength(3);

    const delivery = await store.outbox.broadcastDelivery(broadcast!.id);
    expect(delivery.counts).toMatchObject({ sent: 3, rerouted: 2, failed: 1, pending: 0 });
    expect(delivery.unreachable).toBe(1);
    // A second round finds everything settled: nobody hears anything twice, the leader not again today.
    await store.outbox.enqueue([{ key: `b:${only.zalo}:again`, identityId: only.zalo!, kind: "reminder", reply: { lines: [text("Nhắc lại")] }, notBefore: new Date(0) }]);
    await drain(store, worker());
    expect(telegram.received).toHaveLength(3);
  });

  it("keeps sending a broadcast when the OA's access token expires in the middle: one refresh, nothing lost or doubled", async () => {
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Người ${i + 1}`, "officer", { zalo: new Date(Date.now() - HOUR) })));
    await store.outbox.enqueue(people.map((p, i) => ({
      key: `t:${i}`, identityId: p.zalo!, kind: "broadcast" as const, reply: { lines: [text(`Tin số ${i}`)] }, notBefore: new Date(0),
    })));
    let expired = false;
    const watch = setInterval(() => {
      if (!expired && zalo.sent.length >= 8) {
        zalo.expireAccessTokens();
        expired = true;
      }
    }, 5);
    try {
      await drain(store, worker());
    } finally {
      clearInterval(watch);
    }
    expect(expired).toBe(true);
    expect(zalo.sent.map((m) => m.text).sort()).toEqual(people.map((_, i) => `Tin số ${i}`).sort());
    // The first token, then exactly one refresh after the expiry.
    expect(zalo.calls("/v4/oa/access_token")).toBe(2);
    expect((await store.tokens.get("zalo", zalo.oaId))?.refreshToken).toBe(zalo.currentRefreshToken());
  });

  it("never sends a promotion message at night: it waits for 06:00 without calling Zalo", async () => {
    const p = await person("Khuya", "officer", { zalo: new Date() });
    const identity = (await store.identities.find("zalo", p.zaloUser!))!;
    const sender = (at: Date) => createZaloSender({
      client: createZaloClient({ fetch, tokens: keeperFor(), apiBase: zalo.url }), i18n, now: () => at,
      windowHours: 48, textLimit: 2000, buttons: { mode: "template" }, promotionKinds: new Set(["broadcast"]),
    });
    const message = {
      id: 1, key: "n", identity: { ...identity, lastInteractionAt: new Date() }, kind: "broadcast" as const, reply: { lines: [text("Tin đêm")] },
      status: "pending" as const, attempts: 0, notBefore: new Date(0), partsSent: 0, externalId: null, broadcastId: null, replaces: null, subject: null,
    };
    const night = vnTime(2026, 11, 23, 23, 15);
    const atNight = sender(night);
    const [part] = await atNight.prepare(message, async () => null);
    expect(await atNight.sendPart(message, part!)).toMatchObject({ ok: false, kind: "deferred", until: vnTime(2026, 11, 24, 6, 0) });
    expect(zalo.calls("/v3.0/oa/message/promotion")).toBe(0);
    const morning = sender(vnTime(2026, 11, 24, 7, 0));
    expect(await morning.sendPart(message, part!)).toMatchObject({ ok: true });
    expect(zalo.sent.map((m) => [m.type, m.text])).toEqual([["promotion", "Tin đêm"]]);
  });

  it("while the OA cannot send, moves people to Telegram where they have it and keeps the others waiting, with no notice to leaders", async () => {
    const now = Date.now();
    const both = await person("Hai Kênh", "officer", { zalo: new Date(now - HOUR), telegram: new Date(now - 100 * HOUR) });
    const only = await person("Một Kênh", "officer", { zalo: new Date(now - HOUR) });
    await person("Lãnh Đạo", "leader", { telegram: new Date(now - HOUR) });
    await store.outbox.enqueue([both.zalo!, only.zalo!].map((identityId) => ({
      key: `oa:${identityId}`, identityId, kind: "reminder" as const, reply: { lines: [text(`Nhắc ${identityId}`)] }, notBefore: new Date(0),
    })));
    const w = worker({ unauthorised: true });
    const running = w.run();
    try {
      const settled = async () => {
        const { byStatus } = await store.outbox.stats({ problems: 0 });
        return byStatus.rerouted === 1 && byStatus.sent === 1 && byStatus.inflight === 0 && byStatus.pending === 1;
      };
      for (let i = 0; i < 400 && !(await settled()); i += 1) await new Promise((r) => setTimeout(r, 25));
      expect(await settled()).toBe(true);
    } finally {
      await w.stop();
      await running;
    }
    expect(telegram.received.map((r) => [r.chatId, r.text])).toEqual([[String(8000 + both.personId), `Nhắc ${both.zalo}`]]);
    // The one with Zalo only waits for the OA (ten minutes, then again), is not failed, and no leader is asked to chase them.
    const waiting = (await store.outbox.due(new Date(Date.now() + 11 * 60_000), 10)).map((m) => m.identity.id);
    expect(waiting).toEqual([only.zalo]);
    expect(await store.outbox.due(new Date(), 10)).toEqual([]);
    expect(zalo.sent).toEqual([]);
  });
});
