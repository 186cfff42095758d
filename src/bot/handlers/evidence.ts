import { exampleArgs, examplesFor, examplesOf } from "../examples.js";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { formatEvidence, parseEvidence } from "../evidence.js";
import { isFigureLine } from "../intents.js";
import type { PeriodRecord, UnitRecord } from "../ports/records.js";
import { line, reply, text, type InboundFile, type Line, type Reply } from "../reply.js";
import { periodForUnit, rolesIn, type CoreDeps, type Session, noUnitLine } from "../session.js";
import { submit } from "./submit.js";

/** Programs and scripts, whatever their name says: never kept as evidence. */
const EXECUTABLE = new Set(["exe", "elf", "mach", "msi", "dll", "class", "dex", "apk", "deb", "rpm", "wasm", "lnk", "swf", "jar", "xpi", "crx"]);

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

interface Target {
  readonly unit: UnitRecord;
  readonly period: PeriodRecord;
  readonly rulesetId: string;
  readonly code: string;
  readonly name: string;
  readonly revision: number;
}

/**
 * Who may give evidence for which item, and until when: an officer of the
 * unit, for an item of the unit's ruleset, while the unit may still submit,
 * or afterwards for an item a reviewer asked more evidence for, until the
 * date given.
 */
type Found = { ok: true; target: Target } | { ok: false; replies: Reply[] };

async function target(deps: CoreDeps, session: Session, code: string | undefined): Promise<Found> {
  const refuse = (key: string, args?: Record<string, string | Date>): Found => ({ ok: false, replies: [reply([line(key, args)])] });
  if (!session.person) return { ok: false, replies: [reply([line("bot-not-bound"), line("bot-start-how")])] };
  const unit = session.unit;
  if (!unit) return ({ ok: false, replies: [reply([noUnitLine(session)])] });
  if (!rolesIn(session, unit.id).has("officer")) return refuse("bot-evidence-officers-only", { unit: unit.name });
  const found = await periodForUnit(deps, unit);
  if (!found) return refuse("bot-no-period", { unit: unit.name });
  if (!code) return refuse("bot-evidence-which-item", { code: examplesOf(deps.catalog, found.ruleset).code });
  const item = deps.catalog.item(found.ruleset.id, code);
  if (!item) return refuse("bot-evidence-unknown-item", { code });
  if (found.period.status === "published" || found.period.status === "closed") return refuse("bot-evidence-period-closed", { year: String(found.period.year) });
  const history = await deps.store.figures.history(found.period.id, unit.id, code);
  const current = history.at(-1);
  const now = deps.now();
  const submission = found.period.deadlines.find((d) => d.kind === "submission")?.dueAt ?? null;
  const requested = current?.status === "evidence_requested" && current.evidenceDue !== null && current.evidenceDue >= now;
  if (submission && now > submission && !requested) return refuse("bot-evidence-too-late", { code, date: submission });
  const revision = current?.revision ?? 0;
  return { ok: true, target: { unit, period: found.period, rulesetId: found.ruleset.id, code, name: item.name, revision } };
}

/** "/minhchung 4.14 …" typed as a caption reads like "4.14 …". */
const withoutCommand = (caption: string) => caption.replace(/^\s*\/(minhchung|evidence)(@\w+)?\s*/i, "");
const firstCode = (caption: string) => /^\s*(\d{1,2}(?:\.\d{1,2}){0,2})\b/.exec(withoutCommand(caption))?.[1];

