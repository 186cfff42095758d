import { loadCatalog, resolveProvince, type CliContext } from "./context.js";

/** `dti groups set <group> <ruleset> --name "…"`: which ruleset scores a ranking group of units. */
export async function setGroupCommand(
  ctx: CliContext, group: string, rulesetId: string, options: { province?: string; name?: string },
): Promise<number> {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  const province = await resolveProvince(ctx, options.province);
  if (!catalog || !province) return 1;
  if (!catalog.get(rulesetId)) {
    ctx.err(i18n.t(locale, "cli-ruleset-not-found", { id: rulesetId, known: catalog.all.map((r) => r.id).join(", ") }));
    return 1;
  }
  const store = await ctx.store();
  await store.provinces.assignRuleset(province.id, { groupCode: group, groupName: options.name ?? group, rulesetId }, ctx.actor);
  ctx.out(i18n.t(locale, "cli-group-set", { group, ruleset: rulesetId }));
  return 0;
}

/** `dti groups list` */
export async function listGroupsCommand(ctx: CliContext, options: { province?: string }): Promise<number> {
  const province = await resolveProvince(ctx, options.province);
  if (!province) return 1;
  const store = await ctx.store();
  const [groups, units] = await Promise.all([store.provinces.rulesets(province.id), store.units.list(province.id, { activeOnly: true })]);
  for (const g of groups) {
    const count = units.filter((u) => u.groupCode === g.groupCode).length;
    ctx.out(ctx.i18n.t(ctx.locale, "cli-group-line", { group: g.groupCode, name: g.groupName, ruleset: g.rulesetId, count }));
  }
  return 0;
}
