import { z } from "zod";

/**
 * The YAML ruleset format (rulesets/**.yaml). Shapes only; arithmetic and
 * cross-references are checked in check.ts so that every problem is reported
 * at once.
 */

export const RULE_TYPES = [
  "ratio", "yes_no", "tiers", "levels", "parts", "per_item", "per_report", "normalise_to_best", "not_scored", "assigned",
] as const;
export const INPUT_KINDS = ["percent", "fraction", "count", "yes_no", "choice", "money", "points", "index_value"] as const;
export const UNIT_KINDS = ["department", "central_agency", "district", "commune", "province", "ministry"] as const;
export const DEADLINE_KINDS = ["submission", "leader_approval", "review", "appeal", "publication", "ruleset_update"] as const;

const text = z.string().trim().min(1);

/** An item's code as the decision prints it: 4, 4.14, 4.22.1; a roman main index (II) or a section letter (B) may lead. */
export const CODE = /^(?:\d{1,3}|[IVXL]{1,6}|[A-H])(?:\.\d{1,3}){0,2}$/;
const points = z.number().nonnegative().finite();

const optionSchema = z.object({
  id: text,
  label: text,
  aliases: z.array(text).default([]),
  points,
}).strict();

const ruleVariants = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("ratio"), fullAt: z.number().gt(0).lte(1).optional(), below: z.enum(["scaled", "ratio"]).optional(),
    floor: z.number().gt(0).lte(1).optional(), emptyFull: z.boolean().optional(),
  }).strict(),
  z.object({ type: z.literal("yes_no"), yesPoints: points.optional() }).strict(),
  z.object({
    type: z.literal("tiers"),
    tiers: z.array(z.object({ atLeast: z.number().nonnegative().finite(), points }).strict()).min(1),
  }).strict(),
  z.object({ type: z.literal("levels"), levels: z.array(optionSchema).min(2) }).strict(),
  z.object({ type: z.literal("parts"), parts: z.array(optionSchema).min(2), proportional: z.boolean().optional() }).strict(),
  z.object({ type: z.literal("per_report"), reports: z.number().int().positive(), onTime: points, late: points }).strict(),
  z.object({ type: z.literal("per_item"), each: z.number().positive().finite(), cap: points.optional() }).strict(),
  z.object({ type: z.literal("normalise_to_best") }).strict(),
  z.object({ type: z.literal("not_scored") }).strict(),
  z.object({ type: z.literal("assigned") }).strict(),
]);

/** The type is checked first so an unknown rule type gets one clear issue. */
export const ruleSchema = z.object({ type: z.enum(RULE_TYPES) }).loose().pipe(ruleVariants);

const inputSchema = z.union([
  z.enum(INPUT_KINDS).transform((kind) => ({ kind })),
  z.object({
    kind: z.enum(INPUT_KINDS),
    unit: text.optional(),
    max: z.number().positive().finite().optional(),
  }).strict(),
]);

const notApplicableSchema = z.union([
  z.boolean().transform((allowed) => ({ allowed, automaticFor: [] as string[] })),
  z.object({ allowed: z.boolean().default(true), automaticFor: z.array(text).default([]) }).strict(),
]);

export interface RawNode {
  code: string;
  name: string;
  measures?: string | undefined;
  howToCount?: string | undefined;
  evidence?: string | undefined;
  evidenceRequired: boolean;
  keywords: string[];
  synonyms: string[];
  max: number | null;
  input?: { kind: (typeof INPUT_KINDS)[number]; unit?: string | undefined; max?: number | undefined } | undefined;
  rule?: z.output<typeof ruleSchema> | undefined;
  effect: "base" | "bonus" | "penalty";
  notApplicable: { allowed: boolean; automaticFor: string[] };
  inferred: boolean;
  ruleCheck?: "uncertain" | "unrecognised" | undefined;
  note?: string | undefined;
  declaredChildren?: number | undefined;
  children: RawNode[];
}

