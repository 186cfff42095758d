import type { RoleName } from "../bot/ports/records.js";
import type { Store } from "../bot/ports/store.js";
import type { DemoLogin } from "../channels/console/channel.js";
import { DEMO_PROVINCE } from "./seed.js";

const ROLE_LABEL: Record<RoleName, string> = {
  officer: "Cán bộ nhập liệu", leader: "Lãnh đạo", reviewer: "Cán bộ thẩm định", admin: "Quản trị Sở Khoa học và Công nghệ",
};

/** The people of the demo province one may chat as in the terminal. */
export async function demoLogins(store: Store, now: () => Date): Promise<DemoLogin[]> {
  const province = await store.provinces.byCode(DEMO_PROVINCE.code);
  if (!province) return [];
  const picks: [RoleName, string | null][] = [
    ["officer", "S19"], ["leader", "S19"], ["officer", "K01"], ["officer", "HC-P01"], ["leader", "HC-P01"], ["reviewer", "S08"], ["admin", null],
  ];
  const logins: DemoLogin[] = [];
  for (const [role, code] of picks) {
    const unit = code ? await store.units.byCode(province.id, code) : null;
    if (code && !unit) continue;
    const [person] = await store.people.holders(province.id, unit?.id ?? null, role);
    if (!person) continue;
    logins.push({
      label: `${ROLE_LABEL[role]}${unit ? ` — ${unit.name}` : ""} (${person.fullName})`,
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
