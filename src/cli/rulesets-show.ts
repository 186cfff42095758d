import { describeRule, inputWords, walk, type CycleDate, type Ruleset, type RulesetNode } from "../scoring/index.js";
import { loadCatalog, type CliContext } from "./context.js";

const isoToVn = (iso: string): string => iso.split("-").reverse().join("/");
/** 14/12/N, 31/03/N+1: a day of the cycle relative to evaluation year N. */
const cycleText = (d: CycleDate): string =>
  `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/N${d.yearOffset === 0 ? "" : d.yearOffset > 0 ? `+${d.yearOffset}` : d.yearOffset}`;

function decisionLine(ctx: CliContext, ruleset: Ruleset): string {
  const { i18n, locale } = ctx;
  const d = ruleset.decision;
  if (!d?.number) return i18n.t(locale, "cli-decision-none");
  const parts = [
    d.date ? i18n.t(locale, "cli-decision-number", { number: d.number, date: isoToVn(d.date) }) : i18n.t(locale, "cli-decision-number-only", { number: d.number }),
    ...(d.signer ? [i18n.t(locale, "cli-decision-signer", { signer: d.signerTitle ? `${d.signer} (${d.signerTitle})` : d.signer })] : []),
    ...(d.issuer ? [i18n.t(locale, "cli-decision-issuer", { issuer: d.issuer })] : []),
  ];
  return i18n.t(locale, "cli-decision", { decision: parts.join("; ") });
}

function overview(ctx: CliContext, ruleset: Ruleset): string[] {
  const { i18n, locale } = ctx;
  const nodes = walk(ruleset);
  const lines = [
    i18n.t(locale, "cli-heading-ruleset", { title: ruleset.title }),
    decisionLine(ctx, ruleset),
    i18n.t(locale, "cli-province", { province: ruleset.province.name }),
    i18n.t(locale, "cli-unit-kinds", { kinds: ruleset.unitKinds.map((kind) => i18n.t(locale, "unit-kind", { kind })).join("; ") }),
    ruleset.totalPoints === null ? i18n.t(locale, "cli-total-unknown") : i18n.t(locale, "cli-total", { total: ruleset.totalPoints }),
    i18n.t(locale, "cli-completeness", { completeness: ruleset.completeness }),
  ];
  if (ruleset.illustrative) lines.push(i18n.t(locale, "cli-illustrative"));
  if (ruleset.historical) lines.push(i18n.t(locale, "cli-historical"));
  if (ruleset.draft) lines.push(i18n.t(locale, "cli-draft"));
  if (ruleset.indices.length > 0) {
    lines.push(i18n.t(locale, "cli-counts", {
      indices: ruleset.indices.length,
      subs: nodes.filter((n) => n.depth === 1).length,
      leaves: nodes.filter((n) => n.children.length === 0 && n.rule).length,
    }));
  }
  if (ruleset.declared.mainIndices !== undefined || ruleset.declared.subIndicators !== undefined) {
    lines.push(i18n.t(locale, "cli-declared", {
      indices: ruleset.declared.mainIndices ?? "unknown",
      subs: ruleset.declared.subIndicators ?? "unknown",
    }));
  }
  if (ruleset.classification) {
    const bands = ruleset.classification.bands.map((b) => i18n.t(locale, "cli-band", { name: b.name, from: b.from, below: b.below ?? "none" }));
    lines.push(i18n.t(locale, "cli-bands", { bands: bands.join("; ") }));
  }
  const window = ruleset.process.dataWindow;
  if (window) lines.push(i18n.t(locale, "cli-data-window", { from: cycleText(window.from), to: cycleText(window.to) }));
  for (const deadline of ruleset.process.deadlines) {
    lines.push(i18n.t(locale, "cli-deadline", { kind: deadline.kind, date: cycleText(deadline.date), note: deadline.note ?? "none" }));
  }
  if (ruleset.summary) lines.push("", ruleset.summary);
  if (ruleset.indices.length > 0) {
    lines.push("");
    for (const node of nodes) {
      const max = node.maxPoints === null ? i18n.t(locale, "cli-max-unknown") : i18n.number(locale, node.maxPoints);
      lines.push(`${"  ".repeat(node.depth)}${node.code}. ${node.name} (${max})`);
    }
  }
  return lines;
}

/** The item card: what it measures, how it is counted and scored, the evidence. */
export function itemLines(ctx: CliContext, node: RulesetNode): string[] {
  const { i18n, locale } = ctx;
  const lines = [i18n.t(locale, "cli-item-name", { code: node.code, name: node.name })];
  lines.push(i18n.t(locale, "cli-item-max", { max: node.maxPoints === null ? i18n.t(locale, "cli-max-unknown") : node.maxPoints }));
  if (node.measures) lines.push(i18n.t(locale, "cli-item-measures", { text: node.measures }));
  if (node.howToCount) lines.push(i18n.t(locale, "cli-item-how", { text: node.howToCount }));
  if (node.input) lines.push(i18n.t(locale, "cli-item-input", { kind: inputWords(node) }));
  if (node.children.length === 0) {
    lines.push(i18n.t(locale, "cli-item-rule"));
    describeRule(node).forEach((e) => lines.push(`  ${i18n.explain(locale, e)}`));
  }
  if (node.evidence) {
    const required = node.evidenceRequired ? ` ${i18n.t(locale, "cli-item-evidence-required")}` : "";
    lines.push(i18n.t(locale, "cli-item-evidence", { text: node.evidence }) + required);
  }
  const words = [...node.keywords, ...node.synonyms];
  if (words.length > 0) lines.push(i18n.t(locale, "cli-item-keywords", { text: words.join(", ") }));
  if (node.note) lines.push(i18n.t(locale, "cli-item-note", { text: node.note }));
  if (node.children.length > 0) {
    lines.push(i18n.t(locale, "cli-item-children", { count: node.children.length }));
    node.children.forEach((c) => lines.push(`  ${c.code}. ${c.name} (${c.maxPoints === null ? i18n.t(locale, "cli-max-unknown") : i18n.number(locale, c.maxPoints)})`));
  } else if (node.declaredChildren !== undefined) {
    lines.push(i18n.t(locale, "cli-item-declared-children", { count: node.declaredChildren }));
  }
  return lines;
}

/** `dti rulesets show <id> [code]` */
export function showCommand(ctx: CliContext, id: string, code?: string): number {
  const catalog = loadCatalog(ctx);
  if (!catalog) return 1;
  const ruleset = catalog.get(id);
  if (!ruleset) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-ruleset-not-found", { id, known: catalog.all.map((r) => r.id).join(", ") }));
    return 1;
  }
  if (code === undefined) {
    overview(ctx, ruleset).forEach((line) => ctx.out(line));
    return 0;
  }
  // "2,1" as Vietnamese write it is 2.1; "b.1" is B.1.
  const node = catalog.item(id, code) ?? catalog.item(id, code.replace(",", ".").toUpperCase());
  if (!node) {
    ctx.err(ctx.i18n.t(ctx.locale, "cli-item-not-found", { id, code }));
    return 1;
  }
  itemLines(ctx, node).forEach((line) => ctx.out(line));
  return 0;
}
