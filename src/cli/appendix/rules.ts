import { fold } from "../../scoring/index.js";

/** How sure the import is of a rule it read: a guess is never scored silently. */
export type RuleStatus = "recognised" | "uncertain" | "unrecognised";

/** A rule read from an appendix's "cách chấm" text, in YAML shape. */
export interface GuessedRule {
  readonly input: string | { kind: string; unit?: string };
  readonly rule: Record<string, unknown>;
  readonly status: RuleStatus;
  /** Same as status === "recognised". */
  readonly recognised: boolean;
}

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const num = (s: string): number => Number(s.replace(",", "."));
const result = (input: GuessedRule["input"], rule: Record<string, unknown>, status: RuleStatus = "recognised"): GuessedRule =>
  ({ input, rule, status, recognised: status === "recognised" });

/** The clauses of a rule text: split at ";", new lines, "+"/"-" bullets and ". " between clauses. */
function clauses(text: string): string[] {
  return text.split(/\s*(?:;|\n|\.\s+(?=[a-z])|(?:^|\s)[-+•]\s+)\s*/).map((c) => c.trim().replace(/[.,]$/, "")).filter((c) => c !== "");
}

/** "Có: 2 điểm", "đạt: 1 điểm", "chuyên trách - 2 điểm", "đạt 100%: 2 điểm": a clause's label and points. */
function labelled(clause: string): { label: string; points: number } | null {
  const m = new RegExp(String.raw`^(.+?)\s*(?::|=|→|=>|-|–|duoc|thi duoc|dat)\s*(?:tru |cong )?${N}\s*diem\b`).exec(clause);
  if (!m) return null;
  return { label: m[1]!.trim(), points: num(m[2]!) };
}

const YES = /^(co|da|dat|da ban hanh|da thuc hien|co ban hanh|co thuc hien|hoan thanh|ban hanh|co trien khai|da trien khai|thuc hien|dung han|dung quy dinh)\b/;
const NO = /^(khong|chua|khong co|chua co|khong ban hanh|chua ban hanh|khong thuc hien|chua thuc hien|khong dat|khong hoan thanh|khong trien khai|chua trien khai)\b/;

function yesNo(parts: readonly { label: string; points: number }[], max: number): GuessedRule | null {
  const yes = parts.filter((p) => YES.test(p.label) && !/%/.test(p.label));
  const no = parts.filter((p) => NO.test(p.label));
  if (yes.length !== 1 || yes.length + no.length !== parts.length || no.some((p) => p.points !== 0)) return null;
  const points = yes[0]!.points;
  if (points > max) return null;
  return result("yes_no", points === max ? { type: "yes_no" } : { type: "yes_no", yesPoints: points });
}

/** Percentage bands: "từ 90% trở lên: 3 điểm; từ 70% đến dưới 90%: 2 điểm; dưới 70%: 0 điểm", "Đạt 100%: 2 điểm", "≥ 90%: 3". */
function percentBands(parts: readonly string[], max: number): GuessedRule | null {
  const bands: { atLeast: number; points: number }[] = [];
  let strict = false;
  let proportional: string | null = null;
  for (const clause of parts) {
    if (!/%/.test(clause)) continue;
    const points = new RegExp(String.raw`(?::|=|→|-|–|duoc|dat)\s*${N}\s*diem`).exec(clause);
    const from = new RegExp(String.raw`(?:tu|≥|>=|dat|bang)\s*${N}\s*%`).exec(clause) ?? new RegExp(String.raw`^${N}\s*%\s*(?:tro len)?`).exec(clause);
    const above = new RegExp(String.raw`(?:tren|>)\s*${N}\s*%`).exec(clause);
    if (/^(duoi|<|thap hon)/.test(clause) || /^(cac truong hop con lai|con lai)/.test(clause)) {
      if (/ty le|ti le|x\s*\d|×/.test(clause) && !points) proportional = clause;
      else if (points && num(points[1]!) > 0) return null;
      continue;
    }
    if (!points) {
      if (/ty le|ti le/.test(clause)) proportional = clause;
      continue;
    }
    const at = from ?? above;
    if (!at) return null;
    if (!from && above) strict = true;
    bands.push({ atLeast: num(at[1]!), points: num(points[1]!) });
  }
  if (bands.length === 0) return null;
  bands.sort((a, b) => b.atLeast - a.atLeast);
  if (bands.some((b) => b.points > max) || bands.some((b, i) => i > 0 && b.points > bands[i - 1]!.points)) return null;
  const top = bands[0]!;
  if (proportional && bands.length === 1 && top.points === max) {
    // Full points from a threshold, and the share below it.
    const rule = top.atLeast >= 100 ? { type: "ratio" } : { type: "ratio", fullAt: top.atLeast / 100, below: /\/\s*\d+\s*%|chia/.test(proportional) ? "scaled" : "ratio" };
    return result("percent", rule);
  }
  if (proportional) return result("percent", { type: "tiers", tiers: bands.filter((b) => b.points > 0) }, "uncertain");
  const tiers = bands.filter((b) => b.points > 0);
  if (tiers.length === 0) return null;
  return result("percent", { type: "tiers", tiers }, strict || top.points !== max ? "uncertain" : "recognised");
}

