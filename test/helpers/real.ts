import { join } from "node:path";
import { createCatalog, loadRulesetsOrThrow, type Catalog } from "../../src/rulesets/index.js";

export const RULESETS_DIR = join(import.meta.dirname, "..", "..", "rulesets");

let catalog: Catalog | null = null;

/** The rulesets shipped with the project, loaded once per test file. */
export function realCatalog(): Catalog {
  catalog ??= createCatalog(loadRulesetsOrThrow(RULESETS_DIR).rulesets);
  return catalog;
}
