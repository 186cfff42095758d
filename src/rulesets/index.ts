export { loadRulesetFile, loadRulesets, loadRulesetsOrThrow, findRulesetFiles, toRuleset, RulesetError } from "./load.js";
export type { LoadResult, MessageLocale } from "./load.js";
export { formatIssue, formatPath, type IssueCode, type RulesetIssue } from "./issues.js";
export { rulesetSchema, RULE_TYPES, INPUT_KINDS, UNIT_KINDS, type RawRuleset } from "./schema.js";
export { createCatalog, type Catalog } from "./catalog.js";
export { EMPTY_GLOSSARY, loadGlossary, type Glossary } from "./glossary.js";