/** Tiers on a count: "từ 10 hệ thống trở lên: 3 điểm; từ 5 đến dưới 10: 2 điểm", "4 cuộc: 20 điểm; 3 cuộc: 15 điểm". */
function countTiers(parts: readonly string[], max: number): GuessedRule | null {
  const tiers: { atLeast: number; points: number }[] = [];
  let unit: string | undefined;
  let strict = false;
  for (const clause of parts) {
    const points = new RegExp(String.raw`(?::|=|→|-|–|duoc)\s*${N}\s*diem`).exec(clause);
    if (!points) continue;
    const head = clause.slice(0, points.index);
    const m = new RegExp(String.raw`^(?:(tu|tren|it nhat|co)\s+)?${N}\s*([a-z ]*?)\s*(?:tro len|tro xuong|den duoi \d+.*|den \d+.*|-\s*\d+.*)?$`).exec(head.trim());
    if (!m) {
      if (/^(duoi|khong|chua|0 )/.test(head.trim()) && num(points[1]!) === 0) continue;
      return null;
    }
    if (m[1] === "tren") strict = true;
    const words = m[3]!.trim();
    if (words && !unit) unit = words;
    tiers.push({ atLeast: num(m[2]!) + (m[1] === "tren" ? 1 : 0), points: num(points[1]!) });
  }
  if (tiers.length < 2) return null;
  tiers.sort((a, b) => b.atLeast - a.atLeast);
  const monotone = tiers.every((t, i) => i === 0 || (t.points <= tiers[i - 1]!.points && t.atLeast < tiers[i - 1]!.atLeast));
  if (!monotone || tiers.some((t) => t.points > max)) return null;
  const input = unit ? { kind: "count", unit } : "count";
  return result(input, { type: "tiers", tiers: tiers.filter((t) => t.points > 0) }, strict ? "uncertain" : "recognised");
}

/** Late by days: "chậm 1–5 ngày trừ 0,5 điểm; chậm trên 5 ngày trừ 1 điểm", as tiers on the days late. */
function delayTiers(parts: readonly string[], max: number, effect: "base" | "bonus" | "penalty"): GuessedRule | null {
  const tiers: { atLeast: number; points: number }[] = [];
  // A delay lowers points only where the item is a penalty or says "trừ"; "đúng hạn: 10; chậm: 5" is something else.
  if (effect !== "penalty" && !parts.some((c) => /\btru\b/.test(c))) return null;
  for (const clause of parts) {
    if (!/(cham|tre|qua han)/.test(clause) || !/ngay/.test(clause)) continue;
    const points = new RegExp(String.raw`(?:tru|bi tru|:|-)\s*${N}\s*diem`).exec(clause);
    if (!points) continue;
    const range = new RegExp(String.raw`(?:tu\s*)?${N}\s*(?:-|–|den|toi)\s*${N}\s*ngay`).exec(clause);
    const over = new RegExp(String.raw`(?:tren|hon|qua)\s*${N}\s*ngay`).exec(clause);
    const from = new RegExp(String.raw`(?:tu\s*)?${N}\s*ngay\s*tro len`).exec(clause);
    if (range) tiers.push({ atLeast: num(range[1]!), points: num(points[1]!) });
    else if (over) tiers.push({ atLeast: num(over[1]!) + 1, points: num(points[1]!) });
    else if (from) tiers.push({ atLeast: num(from[1]!), points: num(points[1]!) });
  }
  if (tiers.length === 0) return null;
  tiers.sort((a, b) => b.atLeast - a.atLeast);
  if (tiers.some((t) => t.points > max)) return null;
  return result({ kind: "count", unit: "ngày" }, { type: "tiers", tiers });
}

