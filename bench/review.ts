import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore } from "../src/bot/core.js";
import type { Inbound, InboundFile } from "../src/bot/reply.js";
import { createScoreCache } from "../src/bot/score-cache.js";
import { createItemSearch } from "../src/bot/search.js";
import { loadGlossary } from "../src/rulesets/index.js";
import { seedDemo } from "../src/demo/seed.js";
import { createCatalog, loadRulesetsOrThrow } from "../src/rulesets/index.js";
import { createFileStorage, createStore } from "../src/store/index.js";
import type { BenchResult } from "./run.js";
import { round } from "./timing.js";
import { DA_NANG } from "../test/fixtures/demo/da-nang.js";

/** What a reviewer waits for a card, and an officer for a large file to be checked and kept. */
const CARD_P95_TARGET_MS = 500;
const INTAKE_P50_TARGET_MS = 1_000;
const ROUNDS = 30;
const FILE_MB = 8;
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2) };
}

async function timed(rounds: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

/**
 * The review path on the demo province (about 60 units with figures, two
 * rulesets, SQLite): a reviewer's /thamdinh card, which rescans the queue,
 * beside /diem; and an 8 MB PDF taken as evidence (type detection, checksum,
 * write, record), beside hashing and writing the same bytes by hand.
 */
export async function reviewBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-review-"));
  const store = await createStore(`file:${join(dir, "bench.db")}`);
  try {
    const catalog = createCatalog(loadRulesetsOrThrow("rulesets").rulesets);
    await seedDemo({ store, catalog, now: new Date(), province: DA_NANG });
    const evidence = { storage: createFileStorage(join(dir, "evidence")), maxBytes: 20 * 1_048_576, types: new Set(["pdf", "jpg", "png"]) };
    const core = createCore({
      store, catalog, search: createItemSearch(catalog, loadGlossary("rulesets")), scores: createScoreCache({ store, catalog }), now: () => new Date(), log: QUIET, evidence,
    });
    let n = 0;
    const say = (userId: string, extra: Partial<Inbound>) => core.handle({
      channel: "console", updateId: `b${++n}`, userId, chatId: userId, chatType: "private", displayName: userId, at: new Date(), ...extra,
    });
    const province = (await store.provinces.byCode("da-nang"))!;
    const invite = async (role: "officer" | "reviewer", unitCode: string) => (await store.invites.create({
      provinceId: province.id, unitId: (await store.units.byCode(province.id, unitCode))!.id, role, maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000),
    }, "bench")).code;
    await say("reviewer", { text: `/start ${await invite("reviewer", "S08")}` });
    await say("officer", { text: `/start ${await invite("officer", "S19")}` });

    const cards = percentiles(await timed(ROUNDS, () => say("reviewer", { text: "/thamdinh" })));
    const scores = percentiles(await timed(ROUNDS, () => say("officer", { text: "/diem" })));

    // Each file differs, so every intake hashes and writes its own content.
    const pdf = (i: number) => {
      const body = randomBytes(FILE_MB * 1_048_576);
      body.set(Buffer.from(`%PDF-1.4\n%${i}\n`));
      return new Uint8Array(body);
    };
    const file = (data: Uint8Array): InboundFile => ({ filename: "bao-cao.pdf", declaredType: "application/pdf", size: data.byteLength, download: async () => data });
    const intake = percentiles(await timed(10, (i) => say("officer", { text: "4.1", file: file(pdf(i + 100)) })));
    const plain = percentiles(await timed(10, async (i) => {
      const data = pdf(i + 1000);
      const sha = createHash("sha256").update(data).digest("hex");
      writeFileSync(join(dir, `${sha}.pdf`), data);
    }));
    return [
      {
        bench: "review.queue_card", database: "sqlite", rounds: ROUNDS, card_p50_ms: cards.p50, card_p95_ms: cards.p95,
        baseline_score_p50_ms: scores.p50, baseline_score_p95_ms: scores.p95, target_p95_ms: CARD_P95_TARGET_MS, pass: cards.p95 < CARD_P95_TARGET_MS,
      },
      {
        bench: "review.evidence_intake", file_mb: FILE_MB, intake_p50_ms: intake.p50, intake_p95_ms: intake.p95,
        baseline_hash_and_write_p50_ms: plain.p50, target_p50_ms: INTAKE_P50_TARGET_MS, pass: intake.p50 < INTAKE_P50_TARGET_MS,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
