import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createCore } from "../src/bot/core.js";
import { createScoreCache } from "../src/bot/score-cache.js";
import { createItemSearch } from "../src/bot/search.js";
import { loadGlossary } from "../src/rulesets/index.js";
import { createTelegramChannel } from "../src/channels/telegram/channel.js";
import { seedDemo } from "../src/demo/seed.js";
import { createI18n } from "../src/i18n/index.js";
import { createCatalog, loadRulesetsOrThrow } from "../src/rulesets/index.js";
import { createStore } from "../src/store/index.js";
import type { BenchResult } from "./run.js";
import { round } from "./timing.js";
import { DA_NANG } from "../test/fixtures/demo/da-nang.js";

/** Budgets for what a person waits on, before Telegram's own round trip. */
const SCORE_P95_MS = 100;
const SUBMIT_P95_MS = 150;
const ROUNDS = 300;
const UNIT_CODES = ["S01", "S02", "S03", "S04", "S05", "S06", "S07", "S09", "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "S19", "S20", "S21"];

const BOT_INFO = { id: 1, is_bot: true, first_name: "DTI Bot", username: "dti_bench_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } as UserFromGetMe;
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The Bot API answered in process: every call succeeds at once, as a fast network would make it. */
const captured = (): { transformer: Transformer; calls: () => number; lastButtons: (chatId: number) => string[] } => {
  let count = 0;
  const buttons = new Map<number, string[]>();
  const transformer: Transformer = async (_prev, method, payload) => {
    count += 1;
    const p = payload as { chat_id?: number; reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } };
    if (method === "sendMessage" && p.reply_markup?.inline_keyboard) buttons.set(Number(p.chat_id), p.reply_markup.inline_keyboard.flat().map((b) => b.callback_data ?? ""));
    const result = method === "sendMessage" ? { message_id: count, date: 0, chat: { id: Number(p.chat_id ?? 0), type: "private" }, text: "" } : true;
    return { ok: true, result } as never;
  };
  return { transformer, calls: () => count, lastButtons: (chatId) => buttons.get(chatId) ?? [] };
};

let updateId = 0;
const textUpdate = (chatId: number, text: string): Update => ({
  update_id: ++updateId,
  message: {
    message_id: updateId, date: 0, text, chat: { id: chatId, type: "private", first_name: "B" }, from: { id: chatId, is_bot: false, first_name: "B", language_code: "vi" },
    ...(text.startsWith("/") && { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] }),
  },
} as Update);
const tapUpdate = (chatId: number, data: string): Update => ({
  update_id: ++updateId,
  callback_query: {
    id: String(updateId), chat_instance: "1", data, from: { id: chatId, is_bot: false, first_name: "B", language_code: "vi" },
    message: { message_id: 1, date: 0, chat: { id: chatId, type: "private", first_name: "B" }, text: "" },
  },
} as Update);

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5), 3), p95: round(at(0.95), 3) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Sequential latencies of `rounds` updates, and the rate they came at. */
async function measure(rounds: number, one: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; perSecond: number }> {
  for (let i = 0; i < 20; i += 1) await one(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) samples.push(await timed(() => one(i)));
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { ...percentiles(samples), perSecond: round((rounds * 1000) / totalMs, 1) };
}

/**
 * Chat through the full stack on SQLite: grammY, the inbox, the core, the
 * store and the scoring engine, with the Bot API answered in process. The
 * baseline is a bare grammY bot echoing each message, in the same run.
 */
export async function chatBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-chat-"));
  try {
    const catalog = createCatalog(loadRulesetsOrThrow("rulesets").rulesets);
    const store = await createStore(`file:${join(dir, "chat.db")}`);
    const now = new Date("2026-11-21T03:00:00Z");
    await seedDemo({ store, catalog, now: new Date(now.getTime() - 86_400_000), province: DA_NANG });
    const core = createCore({ store, catalog, search: createItemSearch(catalog, loadGlossary("rulesets")), scores: createScoreCache({ store, catalog }), now: () => now, log: QUIET });
    const api = captured();
    const channel = createTelegramChannel({
      token: "1:BENCH-TOKEN-FOR-THE-CHAT-BENCHMARK", botInfo: BOT_INFO, core, i18n: createI18n(), inbox: store.inbox, log: QUIET,
      rateLimit: 1_000_000, now: () => now, transformer: api.transformer,
    });
    const province = (await store.provinces.byCode("da-nang"))!;
    const officers: number[] = [];
    for (const [i, code] of UNIT_CODES.entries()) {
      const unit = await store.units.byCode(province.id, code);
      if (!unit) continue;
      const invite = await store.invites.create({ provinceId: province.id, unitId: unit.id, role: "officer", maxUses: 1, expiresAt: new Date(now.getTime() + 86_400_000) }, "bench");
      const chatId = 10_000 + i;
      await channel.process(textUpdate(chatId, `/start ${invite.code}`));
      officers.push(chatId);
    }
    const who = (i: number) => officers[i % officers.length]!;

    const score = await measure(ROUNDS, (i) => channel.process(textUpdate(who(i), "/diem")));
    // A submission as the officer makes it: the figure, then the tap on "Xác nhận"; each changes the period's scores.
    const previews: number[] = [];
    const confirms: number[] = [];
    for (let i = 0; i < ROUNDS + 20; i += 1) {
      const chatId = who(i);
      const preview = await timed(() => channel.process(textUpdate(chatId, `6.2 = ${40 + (i % 60)}%`)));
      const ok = api.lastButtons(chatId).find((b) => b.startsWith("ok:"))!;
      const confirm = await timed(() => channel.process(tapUpdate(chatId, ok)));
      if (i >= 20) {
        previews.push(preview);
        confirms.push(confirm);
      }
    }
    const submitted = percentiles(previews.map((p, i) => p + confirms[i]!));
    await store.close();

    const echo = new Bot("1:BENCH-TOKEN-FOR-THE-ECHO-BASELINE", { botInfo: BOT_INFO });
    echo.api.config.use(captured().transformer);
    echo.on("message:text", (ctx) => ctx.reply(ctx.message.text));
    const baseline = await measure(ROUNDS, (i) => echo.handleUpdate(textUpdate(who(i), "/diem")));

    const row = (name: string, p: { p50: number; p95: number }, budget: number, perSecond?: number): BenchResult => ({
      bench: `chat.${name}`, backend: "sqlite", rounds: ROUNDS, p50_ms: p.p50, p95_ms: p.p95, ...(perSecond !== undefined && { updates_per_s: perSecond }),
      echo_p50_ms: baseline.p50, echo_updates_per_s: baseline.perSecond, overhead_p50_ms: round(p.p50 - baseline.p50, 3),
      target_p95_ms: budget, pass: p.p95 < budget,
    });
    return [
      row("score", score, SCORE_P95_MS, score.perSecond),
      row("submit_preview", percentiles(previews), SUBMIT_P95_MS),
      row("submit_confirm", percentiles(confirms), SUBMIT_P95_MS),
      row("submit_total", submitted, 2 * SUBMIT_P95_MS),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
