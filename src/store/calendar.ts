import type { CalendarOverride } from "../bot/calendar.js";
import type { CalendarRepo, Delegation, ReminderPrefsRepo } from "../bot/ports/delivery.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { enqueueIn } from "./outbox.js";
import { transact } from "./transact.js";

export function createCalendarRepo(db: Db): CalendarRepo {
  return {
    async list() {
      const rows = await db.calendarDay.findMany({ orderBy: { day: "asc" } });
      return rows.map((r): CalendarOverride => ({ day: r.day, kind: r.kind === "workday" ? "workday" : "holiday", note: r.note }));
    },
    async set(day, actor) {
      await transact(db, async (tx) => {
        await tx.calendarDay.upsert({
          where: { day: day.day }, create: { ...day, createdBy: actor }, update: { kind: day.kind, note: day.note, createdBy: actor },
        });
        await audit(tx, actor, "calendar.set", `day:${day.day}`, { kind: day.kind, note: day.note });
      });
    },
    async remove(day, actor) {
      return transact(db, async (tx) => {
        const removed = (await tx.calendarDay.deleteMany({ where: { day } })).count > 0;
        if (removed) await audit(tx, actor, "calendar.remove", `day:${day}`);
        return removed;
      });
    },
  };
}

export function createReminderPrefsRepo(db: Db): ReminderPrefsRepo {
  type Row = { id: number; personId: number; unitId: number | null; toPersonId: number; fromDay: string; toDay: string };
  const toDelegation = (r: Row): Delegation => ({
    id: r.id, personId: r.personId, unitId: r.unitId, toPersonId: r.toPersonId, fromDay: r.fromDay, toDay: r.toDay,
  });
  return {
    async snooze(personId, until) {
      await db.reminderSnooze.upsert({ where: { personId }, create: { personId, until }, update: { until } });
    },
    async unsnooze(personId) {
      return (await db.reminderSnooze.deleteMany({ where: { personId } })).count > 0;
    },
    async snoozes(now) {
      const rows = await db.reminderSnooze.findMany({ where: { until: { gt: now } } });
      return new Map(rows.map((r) => [r.personId, r.until]));
    },
    async delegate(input, notice, now) {
      return transact(db, async (tx) => {
        const row = await tx.reminderDelegation.create({ data: { ...input } });
        const message = notice(row.id);
        if (message) await enqueueIn(tx, [message], now);
        return toDelegation(row);
      });
    },
    async cancelDelegations(personId, now) {
      return (await db.reminderDelegation.updateMany({ where: { personId, cancelledAt: null }, data: { cancelledAt: now } })).count;
    },
    async delegations(fromDay) {
      const rows = await db.reminderDelegation.findMany({ where: { cancelledAt: null, toDay: { gte: fromDay } }, orderBy: { id: "asc" } });
      return rows.map(toDelegation);
    },
  };
}
