import { describe, expect, it } from "vitest";
import { examplesOf } from "../../src/bot/examples.js";
import { FIGURE_LINE } from "../../src/bot/intents.js";
import { parseFigure } from "../../src/scoring/index.js";
import { realCatalog } from "../helpers/real.js";

/** Every example the bot shows must be one the bot accepts: typed as shown, it is a valid figure for its item. */
describe("examples from a person's own set", () => {
  const catalog = realCatalog();
  it.each(catalog.all.filter((r) => r.completeness === "full").map((r) => [r.id, r] as const))("%s: each example figure parses for its item", (_, ruleset) => {
    const examples = examplesOf(catalog, ruleset);
    for (const typed of [examples.figure, examples.figure2]) {
      const m = FIGURE_LINE.exec(typed);
      expect(m, typed).not.toBeNull();
      const node = catalog.item(ruleset.id, m![1]!);
      expect(node, typed).toBeDefined();
      expect(node!.children, typed).toHaveLength(0);
      expect(parseFigure(m![3]!, node!).ok, typed).toBe(true);
    }
    expect(catalog.item(ruleset.id, examples.code)).toBeDefined();
  });
});