/** Choices and levels: "chuyên trách: 2 điểm; kiêm nhiệm: 1 điểm; chưa bố trí: 0 điểm". */
function choices(parts: readonly { label: string; points: number }[], max: number): GuessedRule | null {
  if (parts.length < 2 || parts.some((p) => /%|^\d|^(tu|tren|duoi)\b/.test(fold(p.label)))) return null;
  const ids = new Set<string>();
  const options = parts.map((p, i) => {
    let id = fold(p.label).replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 30) || `muc_${i + 1}`;
    while (ids.has(id)) id = `${id}_${i + 1}`;
    ids.add(id);
    return { id, label: p.label, aliases: shortNames(p.label, parts.map((x) => x.label)), points: p.points };
  });
  const top = Math.max(...parts.map((p) => p.points));
  const total = Math.round(parts.reduce((a, p) => a + p.points * 1e6, 0)) / 1e6;
  if (top === max) return result("choice", { type: "levels", levels: options });
  if (total === max && !parts.some((p) => p.points === 0)) return result("choice", { type: "parts", parts: options }, "uncertain");
  return top < max ? result("choice", { type: "levels", levels: options }, "uncertain") : null;
}

/**
 * Read the rule of an item from the wording of a decision's appendix. The usual
 * phrasings are recognised; a reading that could be wrong is "uncertain"; what
 * is not understood falls back to points given directly, "unrecognised". The
 * label texts keep their diacritics in `options` from the original text.
 */
export function guessRule(ruleText: string, max: number, effect: "base" | "bonus" | "penalty" = "base"): GuessedRule {
  const guess = read(ruleText, max, effect);
  const input = guess.input;
  // A unit found in the folded text is written as the decision writes it ("cuộc họp", not "cuoc hop").
  if (typeof input === "object" && input.unit) return { ...guess, input: { ...input, unit: unitFromFolded(ruleText.normalize("NFC"), fold(input.unit)).toLowerCase() } };
  return guess;
}

