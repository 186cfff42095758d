import type { EvidenceRef, FigureStatus, RoleName, UnitRecord } from "../bot/ports/records.js";
import type { FigureInput, Store } from "../bot/ports/store.js";
import { vnDay, vnEndOfDay } from "../i18n/dates.js";
import type { Catalog } from "../rulesets/index.js";
import { parseFigure, walk, type RulesetNode } from "../scoring/index.js";
import { HO_CHI_MINH } from "./ho-chi-minh.js";
import { demoName, type DemoProvince } from "./province.js";
import { seeded } from "./random.js";

/** The province the service seeds when it starts empty with no channel: two tiers, as since 1/7/2025. */
export const DEMO_PROVINCE: DemoProvince = HO_CHI_MINH;
const ACTOR = "demo-seed";
const DAY_MS = 86_400_000;

export interface DemoInvite {
  readonly label: string;
  readonly role: RoleName;
  readonly unitCode: string | null;
  readonly code: string;
}

export interface DemoSeedResult {
  readonly created: boolean;
  readonly periodIds: readonly number[];
  readonly invites: readonly DemoInvite[];
}

/** What an officer would type for an item, varied by a seeded random source. */
export function demoValue(node: RulesetNode, random: () => number): string {
  const max = node.maxPoints ?? 0;
  const rule = node.rule;
  switch (node.input?.kind) {
    case "percent": {
      const p = 40 + random() * 60;
      return random() < 0.5 ? `${Math.round(p)}%` : `${p.toFixed(1).replace(".", ",")}%`;
    }
    case "fraction": {
      if (rule?.type === "per_report") {
        const sent = rule.reports - Math.floor(random() * 2);
        return `${sent - Math.floor(random() * 2)}/${sent}`;
      }
      const b = 20 + Math.floor(random() * 580);
      return `${Math.floor(b * (0.35 + random() * 0.65))}/${b}`;
    }
    case "count":
      return String(Math.floor(random() * 8));
    case "yes_no":
      return random() < 0.75 ? "có" : "chưa";
    case "choice": {
      const options = rule?.type === "levels" ? rule.levels : rule?.type === "parts" ? rule.parts : [];
      if (rule?.type === "parts") return random() < 0.6 ? "cả hai" : options[0]?.label ?? "không";
      return options[Math.floor(random() * options.length)]?.label ?? "";
    }
    case "money":
      return random() < 0.5 ? `${(random() * 2).toFixed(2).replace(".", ",")} tỷ` : `${Math.floor(100 + random() * 900)} triệu`;
    case "points":
      return (Math.round(random() * max * 2) / 2).toString().replace(".", ",");
    default:
      return (random()).toFixed(4).replace(".", ",");
  }
}

/**
 * The evidence a demo figure comes with: a report number for most items, and
 * always for items whose rule demands evidence (a unit that has submitted
 * everything is complete). Draws from `random` exactly as before evidence
 * became required, so the demo's figures stay the same.
 */
function reference(unitCode: string, leaf: RulesetNode, random: () => number): EvidenceRef[] {
  const drawn = random() < 0.6;
  if (!drawn && !leaf.evidenceRequired) return [];
  const number = drawn ? 100 + Math.floor(random() * 800) : 100 + (leaf.code.replace(/\D/g, "").length * 97) % 800;
  return [{ number: `${number}/BC-${unitCode}`, date: "15/01/2026", summary: `Báo cáo số liệu chỉ số ${leaf.code}` }];
}

function figuresFor(
  unit: UnitRecord, leaves: readonly RulesetNode[], periodId: number, officer: { id: number; name: string }, random: () => number,
): FigureInput[] {
  const pattern = random();
  if (pattern < 0.1) return []; // has not submitted anything yet
  const dropShare = pattern < 0.4 ? 0.1 + random() * 0.2 : 0;
  const out: FigureInput[] = [];
  for (const leaf of leaves) {
    if (random() < dropShare) continue;
    const raw = demoValue(leaf, random);
    const parsed = parseFigure(raw, leaf);
    if (!parsed.ok) continue;
    const roll = random();
    const status: FigureStatus = roll < 0.03 ? "disputed" : roll < 0.2 ? "reviewed" : roll < 0.45 ? "approved" : "submitted";
    // Some reviewed figures were corrected by the review team, so self and reviewed scores differ.
    const corrected = status === "reviewed" && random() < 0.4 ? parseFigure(demoValue(leaf, random), leaf) : null;
    out.push({
      periodId, unitId: unit.id, itemCode: leaf.code, rawValue: raw, figure: parsed.figure, status,
      evidence: reference(unit.code, leaf, random),
      enteredBy: officer.id, enteredByLabel: officer.name, channel: random() < 0.7 ? "telegram" : "zalo",
      ...(status === "disputed" && { reviewNote: "Đoàn thẩm định đề nghị bổ sung minh chứng", reviewFigure: parsed.figure }),
      ...(corrected?.ok && { reviewNote: "Điều chỉnh theo tài liệu kiểm chứng", reviewFigure: corrected.figure }),
    });
  }
  return out;
}

