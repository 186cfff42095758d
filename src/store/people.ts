import type { PersonRecord, RoleName, RoleRecord } from "../bot/ports/records.js";
import type { PeopleRepo } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { transact } from "./transact.js";
import { listFromJson } from "./json.js";

type PersonRow = { id: number; provinceId: number; fullName: string; phone: string | null; email: string | null };
type RoleRow = { id: number; personId: number; provinceId: number; unitId: number | null; role: string; scope: string };

export const toPerson = (r: PersonRow): PersonRecord => ({
  id: r.id, provinceId: r.provinceId, fullName: r.fullName, phone: r.phone, email: r.email,
});
export const toRole = (r: RoleRow): RoleRecord => ({
  id: r.id, personId: r.personId, provinceId: r.provinceId, unitId: r.unitId, role: r.role as RoleName, scope: listFromJson(r.scope),
});

export function createPeopleRepo(db: Db): PeopleRepo {
  return {
    async importMany(provinceId, rows, actor) {
      return transact(db, async (tx) => {
        const unitRows = await tx.unit.findMany({ where: { provinceId }, select: { id: true, code: true } });
        const units = new Map(unitRows.map((u) => [u.code, u.id]));
        // One rule for "the same person", in the file and against the directory: the same name
        // (letter case aside) and the same phone, else the same e-mail, else neither given.
        const key = (p: { fullName: string; phone: string | null; email: string | null }) =>
          `${p.fullName.trim().toLowerCase()}|${p.phone ? `t:${p.phone}` : p.email ? `m:${p.email.toLowerCase()}` : "-"}`;
        const known = new Map((await tx.person.findMany({ where: { provinceId } })).map((p) => [key(p), p.id]));
        const people = new Set<number>();
        let roles = 0;
        for (const row of rows) {
          const data = { provinceId, fullName: row.fullName.trim(), phone: row.phone ?? null, email: row.email ?? null };
          let personId = known.get(key(data));
          if (personId === undefined) {
            personId = (await tx.person.create({ data })).id;
            known.set(key(data), personId);
          }
          people.add(personId);
          const unitId = row.unitCode === null ? null : units.get(row.unitCode);
          if (unitId === undefined) throw new AppError("UNKNOWN_UNIT", `unit ${row.unitCode} does not exist`);
          const held = await tx.role.findFirst({ where: { personId, unitId, role: row.role, revokedAt: null } });
          if (!held) {
            await tx.role.create({ data: { personId, provinceId, unitId, role: row.role, scope: JSON.stringify(row.scope ?? []) } });
            roles += 1;
          }
        }
        await audit(tx, actor, "people.import", `province:${provinceId}`, { people: people.size, roles });
        return { people: people.size, roles };
      }, { timeout: 120_000, maxWait: 30_000 });
    },
    async create(provinceId, fullName, contact = {}) {
      const data = { provinceId, fullName, phone: contact.phone ?? null, email: contact.email ?? null };
      return toPerson(await db.person.create({ data }));
    },
    async byId(id) {
      const row = await db.person.findUnique({ where: { id } });
      return row ? toPerson(row) : null;
    },
    async grant(personId, role, unitId, actor, scope = []) {
      return transact(db, async (tx) => {
        const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
        const held = await tx.role.findFirst({ where: { personId, unitId, role, revokedAt: null } });
        const data = { personId, provinceId: person.provinceId, unitId, role, scope: JSON.stringify(scope) };
        const row = held ?? await tx.role.create({ data });
        await audit(tx, actor, "people.grant", `person:${personId}`, { role, unitId, scope });
        return toRole(row);
      });
    },
    async roles(personId) {
      return (await db.role.findMany({ where: { personId, revokedAt: null }, orderBy: { id: "asc" } })).map(toRole);
    },
    async holders(provinceId, unitId, role: RoleName) {
      const rows = await db.role.findMany({ where: { provinceId, unitId, role, revokedAt: null }, include: { person: true }, orderBy: { id: "asc" } });
      return rows.map((r) => toPerson(r.person));
    },
    async list(provinceId) {
      return (await db.person.findMany({ where: { provinceId }, orderBy: { id: "asc" } })).map(toPerson);
    },
    async activeRoles(provinceId) {
      return (await db.role.findMany({ where: { provinceId, revokedAt: null }, orderBy: { id: "asc" } })).map(toRole);
    },
  };
}
