import { ROLES, type RoleName } from "../bot/ports/records.js";
import { formatDate } from "../i18n/index.js";
import { resolveProvince, type CliContext } from "./context.js";
import { idArgument } from "./errors.js";
import { compactTable } from "./output.js";

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

/** `dti invite list`: codes cannot be shown again (only their hash is kept); their use and state can. */
export async function listInvitesCommand(ctx: CliContext, options: { province?: string }): Promise<number> {
  const { i18n, locale } = ctx;
  const province = await resolveProvince(ctx, options.province);
  if (!province) return 1;
  const store = await ctx.store();
  const units = new Map((await store.units.list(province.id)).map((u) => [u.id, u]));
  const now = ctx.now();
  const state = (i: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number }) =>
    i.revokedAt ? "revoked" : i.expiresAt <= now ? "expired" : i.uses >= i.maxUses ? "used_up" : "active";
  const h = (key: string) => i18n.t(locale, `cli-invite-header-${key}`);
  const table = compactTable([h("id"), h("role"), h("unit"), h("uses"), h("expires"), h("state")]);
  for (const invite of await store.invites.list(province.id)) {
    table.push([
      invite.id, i18n.t(locale, "role-name", { role: invite.role }), invite.unitId ? units.get(invite.unitId)?.name ?? "" : province.name,
      `${invite.uses}/${invite.maxUses}`, formatDate(invite.expiresAt, locale), i18n.t(locale, "cli-invite-state", { state: state(invite) }),
    ]);
  }
  ctx.out(table.toString());
  return 0;
}

/** `dti invite revoke <id>` */
export async function revokeInviteCommand(ctx: CliContext, id: string): Promise<number> {
  const inviteId = idArgument(ctx, id, "cli-invite-not-found");
  if (inviteId === null) return 1;
  const revoked = await (await ctx.store()).invites.revoke(inviteId, ctx.actor, ctx.now());
  if (!revoked) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-invite-not-found", { id }));
    return 1;
  }
  ctx.out(ctx.i18n.t(ctx.locale, "cli-invite-revoked", { id }));
  return 0;
}
