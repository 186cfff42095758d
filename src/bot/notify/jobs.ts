import { examplesOf } from "../examples.js";
import { workedExample } from "../worked-example.js";
import type { Catalog } from "../../rulesets/index.js";
import { createWorkCalendar, type OfficeHours, type WorkCalendar } from "../calendar.js";
import type { PeriodScores } from "../period-scores.js";
import type { ChannelName, FigureRecord, RoleRecord } from "../ports/records.js";
import type { Store } from "../ports/store.js";
import type { ScoreCache } from "../score-cache.js";
import type { LogPort } from "../session.js";
import { planReminders, type PlannedMessage, type ReminderSettings, type UnitStanding } from "./reminders.js";

export interface NotifyDeps {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly scores: ScoreCache;
  readonly log: LogPort;
  readonly office: OfficeHours;
  readonly reminders: ReminderSettings;
  /** Channels that can deliver pushes now (those with a sender). */
  readonly channels: readonly ChannelName[];
  /** Tell the delivery worker something was queued. */
  readonly wake?: () => void;
}

export interface QueueOutcome {
  readonly planned: number;
  readonly queued: number;
  /** People with nothing to reach them on (never joined in chat, or blocked the bot). */
  readonly unreachable: number;
}

/** The working calendar with the department's own days from the store. */
export async function loadCalendar(deps: Pick<NotifyDeps, "store" | "office">): Promise<WorkCalendar> {
  return createWorkCalendar({ office: deps.office, overrides: await deps.store.calendar.list() });
}

/** Queue planned messages to each person's preferred chat; keys already queued are skipped. */
export async function queuePlanned(deps: Pick<NotifyDeps, "store" | "channels" | "wake">, planned: readonly PlannedMessage[]): Promise<QueueOutcome> {
  if (planned.length === 0) return { planned: 0, queued: 0, unreachable: 0 };
  const reach = await deps.store.identities.preferred(planned.map((p) => p.personId), deps.channels);
  const inputs = planned.flatMap((p) => {
    const identity = reach.get(p.personId);
    if (!identity) return [];
    return [{ key: p.key, identityId: identity.id, kind: p.kind, reply: p.reply, notBefore: p.notBefore, subject: p.subject }];
  });
  const queued = await deps.store.outbox.enqueue(inputs);
  if (queued > 0) deps.wake?.();
  return { planned: planned.length, queued, unreachable: planned.length - inputs.length };
}

/** Officers and leaders of each unit, from a province's roles. */
export function holdersByUnit(roles: readonly RoleRecord[]): Map<number, { officers: number[]; leaders: number[] }> {
  const out = new Map<number, { officers: number[]; leaders: number[] }>();
  for (const r of roles) {
    if (r.unitId === null || (r.role !== "officer" && r.role !== "leader")) continue;
    const entry = out.get(r.unitId) ?? { officers: [], leaders: [] };
    (r.role === "officer" ? entry.officers : entry.leaders).push(r.personId);
    out.set(r.unitId, entry);
  }
  return out;
}

/**
 * Items with a figure whose rule demands evidence and that have none (files,
 * references): incomplete. `figures` are one unit's current figures.
 */
export function needingEvidence(
  catalog: Catalog, rulesetId: string, figures: readonly FigureRecord[], withEvidence: ReadonlySet<string>,
): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (const f of figures) {
    if (!f.figure || f.figure.kind === "not_applicable" || withEvidence.has(`${f.unitId}:${f.itemCode}`)) continue;
    const node = catalog.item(rulesetId, f.itemCode);
    if (node?.evidenceRequired) out.push({ code: f.itemCode, name: node.name });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code, "vi", { numeric: true }));
}

/** What each unit of a scored period still owes, and who answers for it. */
export function standings(
  catalog: Catalog, scores: PeriodScores, roles: readonly RoleRecord[], withEvidence: ReadonlySet<string> = new Set(),
): UnitStanding[] {
  const holders = holdersByUnit(roles);
  const waiting = new Map<number, number>();
  // Each unit's figures, gathered once: thousands of units each scanning every figure of the period would be quadratic.
  const figuresOf = new Map<number, FigureRecord[]>();
  for (const f of scores.figures) {
    if (f.status === "submitted" && f.figure) waiting.set(f.unitId, (waiting.get(f.unitId) ?? 0) + 1);
    if (!figuresOf.has(f.unitId)) figuresOf.set(f.unitId, []);
    figuresOf.get(f.unitId)!.push(f);
  }
  const out: UnitStanding[] = [];
  const fallback = examplesOf(catalog, scores.ruleset).figure;
  for (const group of scores.groups) {
    for (const score of group.self.units) {
      const unit = scores.units.get(Number(score.unitId));
      if (!unit || !unit.active) continue;
      const missing = score.items.filter((i) => i.status === "missing" && i.effect === "base")
        .map((i) => ({ code: i.code, name: catalog.item(scores.ruleset.id, i.code)?.name ?? "", max: i.max }));
      const people = holders.get(unit.id) ?? { officers: [], leaders: [] };
      const awaitingApproval = waiting.get(unit.id) ?? 0;
      const needsEvidence = needingEvidence(catalog, scores.ruleset.id, figuresOf.get(unit.id) ?? [], withEvidence);
      // The example is one of the items the unit still owes, where one has a figure to show.
      const owed = missing.map((m) => catalog.item(scores.ruleset.id, m.code)).find((n) => n && workedExample(scores.ruleset, n));
      const example = owed ? `${owed.code} = ${workedExample(scores.ruleset, owed)!.input}` : fallback;
      out.push({ unitId: unit.id, unitName: unit.name, unitKind: unit.kind, missing, awaitingApproval, needsEvidence, example, ...people });
    }
  }
  return out;
}

/**
 * The reminder job: for every open period of every province, plan what is
 * due now (reminders, late notices, the department's list) and queue it.
 * Run as often as wanted: keys make each message go once.
 */
export async function queueReminders(deps: NotifyDeps, now: Date): Promise<QueueOutcome> {
  const calendar = await loadCalendar(deps);
  const prefs = deps.store.reminderPrefs;
  const [snoozes, delegations] = await Promise.all([prefs.snoozes(now), prefs.delegations("0000-00-00")]);
  const total = { planned: 0, queued: 0, unreachable: 0 };
  for (const province of await deps.store.provinces.list()) {
    const periods = (await deps.store.periods.list(province.id)).filter((p) => p.status === "open");
    if (periods.length === 0) continue;
    const roles = await deps.store.people.activeRoles(province.id);
    const admins = roles.filter((r) => r.role === "admin").map((r) => r.personId);
    for (const period of periods) {
      const outcome = await deps.scores.get(period.id);
      if (!outcome.ok) continue;
      const units = standings(deps.catalog, outcome.scores, roles, await deps.store.evidence.itemsWithEvidence(period.id));
      const planned = planReminders({ period, units, calendar, settings: deps.reminders, snoozes, delegations, admins, now });
      const result = await queuePlanned(deps, planned);
      total.planned += result.planned;
      total.queued += result.queued;
      total.unreachable += result.unreachable;
    }
  }
  if (total.queued > 0) deps.log.info({ ...total }, "reminders queued");
  return total;
}