/** A photo or a document sent to the bot: evidence for the item its caption names ("4.14", or "4.14 số – ngày: trích yếu"). */
export async function receiveFile(deps: CoreDeps, session: Session, file: InboundFile, typed: string): Promise<Reply[]> {
  const caption = withoutCommand(typed);
  const settings = deps.evidence;
  if (!settings) return [reply([line("bot-evidence-off")])];
  const found = await target(deps, session, firstCode(caption));
  if (!found.ok) return found.replies;
  const t = found.target;
  const allowed = [...settings.types].join(", ");
  const tooLarge = () => [reply([line("bot-evidence-too-large", { filename: file.filename, max: Math.round(settings.maxBytes / 1_048_576) })])];
  // The size the platform announces is checked before anything is downloaded.
  if (file.size !== null && file.size > settings.maxBytes) return tooLarge();
  let data: Uint8Array;
  try {
    data = await file.download();
  } catch (error) {
    deps.log.warn({ filename: file.filename, error: (error as Error).message }, "evidence download failed");
    return [reply([line("bot-evidence-download-failed", { filename: file.filename })])];
  }
  if (data.byteLength > settings.maxBytes) return tooLarge();
  // What the content is, not what its name or the sender says.
  const detected = await fileTypeFromBuffer(data);
  if (!detected) return [reply([line("bot-evidence-unknown-type", { filename: file.filename, allowed })])];
  if (EXECUTABLE.has(detected.ext)) return [reply([line("bot-evidence-executable", { filename: file.filename, detected: detected.ext })])];
  if (!settings.types.has(detected.ext)) return [reply([line("bot-evidence-wrong-type", { filename: file.filename, detected: detected.ext, allowed })])];
  const sha256 = createHash("sha256").update(data).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256}.${detected.ext}`;
  await settings.storage.put(storageKey, data);
  // A caption that gives the figure ("4.14 = 394/508") is submitted with it; otherwise what follows the code is a reference.
  const withFigure = isFigureLine(caption);
  const refs = withFigure ? [] : parseEvidence(caption.replace(/^\s*\d{1,2}(?:\.\d{1,2}){0,2}\s*/, ""));
  const base = {
    periodId: t.period.id, unitId: t.unit.id, itemCode: t.code, revision: t.revision, channel: session.inbound.channel,
    addedBy: session.person!.id, addedByLabel: session.person!.fullName,
  };
  const filename = file.filename.replace(/[\\/]/g, "_").slice(0, 200);
  const stored = { filename, mimeType: detected.mime, size: data.byteLength, sha256, storageKey };
  await deps.store.evidence.add({ ...base, file: stored }, session.person!.fullName, deps.now());
  for (const ref of refs) await deps.store.evidence.add({ ...base, ref }, session.person!.fullName, deps.now());
  const saved = reply([
    line("bot-evidence-saved", { code: t.code, name: t.name, unit: t.unit.name, filename, size: kb(data.byteLength), type: detected.ext.toUpperCase() }, "bold"),
    line("bot-evidence-checksum", { sha: sha256.slice(0, 16) }),
    ...(t.revision === 0 && !withFigure ? [line("bot-evidence-no-figure-yet", { code: t.code })] : []),
  ]);
  return withFigure ? [saved, ...(await submit(deps, session, caption))] : [saved];
}

/**
 * How to give evidence, to those who may: the accepted kinds and size of
 * files, and typed references. Others are told who gives evidence instead.
 */
export async function evidenceHow(deps: CoreDeps, session: Session, code?: string): Promise<Reply[]> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const unit = session.unit;
  if (!unit) return [reply([noUnitLine(session)])];
  if (!rolesIn(session, unit.id).has("officer")) return [reply([line("bot-evidence-officers-only", { unit: unit.name })])];
  const args = { ...exampleArgs(await examplesFor(deps, session)), ...(code && { code }) };
  const settings = deps.evidence;
  const files = settings
    ? [line("bot-evidence-how-file", args), line("bot-evidence-how-kinds", { allowed: [...settings.types].join(", "), max: Math.round(settings.maxBytes / 1_048_576) })]
    : [line("bot-evidence-off")];
  return [reply([line("bot-evidence-how", {}, "bold"), ...files, line("bot-evidence-how-ref", args)])];
}

/**
 * /minhchung 4.14 <số – ngày: trích yếu>: a typed reference for an item;
 * /minhchung 4.14 alone: the evidence the item has.
 */
export async function evidenceCommand(deps: CoreDeps, session: Session, rest: string): Promise<Reply[]> {
  const code = firstCode(rest);
  if (!code) return evidenceHow(deps, session);
  const body = rest.replace(/^\s*\d{1,2}(?:\.\d{1,2}){0,2}\s*/, "").trim();
  if (!body) return listEvidence(deps, session, code);
  const found = await target(deps, session, code);
  if (!found.ok) return found.replies;
  const t = found.target;
  const refs = parseEvidence(body);
  for (const ref of refs) {
    await deps.store.evidence.add({
      periodId: t.period.id, unitId: t.unit.id, itemCode: t.code, revision: t.revision, ref, channel: session.inbound.channel,
      addedBy: session.person!.id, addedByLabel: session.person!.fullName,
    }, session.person!.fullName, deps.now());
  }
  return [reply([
    line("bot-evidence-ref-saved", { code: t.code, name: t.name, unit: t.unit.name, count: refs.length }, "bold"),
    text(formatEvidence(refs)),
    ...(refs.some((r) => !r.number || !r.date) ? [line("bot-evidence-ref-form")] : []),
  ])];
}

async function listEvidence(deps: CoreDeps, session: Session, code: string): Promise<Reply[]> {
  const unit = session.unit;
  if (!session.person || !unit) return [reply([noUnitLine(session)])];
  const found = await periodForUnit(deps, unit);
  if (!found) return [reply([line("bot-no-period", { unit: unit.name })])];
  const all = await deps.store.evidence.forItem(found.period.id, unit.id, code);
  const figure = (await deps.store.figures.history(found.period.id, unit.id, code)).at(-1);
  const typed = figure?.evidence ?? [];
  if (all.length === 0 && typed.length === 0) return [reply([line("bot-evidence-none", { code, unit: unit.name })])];
  const lines: Line[] = [line("bot-evidence-list", { code, unit: unit.name }, "bold")];
  for (const e of all) lines.push(describeEvidence(e));
  if (typed.length > 0) lines.push(line("bot-evidence-with-figure", { refs: formatEvidence(typed) }));
  return [reply(lines)];
}

/** One line per piece of evidence, as reviewers and units see it. */
export function describeEvidence(e: { kind: "file" | "ref"; file: { filename: string; size: number; mimeType: string } | null; ref: Parameters<typeof formatEvidence>[0][number] | null; at: Date; revision: number; addedByLabel: string }): Line {
  return e.kind === "file" && e.file
    ? line("bot-evidence-file-line", { filename: e.file.filename, size: kb(e.file.size), date: e.at, revision: e.revision, by: e.addedByLabel })
    : line("bot-evidence-ref-line", { ref: formatEvidence(e.ref ? [e.ref] : []), date: e.at, revision: e.revision, by: e.addedByLabel });
}
