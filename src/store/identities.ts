import type { ChannelName, IdentityRecord } from "../bot/ports/records.js";
import type { IdentityRepo } from "../bot/ports/store.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./retry.js";

type IdentityRow = {
  id: number; personId: number | null; channel: string; externalId: string; chatId: string | null; displayName: string | null;
  language: string; reachable: boolean; unreachableReason: string | null; lastInteractionAt: Date | null; activeUnitId: number | null;
};

export const toIdentity = (r: IdentityRow): IdentityRecord => ({
  id: r.id, personId: r.personId, channel: r.channel as ChannelName, externalId: r.externalId, chatId: r.chatId,
  displayName: r.displayName, language: r.language === "en" ? "en" : "vi", reachable: r.reachable,
  unreachableReason: r.unreachableReason, lastInteractionAt: r.lastInteractionAt, activeUnitId: r.activeUnitId,
});

export function createIdentityRepo(db: Db): IdentityRepo {
  return {
    async find(channel, externalId) {
      const row = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
      return row ? toIdentity(row) : null;
    },
    async touch(channel, externalId, at, details = {}) {
      // A message from the person proves they are reachable again (unblocked, followed again).
      const where = { channel_externalId: { channel, externalId } };
      const known = await db.channelIdentity.findUnique({ where, select: { id: true, lastInteractionAt: true } });
      // An event handled late (recovered after a restart) must not move the last interaction back: Zalo's window counts from it.
      const latest = known?.lastInteractionAt && known.lastInteractionAt > at ? known.lastInteractionAt : at;
      const update = { lastInteractionAt: latest, reachable: true, unreachableReason: null, ...details };
      if (!known) {
        try {
          const row = await db.channelIdentity.create({ data: { channel, externalId, lastInteractionAt: at, ...details } });
          return { ...toIdentity(row), created: true };
        } catch (error) {
          // Two first messages at once: the other one created it.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return { ...toIdentity(await db.channelIdentity.update({ where, data: update })), created: false };
    },
    async bindPerson(identityId, personId) {
      return toIdentity(await db.channelIdentity.update({ where: { id: identityId }, data: { personId } }));
    },
    async setLanguage(identityId, language) {
      await db.channelIdentity.update({ where: { id: identityId }, data: { language } });
    },
    async markUnreachable(identityId, reason) {
      await db.channelIdentity.update({ where: { id: identityId }, data: { reachable: false, unreachableReason: reason } });
    },
    async setActiveUnit(identityId, unitId) {
      await db.channelIdentity.update({ where: { id: identityId }, data: { activeUnitId: unitId } });
    },
    async ofPerson(personId) {
      return (await db.channelIdentity.findMany({ where: { personId }, orderBy: { id: "asc" } })).map(toIdentity);
    },
    async preferred(personIds, channels) {
      const out = new Map<number, IdentityRecord>();
      const ids = [...new Set(personIds)];
      // SQLite takes at most 999 parameters a statement through Prisma.
      for (let i = 0; i < ids.length; i += 900) {
        const rows = await db.channelIdentity.findMany({
          where: { personId: { in: ids.slice(i, i + 900) }, reachable: true, channel: { in: [...channels] } },
          orderBy: [{ lastInteractionAt: "desc" }, { id: "desc" }],
        });
        for (const row of rows) if (row.personId !== null && !out.has(row.personId)) out.set(row.personId, toIdentity(row));
      }
      return out;
    },
  };
}
