import { ROLES, type RoleName } from "../bot/ports/records.js";
import { formatDate } from "../i18n/index.js";
import { resolveProvince, type CliContext } from "./context.js";

const DAY_MS = 86_400_000;

/** A t.me deep link that opens the bot with /start <code>, or null without a configured bot username. */
export function deepLink(botUsername: string | undefined, code: string): string | null {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : null;
}

/** `dti invite create --unit X --role officer [--uses N] [--days N]` */
export interface InviteOptions {
  province?: string;
  unit?: string;
  role: string;
  uses?: string;
  days?: string;
  note?: string;
}

/** `dti invite create …` */
export async function createInviteCommand(ctx: CliContext, options: InviteOptions): Promise<number> {
  const { i18n, locale } = ctx;
  const province = await resolveProvince(ctx, options.province);
  if (!province) return 1;
  const store = await ctx.store();
  if (!(ROLES as readonly string[]).includes(options.role)) {
    ctx.err(i18n.t(locale, "cli-invite-bad-role", { value: options.role, known: ROLES.join(", ") }));
    return 1;
  }
  const role = options.role as RoleName;
  const unit = options.unit ? await store.units.byCode(province.id, options.unit) : null;
  if (options.unit && !unit) {
    ctx.err(i18n.t(locale, "cli-unit-unknown", { code: options.unit }));
    return 1;
  }
  if (role !== "admin" && !unit) {
    ctx.err(i18n.t(locale, "cli-invite-needs-unit"));
    return 1;
  }
  const uses = Number(options.uses ?? 1);
  const days = Number(options.days ?? 14);
  if (!Number.isInteger(uses) || uses < 1 || uses > 500 || !Number.isInteger(days) || days < 1 || days > 365) {
    ctx.err(i18n.t(locale, "cli-invite-bad-limits"));
    return 1;
  }
  const expiresAt = new Date(ctx.now().getTime() + days * DAY_MS);
  const { code } = await store.invites.create({
    provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: uses, expiresAt, ...(options.note && { note: options.note }),
  }, ctx.actor);
  ctx.out(i18n.t(locale, "cli-invite-created", {
    code, role: i18n.t(locale, "role-name", { role }), unit: unit?.name ?? province.name, uses, expires: formatDate(expiresAt, locale),
  }));
  const link = deepLink(ctx.botUsername, code);
  ctx.out(link ? i18n.t(locale, "cli-invite-link", { link }) : i18n.t(locale, "cli-invite-no-link", { code }));
  return 0;
}
