import { dayOf } from "../calendar.js";
import type { OutboxRecord, OutboxSubject, SendDecision } from "../ports/delivery.js";
import type { PeriodRecord } from "../ports/records.js";
import { loadCalendar, standings, type NotifyDeps } from "./jobs.js";
import { BUTTONS, STAGES, deadlineOf, lateDepartmentLines, lateLeaderLines, recipientFor, reminderLines, type UnitStanding } from "./reminders.js";

/** What a period looks like now, for deciding its queued messages: kept a few seconds, so a batch reads it once. */
interface PeriodNow {
  readonly period: PeriodRecord;
  readonly units: ReadonlyMap<number, UnitStanding>;
  readonly all: readonly UnitStanding[];
  readonly admins: ReadonlySet<number>;
  readonly at: number;
}

const FRESH_MS = 2_000;

/**
 * Reminders and late notices are decided again when their time comes, not
 * when they were planned: the period may have closed or been published, the
 * unit may have sent everything, the person may have handed the unit over
 * or asked for quiet, and the days left have changed. A message still
 * needed is rendered as of now; one that is not is dropped with its reason
 * (counted in `dti queue status`).
 */
export function createRecheck(deps: NotifyDeps, now: () => Date): (message: OutboxRecord) => Promise<SendDecision> {
  const cache = new Map<number, PeriodNow>();

  async function periodNow(periodId: number): Promise<PeriodNow | null> {
    const hit = cache.get(periodId);
    if (hit && now().getTime() - hit.at < FRESH_MS) return hit;
    const period = await deps.store.periods.byId(periodId);
    if (!period) return null;
    const outcome = await deps.scores.get(period.id);
    if (!outcome.ok) return null;
    const roles = await deps.store.people.activeRoles(period.provinceId);
    const all = standings(deps.catalog, outcome.scores, roles, await deps.store.evidence.itemsWithEvidence(period.id));
    const fresh: PeriodNow = {
      period, all, units: new Map(all.map((u) => [u.unitId, u])), at: now().getTime(),
      admins: new Set(roles.filter((r) => r.role === "admin").map((r) => r.personId)),
    };
    cache.set(periodId, fresh);
    return fresh;
  }

  return async (message) => {
    const subject = message.subject as OutboxSubject;
    const personId = message.identity.personId;
    if (personId === null) return { drop: "no_person" };
    const at = now();
    const state = await periodNow(subject.periodId);
    if (!state || state.period.status !== "open") return { drop: "period_not_open" };
    const { period } = state;
    if (subject.type === "late_department") {
      const submission = deadlineOf(period, "submission");
      if (!submission) return { drop: "deadline_passed" };
      if (!state.admins.has(personId)) return { drop: "not_responsible" };
      if (!state.all.some((u) => u.missing.length > 0)) return { drop: "nothing_owed" };
      return { send: { lines: lateDepartmentLines(period, state.all, submission) } };
    }
    const unit = state.units.get(subject.unitId);
    if (subject.type === "digest") {
      // A week's movement of a provisional standing: said as planned, unless the period closed or was published since.
      if (!unit?.leaders.includes(personId)) return { drop: "not_responsible" };
      return { send: message.reply };
    }
    if (subject.type === "late_leader") {
      const submission = deadlineOf(period, "submission");
      if (!submission || !unit) return { drop: "nothing_owed" };
      if (!unit.leaders.includes(personId)) return { drop: "not_responsible" };
      if (unit.missing.length === 0) return { drop: "nothing_owed" };
      return { send: { lines: lateLeaderLines(unit, submission), buttons: BUTTONS } };
    }
    const due = deadlineOf(period, subject.stage);
    if (!due || at >= due) return { drop: "deadline_passed" };
    if (!unit || !STAGES[subject.stage].owes(unit)) return { drop: "nothing_owed" };
    const prefs = deps.store.reminderPrefs;
    const [snoozes, delegations] = await Promise.all([prefs.snoozes(at), prefs.delegations("0000-00-00")]);
    const today = dayOf(at);
    const recipients = new Set(STAGES[subject.stage].holders(unit).map((p) => recipientFor(p, unit.unitId, today, delegations)));
    if (!recipients.has(personId)) return { drop: "not_responsible" };
    if ((snoozes.get(personId)?.getTime() ?? 0) > at.getTime()) return { drop: "snoozed" };
    // Days left are counted from the working moment it goes out (a message that waited for the weekend says Monday's count).
    const calendar = await loadCalendar(deps);
    return { send: { lines: reminderLines(subject.stage, period, unit, due, calendar.nextOpen(at)), buttons: BUTTONS } };
  };
}
