import type { PersonRecord, RoleName, RoleRecord } from "../bot/ports/records.js";
import type { PeopleRepo } from "../bot/ports/store.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
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
      return db.$transaction(async (tx) => {
        const unitRows = await tx.unit.findMany({ where: { provinceId }, select: { id: true, code: true } });
        const units = new Map(unitRows.map((u) => [u.code, u.id]));
        const people = new Map<string, number>();
        let roles = 0;
        for (const row of rows) {
          // The same name and phone (or e-mail) in one province is one person holding several roles.
          const key = `${row.fullName.toLowerCase()}|${row.phone ?? row.email ?? ""}`;
          let personId = people.get(key);
          if (personId === undefined) {
            const data = { provinceId, fullName: row.fullName, phone: row.phone ?? null, email: row.email ?? null };
            personId = (await tx.person.findFirst({ where: data }))?.id ?? (await tx.person.create({ data })).id;
            people.set(key, personId);
          }
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
      return db.$transaction(async (tx) => {
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
  };
}
