import { createHmac, randomInt } from "node:crypto";
import type { InviteRecord, RoleName } from "../bot/ports/records.js";
import type { InviteRepo } from "../bot/ports/store.js";
import { audit } from "./audit.js";
import type { Db, Tx } from "./client.js";
import { transact } from "./transact.js";

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

/**
 * Codes are kept as an HMAC keyed with a server secret (INVITE_SECRET): a
 * copy of the database alone does not let anyone recover live codes by
 * brute force. Changing the secret invalidates the codes not yet used.
 */
export function hashCode(code: string, secret: string): string {
  return createHmac("sha256", secret).update(normaliseCode(code)).digest("hex");
}

type Redeemed = { ok: true; row: InviteRow } | { ok: false; reason: "unknown" | "expired" | "used_up" | "revoked" };

/**
 * Use one of an invite's uses for an identity, inside the caller's
 * transaction. The same identity using the same code again takes no second
 * use; two people racing for the last use cannot both get it (one
 * conditional update).
 */
async function redeemIn(tx: Tx, codeHash: string, identityId: number, now: Date): Promise<Redeemed> {
  const row = await tx.invite.findUnique({ where: { codeHash } });
  if (!row) return { ok: false, reason: "unknown" };
  if (await tx.inviteUse.findFirst({ where: { inviteId: row.id, identityId } })) {
    return row.revokedAt ? { ok: false, reason: "revoked" } : { ok: true, row };
  }
  const taken = await tx.invite.updateMany({
    where: { id: row.id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: tx.invite.fields.maxUses } },
    data: { uses: { increment: 1 } },
  });
  if (taken.count === 0) {
    if (row.revokedAt) return { ok: false, reason: "revoked" };
    if (row.expiresAt <= now) return { ok: false, reason: "expired" };
    return { ok: false, reason: "used_up" };
  }
  await tx.inviteUse.create({ data: { inviteId: row.id, identityId, usedAt: now } });
  await audit(tx, `identity:${identityId}`, "invite.redeem", `invite:${row.id}`, { unitId: row.unitId, role: row.role });
  return { ok: true, row };
}

type InviteRow = {
  id: number; provinceId: number; unitId: number | null; role: string; maxUses: number; uses: number; expiresAt: Date;
  revokedAt: Date | null; createdBy: string; note: string | null;
};

const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id, provinceId: r.provinceId, unitId: r.unitId, role: r.role as RoleName, maxUses: r.maxUses, uses: r.uses,
  expiresAt: r.expiresAt, revokedAt: r.revokedAt, createdBy: r.createdBy, note: r.note,
});

export function createInviteRepo(db: Db, secret: string): InviteRepo {
  return {
    async create(input, actor) {
      const code = newInviteCode();
      const row = await transact(db, async (tx) => {
        const created = await tx.invite.create({
          data: { ...input, note: input.note ?? null, codeHash: hashCode(code, secret), createdBy: actor },
        });
        await audit(tx, actor, "invite.create", `invite:${created.id}`, {
          unitId: input.unitId, role: input.role, maxUses: input.maxUses, expiresAt: input.expiresAt.toISOString(),
        });
        return created;
      });
      return { invite: toInvite(row), code };
    },
    async redeem(code, identityId, now) {
      const result = await transact(db, (tx) => redeemIn(tx, hashCode(code, secret), identityId, now));
      return result.ok ? { ok: true, invite: toInvite(result.row) } : result;
    },
    async join(code, identityId, fallbackName, now) {
      // Using the code, creating the person, binding the chat and granting the role stand or fall together.
      return transact(db, async (tx) => {
        const used = await redeemIn(tx, hashCode(code, secret), identityId, now);
        if (!used.ok) return used;
        const invite = used.row;
        const identity = await tx.channelIdentity.findUniqueOrThrow({ where: { id: identityId } });
        const personId = identity.personId
          ?? (await tx.person.create({ data: { provinceId: invite.provinceId, fullName: identity.displayName ?? fallbackName } })).id;
        const held = await tx.role.findFirst({ where: { personId, unitId: invite.unitId, role: invite.role, revokedAt: null } });
        if (!held) await tx.role.create({ data: { personId, provinceId: invite.provinceId, unitId: invite.unitId, role: invite.role } });
        const binding = { personId, ...(invite.unitId !== null && { activeUnitId: invite.unitId }) };
        await tx.channelIdentity.update({ where: { id: identityId }, data: binding });
        return { ok: true, invite: toInvite(invite), personId, newRole: !held } as const;
      });
    },
    async revoke(id, actor, now) {
      return transact(db, async (tx) => {
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
