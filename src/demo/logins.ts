import type { RoleName } from "../bot/ports/records.js";
import type { Store } from "../bot/ports/store.js";
import type { DemoLogin } from "../channels/console/channel.js";
import type { DemoProvince } from "./province.js";
import { DEMO_PROVINCE } from "./seed.js";

const ROLE_LABEL: Record<RoleName, string> = {
  officer: "Cán bộ nhập liệu", leader: "Lãnh đạo", reviewer: "Cán bộ thẩm định", admin: "Quản trị",
};

/** The people of the demo province one may chat as in the terminal. */
export async function demoLogins(store: Store, now: () => Date, demo: DemoProvince = DEMO_PROVINCE): Promise<DemoLogin[]> {
  const province = await store.provinces.byCode(demo.code);
  if (!province) return [];
  const picks = demo.logins;
  const logins: DemoLogin[] = [];
  for (const [role, code] of picks) {
    const unit = code ? await store.units.byCode(province.id, code) : null;
    if (code && !unit) continue;
    const [person] = await store.people.holders(province.id, unit?.id ?? null, role);
    if (!person) continue;
    logins.push({
      // The admin is named by the department's own title; everyone else by role, unit and name.
      label: role === "admin" ? person.fullName : `${ROLE_LABEL[role]}${unit ? ` — ${unit.name}` : ""} (${person.fullName})`,
      async login() {
        const externalId = `demo-${person.id}-${role}`;
        const identity = await store.identities.touch("console", externalId, now(), { displayName: person.fullName });
        await store.identities.bindPerson(identity.id, person.id);
        await store.identities.setActiveUnit(identity.id, unit?.id ?? null);
        return externalId;
      },
    });
  }
  return logins;
}