export const nodeSchema: z.ZodType<RawNode> = z.lazy(() =>
  z.object({
    code: z.union([text, z.number().transform(String)]).pipe(z.string().regex(CODE, "code must look like 4, 4.14, 4.22.1, II, B.1 or II.3")),
    name: text,
    measures: text.optional(),
    howToCount: text.optional(),
    evidence: text.optional(),
    evidenceRequired: z.boolean().default(false),
    keywords: z.array(text).default([]),
    synonyms: z.array(text).default([]),
    max: points.nullable().default(null),
    input: inputSchema.optional(),
    rule: ruleSchema.optional(),
    effect: z.enum(["base", "bonus", "penalty"]).default("base"),
    notApplicable: notApplicableSchema.default({ allowed: false, automaticFor: [] }),
    inferred: z.boolean().default(false),
    ruleCheck: z.enum(["uncertain", "unrecognised"]).optional(),
    note: text.optional(),
    declaredChildren: z.number().int().nonnegative().optional(),
    children: z.array(nodeSchema).default([]),
  }).strict(),
);

/** "15/10/N-1": a day of the cycle relative to evaluation year N. */
const cycleDate = z.string().regex(/^(\d{1,2})\/(\d{1,2})\/N([+-]\d)?$/, "expected a cycle date like 15/12/N or 31/03/N+1")
  .transform((s, ctx) => {
    const [, d, m, offset] = /^(\d{1,2})\/(\d{1,2})\/N([+-]\d)?$/.exec(s)!;
    const day = Number(d);
    const month = Number(m);
    // 2024 is a leap year, so 29/02 is allowed.
    const probe = new Date(Date.UTC(2024, month - 1, day));
    if (month < 1 || month > 12 || probe.getUTCDate() !== day) {
      ctx.addIssue({ code: "custom", message: `${s} is not a calendar day` });
      return z.NEVER;
    }
    return { day, month, yearOffset: offset ? Number(offset) : 0 };
  });

const bandSchema = z.object({
  id: text.regex(/^[a-z0-9_]+$/, "band ids are lower-case letters, digits and _"),
  name: text,
  from: z.number().nonnegative().finite(),
  below: z.number().positive().finite().optional(),
}).strict();

export const rulesetSchema = z.object({
  id: text.regex(/^[a-z0-9][a-z0-9-]*$/, "ruleset ids are lower-case letters, digits and dashes"),
  title: text,
  province: z.object({ code: text, name: text }).strict(),
  decision: z.object({
    number: text.optional(),
    date: z.iso.date().optional(),
    signer: text.optional(),
    signerTitle: text.optional(),
    issuer: text.optional(),
  }).strict().nullable(),
  version: z.union([text, z.number().transform(String)]),
  unitKinds: z.array(z.enum(UNIT_KINDS)).min(1),
  totalPoints: points.nullable(),
  completeness: z.enum(["full", "structure"]),
  illustrative: z.boolean().default(false),
  status: z.enum(["draft", "reviewed", "historical"]).default("reviewed"),
  summary: text.optional(),
  declared: z.object({
    mainIndices: z.number().int().nonnegative().optional(),
    subIndicators: z.number().int().nonnegative().optional(),
    criteria: z.number().int().nonnegative().optional(),
  }).strict().default({}),
  sources: z.array(z.object({ ref: text, note: text.optional() }).strict()).default([]),
  notes: z.array(text).default([]),
  rounding: z.object({
    digits: z.number().int().min(0).max(6).default(2),
    valueDigits: z.number().int().min(0).max(8).default(4),
    mode: z.enum(["half_up", "half_even", "down"]).default("half_up"),
  }).strict().default({ digits: 2, valueDigits: 4, mode: "half_up" }),
  classification: z.object({
    scale: z.number().int().positive().default(100),
    bands: z.array(bandSchema).min(1),
  }).strict().nullable().default(null),
  adjustments: z.object({
    bonusCap: points.nullable().default(null),
    penaltyCap: points.nullable().default(null),
  }).strict().default({ bonusCap: null, penaltyCap: null }),
  process: z.object({
    dataWindow: z.object({ from: cycleDate, to: cycleDate }).strict().optional(),
    deadlines: z.array(
      z.object({ kind: z.enum(DEADLINE_KINDS), date: cycleDate, note: text.optional() }).strict(),
    ).default([]),
    notes: z.array(text).default([]),
  }).strict().default({ deadlines: [], notes: [] }),
  indices: z.array(nodeSchema).default([]),
}).strict();

export type RawRuleset = z.output<typeof rulesetSchema>;
