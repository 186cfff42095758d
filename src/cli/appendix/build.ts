import { fold } from "../../scoring/index.js";
import type { Line, Texts } from "./layout.js";

export type Effect = "base" | "bonus" | "penalty";

/** An item of the table as the decision prints it, before its rule is read. */
export interface Draft {
  code: string;
  readonly name: string;
  max: number | null;
  effect: Effect;
  readonly line: number;
  readonly text: Texts;
  readonly details: string[];
  readonly children: Draft[];
}

/** Something about the table that must be fixed in it before anything is written, with the rows to look at. */
export interface Problem {
  readonly line: number;
  readonly key: "import-total-mismatch" | "import-index-mismatch" | "import-no-max" | "import-orphan" | "import-duplicate" | "import-no-items";
  readonly args: Record<string, string | number>;
}

export interface Tree {
  readonly roots: Draft[];
  readonly bonusCap: number | null;
  readonly penaltyCap: number | null;
  readonly problems: Problem[];
}

const sectionEffect = (name: string): Effect => {
  const folded = fold(name);
  if (/diem tru|tru diem|\btru\b|giam tru/.test(folded)) return "penalty";
  if (/diem thuong|thuong|cong diem|diem cong/.test(folded)) return "bonus";
  return "base";
};
/** "tối đa 5 điểm" in a section's own words: its cap when the points column is empty. */
const capIn = (text: string): number | null => {
  const m = /toi da(?: (?:tru|cong|duoc))?(?: khong qua)? (\d+(?:[.,]\d+)?) diem/.exec(fold(text));
  return m ? Number(m[1]!.replace(",", ".")) : null;
};
const sum = (values: readonly number[]) => Math.round(values.reduce((a, b) => a + b * 1e6, 0)) / 1e6;

/**
 * A code Excel kept as a number loses a final zero: 4.10 reads 4.1. When "4.1"
 * comes again right after 4.9 in the same part of the table, it is 4.10.
 */
function asPrinted(number: string, before: readonly string[]): string {
  if (!before.includes(number)) return number;
  const previous = before.at(-1);
  const m = previous ? /^(.*\.)(\d+)$/.exec(previous) : null;
  if (!m) return number;
  const next = `${m[1]}${Number(m[2]) + 1}`;
  return next.replace(/0+$/, "") === number ? next : number;
}

