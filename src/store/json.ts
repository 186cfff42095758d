import { z } from "zod";
import type { Figure } from "../scoring/index.js";

/** JSON columns are text in both databases; these read them back with a check. */

const q = z.object({ n: z.number().int().nonnegative(), d: z.number().int().positive() });
const figureSchema: z.ZodType<Figure> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("share"), value: q, a: z.number().optional(), b: z.number().optional() }),
  z.object({ kind: z.literal("amount"), value: q }),
  z.object({ kind: z.literal("yes_no"), yes: z.boolean() }),
  z.object({ kind: z.literal("choice"), ids: z.array(z.string()) }),
  z.object({ kind: z.literal("not_applicable") }),
]) as z.ZodType<Figure>;

export function figureToJson(figure: Figure | null | undefined): string | null {
  return figure ? JSON.stringify(figure) : null;
}

export function figureFromJson(text: string | null): Figure | null {
  return text === null ? null : figureSchema.parse(JSON.parse(text));
}

export function listFromJson(text: string): string[] {
  return z.array(z.string()).parse(JSON.parse(text));
}

export function tagsFromText(text: string): string[] {
  return text.split(",").map((t) => t.trim()).filter((t) => t.length > 0);
}
