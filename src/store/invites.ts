import { createHash, randomInt } from "node:crypto";
import type { InviteRecord, RoleName } from "../bot/ports/records.js";
import type { InviteRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";

/** Crockford's base32 without I, L, O, U: nothing to misread when a code is read out or retyped. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10; // 50 bits: guessing is hopeless within an invite's lifetime

/** A fresh random code, e.g. "K7QM2XWP9R" (also valid as a Telegram /start parameter). */
export function newInviteCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Codes are compared case-insensitively, ignoring spaces and dashes people add. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function hashCode(code: string): string {
  return createHash("sha256").update(normaliseCode(code)).digest("hex");
}

type InviteRow = {
  id: number; provinceId: number; unitId: number | null; role: string; maxUses: number; uses: number; expiresAt: Date;
  revokedAt: Date | null; createdBy: string; note: string | null;
};

const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id, provinceId: r.provinceId, unitId: r.unitId, role: r.role as RoleName, maxUses: r.maxUses, uses: r.uses,
  expiresAt: r.expiresAt, revokedAt: r.revokedAt, createdBy: r.createdBy, note: r.note,
});

export function createInviteRepo(db: Db): InviteRepo {
  return {
    async create(input, actor) {
      const code = newInviteCode();
      const row = await db.$transaction(async (tx) => {
        const created = await tx.invite.create({
          data: { ...input, note: input.note ?? null, codeHash: hashCode(code), createdBy: actor },
        });
        await audit(tx, actor, "invite.create", `invite:${created.id}`, { unitId: input.unitId, role: input.role, maxUses: input.maxUses, expiresAt: input.expiresAt.toISOString() });
        return created;
      });
      return { invite: toInvite(row), code };
    },
    async redeem(code, identityId, now) {
      const codeHash = hashCode(code);
      return db.$transaction(async (tx) => {
        // One conditional update: two people racing for the last use cannot both get it.
        const taken = await tx.invite.updateMany({
          where: { codeHash, revokedAt: null, expiresAt: { gt: now }, uses: { lt: tx.invite.fields.maxUses } },
          data: { uses: { increment: 1 } },
        });
        const row = await tx.invite.findUnique({ where: { codeHash } });
        if (!row) return { ok: false, reason: "unknown" } as const;
        if (taken.count === 0) {
          if (row.revokedAt) return { ok: false, reason: "revoked" } as const;
          if (row.expiresAt <= now) return { ok: false, reason: "expired" } as const;
          return { ok: false, reason: "used_up" } as const;
        }
        await tx.inviteUse.create({ data: { inviteId: row.id, identityId, usedAt: now } });
        await audit(tx, `identity:${identityId}`, "invite.redeem", `invite:${row.id}`, { unitId: row.unitId, role: row.role });
        return { ok: true, invite: toInvite(row) } as const;
      });
    },
    async revoke(id, actor, now) {
      return db.$transaction(async (tx) => {
        const result = await tx.invite.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
        if (result.count > 0) await audit(tx, actor, "invite.revoke", `invite:${id}`);
        return result.count > 0;
      });
    },
    async list(provinceId) {
      return (await db.invite.findMany({ where: { provinceId }, orderBy: { id: "desc" } })).map(toInvite);
    },
  };
}
