import { join } from "node:path";
import { createItemSearch, type ItemSearch } from "../../src/bot/search.js";
import { createCatalog, loadGlossary, loadRulesetsOrThrow, type Catalog } from "../../src/rulesets/index.js";

export const RULESETS_DIR = join(import.meta.dirname, "..", "..", "rulesets");

let catalog: Catalog | null = null;

let search: ItemSearch | null = null;

/** The item search the service builds: the shipped rulesets with the shipped glossary. */
export function realSearch(): ItemSearch {
  search ??= createItemSearch(realCatalog(), loadGlossary(RULESETS_DIR));
  return search;
}

/** The rulesets shipped with the project, loaded once per test file. */
export function realCatalog(): Catalog {
  catalog ??= createCatalog(loadRulesetsOrThrow(RULESETS_DIR).rulesets);
  return catalog;
}