/**
 * A demo province: its units, ranking groups scored with the shipped
 * rulesets, people and invite codes, an open period of the evaluation year
 * whose deadlines are counted from `now` (so the demo always has live work),
 * and figures for most units (some missing, some disputed), so every chat
 * feature has something to show. Does nothing when the province exists.
 */
export async function seedDemo(deps: { store: Store; catalog: Catalog; now: Date; province?: DemoProvince }): Promise<DemoSeedResult> {
  const { store, catalog, now } = deps;
  const demo = deps.province ?? DEMO_PROVINCE;
  if (await store.provinces.byCode(demo.code)) return { created: false, periodIds: [], invites: [] };
  const random = seeded(2025);
  const province = await store.provinces.ensure(demo.code, demo.name);
  for (const group of demo.groups) await store.provinces.assignRuleset(province.id, group, ACTOR);
  await store.units.upsertMany(province.id, demo.units(), ACTOR);
  const units = await store.units.list(province.id, { activeOnly: true });
  const officers = new Map<number, { id: number; name: string }>();
  const roster = units.flatMap((u) => [
    { fullName: demoName(random), unitCode: u.code, role: "officer" as const },
    { fullName: demoName(random), unitCode: u.code, role: "leader" as const },
  ]);
  await store.people.importMany(province.id, [
    ...roster,
    { fullName: `Quản trị ${demo.organiser}`, unitCode: null, role: "admin" },
    { fullName: `Cán bộ thẩm định ${demo.organiser}`, unitCode: demo.reviewerUnit, role: "reviewer" },
  ], ACTOR);
  for (const unit of units) {
    const [officer] = await store.people.holders(province.id, unit.id, "officer");
    if (officer) officers.set(unit.id, { id: officer.id, name: officer.fullName });
  }

  const today = vnDay(now);
  const year = demo.evaluationYear(today.year, today.month);
  const day = (offset: number) => {
    const d = vnDay(new Date(now.getTime() + offset * DAY_MS));
    return vnEndOfDay(d.year, d.month, d.day);
  };
  const periodIds: number[] = [];
  for (const rulesetId of new Set(demo.groups.map((g) => g.rulesetId))) {
    const ruleset = catalog.get(rulesetId);
    if (!ruleset) continue;
    const period = await store.periods.open({
      provinceId: province.id, rulesetId, year,
      deadlines: [
        { kind: "submission", dueAt: day(10) }, { kind: "leader_approval", dueAt: day(13) }, { kind: "review", dueAt: day(30) },
        { kind: "appeal", dueAt: day(40) }, { kind: "publication", dueAt: day(50) },
      ],
    }, ACTOR);
    periodIds.push(period.id);
    const groupCodes = new Set<string>(demo.groups.filter((g) => g.rulesetId === rulesetId).map((g) => g.groupCode));
    const leaves = walk(ruleset).filter((n) => n.children.length === 0 && n.rule && n.rule.type !== "not_scored");
    const inputs = units
      .filter((u) => u.groupCode && groupCodes.has(u.groupCode) && officers.has(u.id))
      .flatMap((u) => figuresFor(u, leaves, period.id, officers.get(u.id)!, random));
    await store.figures.recordMany(inputs, new Date(now.getTime() - 3 * DAY_MS));
    // A correction, so "who changed this and when" has a history to show.
    const first = inputs.find((i) => demo.correctedItems.includes(i.itemCode));
    if (first) await store.figures.record({ ...first, status: "submitted", note: "Cập nhật theo số liệu cuối kỳ" }, new Date(now.getTime() - DAY_MS));
  }

  const invites: DemoInvite[] = [];
  const invite = async (label: string, role: RoleName, unitCode: string | null) => {
    const unit = unitCode ? units.find((u) => u.code === unitCode) : undefined;
    const { code } = await store.invites.create({
      provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: 5, expiresAt: new Date(now.getTime() + 60 * DAY_MS), note: "demo",
    }, ACTOR);
    invites.push({ label, role, unitCode, code });
  };
  for (const [label, role, unitCode] of demo.invites) await invite(label, role, unitCode);
  return { created: true, periodIds, invites };
}
