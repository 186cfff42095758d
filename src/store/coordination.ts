import type { CoordinationRepo } from "../bot/ports/delivery.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./retry.js";

/**
 * Coordination between instances through the database: one row per run of a
 * scheduled job (the first insert wins; a run whose owner died is taken over
 * after its time-to-live), and leases renewed by their holder.
 */
export function createCoordinationRepo(db: Db): CoordinationRepo {
  return {
    async claimRun(key, owner, now, ttlMs) {
      const expiresAt = new Date(now.getTime() + ttlMs);
      try {
        await db.jobRun.create({ data: { key, owner, startedAt: now, expiresAt } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const taken = await db.jobRun.updateMany({
          where: { key, finishedAt: null, expiresAt: { lte: now } }, data: { owner, startedAt: now, expiresAt },
        });
        return taken.count > 0;
      }
    },
    async finishRun(key, now) {
      await db.jobRun.updateMany({ where: { key }, data: { finishedAt: now } });
    },
    async lease(name, holder, now, ttlMs) {
      const expiresAt = new Date(now.getTime() + ttlMs);
      // A holder is "<instance>#<run>". An earlier run of the same instance is gone (an instance runs once at a
      // time), so its lease is taken over at once rather than when it runs out.
      const instance = holder.includes("#") ? holder.slice(0, holder.lastIndexOf("#") + 1) : null;
      const renewed = await db.lease.updateMany({
        where: { name, OR: [{ holder }, { expiresAt: { lte: now } }, ...(instance ? [{ holder: { startsWith: instance } }] : [])] },
        data: { holder, expiresAt },
      });
      if (renewed.count > 0) return true;
      try {
        await db.lease.create({ data: { name, holder, expiresAt } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async release(name, holder) {
      await db.lease.deleteMany({ where: { name, holder } });
    },
    async pruneRuns(before) {
      return (await db.jobRun.deleteMany({ where: { startedAt: { lt: before } } })).count;
    },
  };
}
