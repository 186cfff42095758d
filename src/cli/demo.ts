import type { DemoProvince } from "../demo/province.js";
import { DEMO_PROVINCE, seedDemo } from "../demo/seed.js";
import { deepLink } from "./invites.js";
import { loadCatalog, type CliContext } from "./context.js";

/** `dti demo seed`: the demo province with units, people, an open period, figures and invite codes. */
export async function demoSeedCommand(ctx: CliContext, province: DemoProvince = DEMO_PROVINCE): Promise<number> {
  const { i18n, locale } = ctx;
  const catalog = loadCatalog(ctx);
  if (!catalog) return 1;
  const result = await seedDemo({ store: await ctx.store(), catalog, now: ctx.now(), province });
  if (!result.created) {
    ctx.out(i18n.t(locale, "cli-demo-exists"));
    return 0;
  }
  ctx.out(i18n.t(locale, "cli-demo-created", { province: province.name, periods: result.periodIds.join(", ") }));
  for (const invite of result.invites) {
    const link = deepLink(ctx.botUsername, invite.code);
    ctx.out(`  ${invite.label}: ${invite.code}${link ? `  ${link}` : ""}`);
  }
  return 0;
}