/** Build the tree of main indices and items, keeping the codes the decision prints. */
export function buildTree(lines: readonly Line[]): Tree {
  const problems: Problem[] = [];
  const roots: Draft[] = [];
  interface Scope { draft: Draft; kind: "section" | "index"; effect: Effect; cap: number | null; totalLine?: number }
  const scopes: Scope[] = [];
  let section: Scope | null = null;
  let index: Scope | null = null;
  let last: Draft | null = null;
  const byRaw = new Map<Draft, string>();
  const scopeOf = new Map<Draft, Scope | null>();
  let grandTotal: { line: number; max: number | null } | null = null;
  const draft = (code: string, name: string, max: number | null, effect: Effect, line: number, text: Texts): Draft =>
    ({ code, name, max, effect, line, text, details: [], children: [] });

  for (const l of lines) {
    switch (l.kind) {
      case "section": {
        const effect = sectionEffect(l.name);
        const d = draft(l.letter, l.name, effect === "base" ? l.max : 0, "base", l.line, l.text);
        section = { draft: d, kind: "section", effect, cap: effect === "base" ? null : l.max ?? capIn(`${l.name} ${l.text.rule}`) };
        scopes.push(section);
        roots.push(d);
        index = null;
        last = d;
        break;
      }
      case "index": {
        // "VII. Điểm trừ": a main index that is a bonus or penalty part works as its section.
        const own = sectionEffect(l.name);
        const effect = own !== "base" ? own : section?.effect ?? "base";
        const d = draft(l.roman, l.name, effect === "base" ? l.max : 0, "base", l.line, l.text);
        index = { draft: d, kind: own !== "base" ? "section" : "index", effect, cap: own !== "base" ? l.max ?? capIn(`${l.name} ${l.text.rule}`) : null };
        scopes.push(index);
        (section && section.effect === "base" ? section.draft.children : roots).push(d);
        last = d;
        break;
      }
      case "item": {
        const enclosing = index ?? section;
        const effect: Effect = enclosing && enclosing.effect !== "base" ? enclosing.effect : l.negative ? "penalty" : "base";
        const scope = index ?? (section && section.effect !== "base" ? section : null);
        const number = asPrinted(l.number, [...byRaw].filter(([p]) => scopeOf.get(p) === scope).map(([, raw]) => raw));
        const d = draft(number, l.name, l.max, effect, l.line, l.text);
        byRaw.set(d, number);
        scopeOf.set(d, scope);
        const dot = number.lastIndexOf(".");
        if (dot > 0) {
          // 2.1 under 2: its parent is the item printed as 2 in the same scope.
          const parentRaw = number.slice(0, dot);
          const parent = [...byRaw].reverse().find(([p, raw]) => raw === parentRaw && scopeOf.get(p) === scope)?.[0];
          if (parent) parent.children.push(d);
          else if (scope) scope.draft.children.push(d);
          else {
            problems.push({ line: l.line, key: "import-orphan", args: { parent: parentRaw } });
            continue;
          }
        } else if (scope) scope.draft.children.push(d);
        else (section && section.effect === "base" ? section.draft.children : roots).push(d);
        last = d;
        break;
      }
      case "detail":
        last?.details.push(l.text);
        break;
      case "total":
        if (section && section.effect !== "base" && section.totalLine === undefined && !/^tong/.test(fold(l.label))) section.totalLine = l.line;
        else grandTotal = { line: l.line, max: l.max };
        break;
      case "bad":
        break;
    }
  }

  // Numbering that starts again in each scope (1, 2 under I and again under II; 1 under B and under C) takes the scope's code.
  const seen = new Map<string, Scope | null>();
  const restarted = new Set<Scope | null>();
  for (const [d, raw] of byRaw) {
    const scope = scopeOf.get(d) ?? null;
    const before = seen.get(raw);
    if (before !== undefined && before !== scope) restarted.add(scope);
    if (before === undefined) seen.set(raw, scope);
  }
  const romanRestart = [...restarted].some((s) => s?.kind === "index");
  for (const [d, raw] of byRaw) {
    const scope = scopeOf.get(d) ?? null;
    if (!scope) continue;
    if ((scope.kind === "index" && romanRestart) || (scope.kind === "section" && restarted.has(scope))) d.code = `${scope.draft.code}.${raw}`;
  }

  // A base section holding main indices is only a heading: its main indices are the roots.
  const flat: Draft[] = [];
  for (const r of roots) {
    const s = scopes.find((x) => x.draft === r);
    if (s?.kind === "section" && s.effect === "base" && r.children.some((c) => c.children.length > 0 || /^[IVXL]/.test(c.code))) flat.push(...r.children);
    else flat.push(r);
  }

  // "8. Điểm thưởng" numbered like a main index: its items are bonus (or penalty) points, its own points their cap.
  for (const r of flat) {
    const effect = sectionEffect(r.name);
    if (effect === "base" || r.children.length === 0 || scopes.some((s) => s.draft === r)) continue;
    const mark = (d: Draft): void => {
      if (d.effect === "base") d.effect = effect;
      d.children.forEach(mark);
    };
    r.children.forEach(mark);
    const cap = r.max ?? capIn(`${r.name} ${r.text.rule}`);
    r.max = 0;
    scopes.push({ draft: r, kind: "section", effect, cap });
  }
  const codes = new Map<string, number>();
  const visit = (d: Draft): void => {
    const first = codes.get(d.code);
    if (first !== undefined) problems.push({ line: d.line, key: "import-duplicate", args: { code: d.code, first } });
    codes.set(d.code, d.line);
    d.children.forEach(visit);
    if (d.children.length === 0) {
      if (d.max === null) problems.push({ line: d.line, key: "import-no-max", args: { code: d.code } });
      return;
    }
    const base = d.children.filter((c) => c.effect === "base");
    if (base.length === 0 || base.some((c) => c.max === null)) return;
    const total = sum(base.map((c) => c.max!));
    if (d.max === null) d.max = total;
    else if (d.max !== total) {
      problems.push({ line: d.line, key: "import-index-mismatch", args: { code: d.code, printed: d.max, sum: total, rows: `${base[0]!.line}–${base.at(-1)!.line}` } });
    }
  };
  flat.forEach(visit);
  if (flat.length === 0) problems.push({ line: lines[0]?.line ?? 1, key: "import-no-items", args: {} });

  const baseRoots = flat.filter((r) => !scopes.some((s) => s.draft === r && s.effect !== "base"));
  if (grandTotal && grandTotal.max !== null && baseRoots.every((r) => r.max !== null)) {
    const total = sum(baseRoots.map((r) => r.max!));
    if (total !== grandTotal.max) {
      problems.push({ line: grandTotal.line, key: "import-total-mismatch", args: { printed: grandTotal.max, sum: total, rows: baseRoots.map((r) => r.line).join(", ") } });
    }
  }
  const capOf = (effect: Effect): number | null => {
    const caps = scopes.filter((s) => s.kind === "section" && s.effect === effect).map((s) => s.cap);
    return caps.length === 0 || caps.some((c) => c === null) ? null : sum(caps as number[]);
  };
  return { roots: flat, bonusCap: capOf("bonus"), penaltyCap: capOf("penalty"), problems };
}
