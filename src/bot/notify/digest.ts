import { dayOf } from "../calendar.js";
import { snapshotUnits } from "../period-scores.js";
import type { OutboxInput } from "../ports/delivery.js";
import { line, movement } from "../reply.js";
import { holdersByUnit, loadCalendar, type NotifyDeps, type QueueOutcome } from "./jobs.js";

/**
 * The weekly digest: each open period's provisional standing is kept as a
 * snapshot, and the leaders of every unit whose rank or total moved since
 * the last one hear how (rank changes are not pushed in real time). The
 * snapshot and the messages commit together. With `missedSince` (a start
 * catching up on a digest the stopped service did not make), only periods
 * with no snapshot since then are done: a restart never makes two in a week.
 */
export async function queueDigest(deps: NotifyDeps, now: Date, options: { missedSince?: Date } = {}): Promise<QueueOutcome> {
  const total = { planned: 0, queued: 0, unreachable: 0 };
  // A digest day that falls on a holiday waits for the next working morning.
  const notBefore = (await loadCalendar(deps)).nextOpen(now);
  for (const province of await deps.store.provinces.list()) {
    const periods = (await deps.store.periods.list(province.id)).filter((p) => p.status === "open");
    if (periods.length === 0) continue;
    const holders = holdersByUnit(await deps.store.people.activeRoles(province.id));
    for (const period of periods) {
      const previous = await deps.store.snapshots.latest(period.id, "provisional");
      if (options.missedSince && previous && previous.createdAt >= options.missedSince) continue;
      const outcome = await deps.scores.get(period.id);
      if (!outcome.ok) continue;
      const units = snapshotUnits(outcome.scores, "self");
      const sizes = new Map(outcome.scores.groups.map((g) => [g.groupCode, g.self.units.length]));
      const planned: { personId: number; unitId: number; lines: ReturnType<typeof line>[] }[] = [];
      for (const u of units) {
        const before = previous?.units.find((b) => b.unitId === u.unitId);
        if (!previous || !before || (before.rank === u.rank && before.total === u.total)) continue;
        const name = outcome.scores.units.get(u.unitId)?.name ?? String(u.unitId);
        const lines = [line("notify-digest", {
          unit: name, date: previous.createdAt, ...movement(before.rank - u.rank, "places"), ...movement(Math.round((u.total - before.total) * 100) / 100, "points"),
          rankBefore: before.rank, rank: u.rank, size: sizes.get(u.groupCode) ?? 0, totalBefore: before.total, total: u.total,
        })];
        for (const personId of new Set(holders.get(u.unitId)?.leaders ?? [])) planned.push({ personId, unitId: u.unitId, lines });
      }
      const reach = await deps.store.identities.preferred(planned.map((p) => p.personId), deps.channels);
      const week = dayOf(now);
      const saved = await deps.store.snapshots.saveAndNotify({
        periodId: period.id, kind: "provisional", units, actor: "digest", now,
        messages: () => planned.flatMap((p): OutboxInput[] => {
          const identity = reach.get(p.personId);
          return identity
            ? [{
                key: `digest:${period.id}:${week}:${identity.id}:${p.unitId}`, identityId: identity.id, kind: "digest", notBefore,
                subject: { type: "digest", periodId: period.id, unitId: p.unitId },
                reply: { lines: p.lines, buttons: [[{ label: line("notify-button-score"), action: "cmd:diem" }]] },
              }]
            : [];
        }),
      });
      if (saved.ok) {
        total.planned += planned.length;
        total.queued += saved.queued;
        total.unreachable += planned.filter((p) => !reach.has(p.personId)).length;
      }
    }
  }
  if (total.queued > 0) deps.wake?.();
  return total;
}