function read(ruleText: string, max: number, effect: "base" | "bonus" | "penalty"): GuessedRule {
  const original = ruleText.normalize("NFC").trim();
  const text = fold(original).replace(/\s+/g, " ").replace(/×|\*/g, " x ").replace(/\s+/g, " ").trim();
  const parts = clauses(text);
  const labels = parts.map(labelled).filter((p): p is { label: string; points: number } => p !== null);
  if (max === 0 || /khong tinh diem|khong cham diem|chi thu thap/.test(text)) return result("count", { type: "not_scored" }, max === 0 ? "recognised" : "uncertain");
  if (text === "") return result("points", { type: "assigned" }, "unrecognised");
  if (/(hoi dong|doan|to)( cong tac)? (tham dinh|kiem tra|danh gia|cham)|cham truc tiep|hoi dong .*cham/.test(text)) return result("points", { type: "assigned" });
  if (/cao nhat/.test(text)) {
    const money = /kinh phi|ngan sach|dong|ty dong|trieu/.test(text);
    const share = /ty le|ti le|%/.test(text);
    return result(money ? { kind: "money", unit: "đồng" } : share ? "percent" : "count", { type: "normalise_to_best" });
  }
  const delay = delayTiers(parts, max, effect);
  if (delay) return delay;
  const perThing = new RegExp(String.raw`\bmoi\s+([a-z ,]{2,80}?)\s*[:=]?\s*(?:duoc |bi |se )?(?:cong |tru |tinh |dat )?${N}\s*diem`).exec(text)
    ?? new RegExp(String.raw`(?:tru|cong)\s*${N}\s*diem\s*\/\s*([a-z ]{2,20})`).exec(text);
  if (perThing) {
    const [eachText, phrase] = /^\d/.test(perThing[1]!) ? [perThing[1]!, perThing[2]!] : [perThing[2]!, perThing[1]!];
    // The thing counted: the first words of the phrase, before a comma or a verb ("cơ sở dữ liệu, dịch vụ … được chia sẻ").
    const unitText = phrase.split(/,| duoc | bi | se | da | co | dat /)[0]!.trim().split(" ").slice(0, 4).join(" ");
    const cap = new RegExp(String.raw`toi da(?: (?:tru|cong|duoc|khong qua))? ${N}\s*diem`).exec(text);
    const each = num(eachText);
    const rule: Record<string, unknown> = { type: "per_item", each };
    if (cap && num(cap[1]!) < max) rule["cap"] = num(cap[1]!);
    const unit = unitText.trim();
    return result({ kind: "count", unit }, rule, cap || effect !== "base" || each <= max ? "recognised" : "uncertain");
  }
  // "(Số văn bản ký số / Tổng số văn bản đi) x 20": a ratio named in words.
  const worded = new RegExp(String.raw`\(([^()]{3,160})\/([^()]{3,160})\)\s*x\s*${N}`).exec(text);
  if (worded) return result("fraction", { type: "ratio" }, num(worded[3]!) === max ? "recognised" : "uncertain");
  // "Trừ 2 điểm nếu để xảy ra sự cố", "cộng 1 điểm nếu …": a one-off deduction or bonus when the event happened.
  const once = new RegExp(String.raw`^(tru|cong)\s*${N}\s*diem\s+(?:neu|khi|doi voi)\b`).exec(text);
  if (once && !/moi|\//.test(text)) {
    const points = num(once[2]!);
    const fits = (once[1] === "tru" ? effect === "penalty" : effect === "bonus") && points <= max;
    return result("yes_no", points === max ? { type: "yes_no" } : { type: "yes_no", yesPoints: points }, fits ? "recognised" : "uncertain");
  }
  const bands = percentBands(parts, max);
  if (bands) return bands;
  const yn = yesNo(labels, max);
  if (yn) return yn;
  if (labels.length === 1 && YES.test(labels[0]!.label)) {
    const yes = labels[0]!.points;
    if (yes <= max && !/%/.test(labels[0]!.label)) return result("yes_no", yes === max ? { type: "yes_no" } : { type: "yes_no", yesPoints: yes });
  }
  const tiers = countTiers(parts, max);
  if (tiers) return tiers;
  const choice = choices(labelsWithDiacritics(original, labels), max);
  if (choice) return choice;
  if (/ty le|ti le|a\s*\/\s*b|chia cho|tren tong so|\(a\s*\/\s*b\)/.test(text)) {
    const target = /(\d+(?:[.,]\d+)?)\s*% tro len/.exec(text);
    const factor = new RegExp(String.raw`x\s*${N}(?!\s*%)`).exec(text);
    const fraction = /a\s*\/\s*b|\ba\s*(?:=|la)|chia cho|tren tong so/.test(text);
    const rule = target ? { type: "ratio", fullAt: num(target[1]!) / 100 } : { type: "ratio" };
    const status: RuleStatus = factor && num(factor[1]!) !== max && !/diem toi da/.test(text) ? "uncertain" : "recognised";
    return result(fraction ? "fraction" : "percent", rule, status);
  }
  return result("points", { type: "assigned" }, "unrecognised");
}

/**
 * What people type for a level: "Chủ tịch UBND xã là Trưởng ban" is answered "chủ tịch", "Phó Chủ tịch…" "phó chủ
 * tịch": the words before "là", without the body they belong to. Kept only where no other option has the same.
 */
function shortNames(label: string, all: readonly string[]): string[] {
  const short = (l: string): string => {
    const words = l.split(/\s+/);
    const folded = words.map((w) => fold(w));
    let end = folded.findIndex((w, i) => i > 0 && (w === "la" || w.startsWith("(")));
    if (end === -1) return "";
    while (end > 1 && /^(ubnd|xa|phuong|huyen|tinh|don|vi|co|quan|cap|so|nganh)$/.test(folded[end - 1]!)) end -= 1;
    return words.slice(0, end).join(" ").toLowerCase();
  };
  const mine = short(label);
  if (!mine || mine === label.toLowerCase()) return [];
  return all.filter((other) => other !== label && fold(short(other)) === fold(mine)).length === 0 ? [mine] : [];
}

/** The unit as written (with diacritics) for a folded unit word found in the text. */
function unitFromFolded(original: string, folded: string): string {
  const words = original.split(/[\s/]+/);
  const size = folded.split(" ").length;
  for (let i = 0; i + size <= words.length; i += 1) {
    const candidate = words.slice(i, i + size).join(" ").replace(/[.,;:]$/, "");
    if (fold(candidate) === folded) return candidate;
  }
  return folded;
}

/** Options keep the labels as the decision writes them (diacritics and all). */
function labelsWithDiacritics(original: string, labels: readonly { label: string; points: number }[]): { label: string; points: number }[] {
  return labels.map((l) => {
    const found = unitFromFolded(original, l.label);
    const label = found === l.label ? l.label : found;
    return { label: label.charAt(0).toUpperCase() + label.slice(1), points: l.points };
  });
}
