import { chooseUnit, help, language, start, whoami } from "./handlers/account.js";
import { ask, askBack, readFreeText, showItem } from "./handlers/ask.js";
import { exampleArgs, examplesFor } from "./examples.js";
import type { RequestAction } from "./understand/index.js";
import { acknowledge, broadcastConfirmed, broadcastStep, nudgeUnacknowledged, reportNow, startBroadcast, type PendingBroadcast } from "./handlers/broadcast.js";
import { cancel, confirm, type Confirmables, type TapAnswer, type TapOutcome } from "./handlers/confirm.js";
import { choosePublication, publishConfirmed, type PendingPublish } from "./handlers/publish.js";
import { delegate, snooze } from "./handlers/reminders.js";
import { approve, deadlines } from "./handlers/deadlines.js";
import { itemScore, missing, ranking, score, scoreCard, target } from "./handlers/score.js";
import { submit, withdraw } from "./handlers/submit.js";
import { fold } from "../scoring/index.js";
import { fileAppeal, listAppeals, resolveAppeal } from "./handlers/appeal.js";
import { evidenceCommand, evidenceHow, receiveFile } from "./handlers/evidence.js";
import { reviewDecision, reviewQueue, sendEvidenceFile } from "./handlers/review.js";
import { parseIntent, type Intent } from "./intents.js";
import { line, reply, type Inbound, type Reply } from "./reply.js";
import { loadSession, type CoreDeps, type Session } from "./session.js";

export interface CoreAnswer {
  readonly replies: Reply[];
  readonly locale: "vi" | "en";
  /** For a tapped confirmation: whether it was carried out, gone, or someone else's. */
  readonly tap?: TapOutcome;
}

/** What free text read as a request is carried out as: the same intent as the command, with the same role rules. */
const REQUEST_INTENT: Record<RequestAction, Intent> = {
  greeting: { kind: "greeting" }, thanks: { kind: "thanks" }, score: { kind: "score" }, ranking: { kind: "ranking" },
  missing: { kind: "missing" }, target: { kind: "target" }, deadlines: { kind: "deadlines" }, help: { kind: "help" },
  whoami: { kind: "whoami" }, submit_how: { kind: "submit", text: "" }, evidence_how: { kind: "evidence", text: "" },
  ack: { kind: "noted" }, appeal: { kind: "appeal", text: "" }, approve: { kind: "approve" }, unsupported: { kind: "unsupported" },
};

/** What waits for a tap besides figures and approvals: carried out by its own handler, cancelled with its own words. */
const CONFIRMABLES: Confirmables = new Map([
  ["publish", { confirm: (deps, session, id, payload) => publishConfirmed(deps, session, id, payload as PendingPublish), cancelled: "bot-publish-cancelled" }],
  ["broadcast", { confirm: (deps, session, id, payload) => broadcastConfirmed(deps, session, id, payload as PendingBroadcast), cancelled: "bot-broadcast-cancelled" }],
]);

export interface Core {
  /** Answer one message or tap. Never throws for bad input; it is answered. */
  handle(inbound: Inbound): Promise<CoreAnswer>;
  /**
   * What to tell a person whose message could not be handled: that the system cannot record anything
   * right now (the database is full, damaged or unreachable: try again later), or that something went wrong.
   */
  failureKey(error: unknown): "bot-storage-unavailable" | "bot-error";
}

function dispatch(deps: CoreDeps, session: Session, intent: Intent): Promise<Reply[] | TapAnswer> | Reply[] {
  switch (intent.kind) {
    case "start": return start(deps, session, intent.code);
    case "whoami": return whoami(deps, session);
    case "help": return help(deps, session);
    case "language": return language(deps, session, intent.to);
    case "unit": return chooseUnit(deps, session, intent.code);
    case "ask": return intent.free ? answerFreeText(deps, session, intent.text) : ask(deps, session, intent.text);
    case "greeting": return greet(deps, session);
    case "thanks": return [reply([line("bot-thanks")])];
    case "noted": return [reply([line("bot-ack")])];
    case "unsupported": return [reply([line("bot-unsupported"), line("bot-unsupported-how")])];
    case "item": return showItem(deps, session, intent.rulesetId, intent.code, intent.focus ?? null);
    case "submit": return submit(deps, session, intent.text);
    case "withdraw": return withdraw(deps, session, intent.code);
    case "confirm": return confirm(deps, session, intent.id, intent.detach === true, CONFIRMABLES);
    case "cancel": return cancel(deps, session, intent.id, CONFIRMABLES);
    case "score": return score(deps, session);
    case "score_card": return scoreCard(deps, session);
    case "missing": return missing(deps, session);
    case "target": return target(deps, session, intent.text ?? "");
    case "ranking": return ranking(deps, session);
    case "deadlines": return deadlines(deps, session);
    case "approve": return approve(deps, session);
    case "snooze": return snooze(deps, session, intent.text);
    case "delegate": return delegate(deps, session, intent.text, intent.personId);
    case "broadcast": return startBroadcast(deps, session, intent.text);
    case "broadcast_step": return broadcastStep(deps, session, intent.id, intent.op, intent.arg);
    case "ack": return acknowledge(deps, session, intent.id);
    case "broadcast_report": return reportNow(deps, session, intent.id);
    case "broadcast_nudge": return nudgeUnacknowledged(deps, session, intent.id);
    case "publish": return choosePublication(deps, session, intent.periodId);
    case "file": return session.inbound.file ? receiveFile(deps, session, session.inbound.file, intent.caption) : [];
    case "evidence": return evidenceCommand(deps, session, intent.text);
    case "review": return reviewCommand(deps, session, intent.text);
    case "review_step":
      if (intent.op === "ok") return reviewDecision(deps, session, "accept", intent.arg);
      if (intent.op === "file") return sendEvidenceFile(deps, session, Number(intent.arg));
      // "rv:next:<index>[:<filter>]": the next card of the same part of the queue.
      return reviewQueue(deps, session, Number(intent.arg.split(":")[0]) || 0, intent.arg.split(":").slice(1).join(":"));
    case "appeal": return appealCommand(deps, session, intent.text);
    // Decided (or already decided): the buttons go, as with a confirmation.
    case "appeal_step": return resolveAppeal(deps, session, intent.op, intent.id, "").then((replies) => ({ replies, tap: "done" as const }));
    case "unknown_command": return help(deps, session).then((r) => [reply([line("bot-unknown-command", { command: intent.command })]), ...r]);
    case "ignore": return [];
  }
}

/** Free text: a request carried out as its command would be, a question about an item, or both possible and asked back. */
async function answerFreeText(deps: CoreDeps, session: Session, text: string): Promise<Reply[] | TapAnswer> {
  const reading = await readFreeText(deps, session, text);
  if (reading.kind === "request") {
    if (reading.code && reading.action === "score") return itemScore(deps, session, reading.code);
    if (reading.code && reading.action === "evidence_how") return evidenceHow(deps, session, reading.code);
    if (reading.action === "target") return target(deps, session, text);
    return dispatch(deps, session, REQUEST_INTENT[reading.action]);
  }
  if (reading.kind === "ask_back") return askBack(reading.action, reading.hits);
  return ask(deps, session, text, reading);
}

/** A greeting: answered in kind, with what the person can do and an example from their own set. */
async function greet(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const examples = await examplesFor(deps, session);
  // Each is told what they can do: an officer submits, someone of a unit sees its score, anyone asks about indicators.
  const officer = session.roles.some((r) => r.role === "officer");
  const ofUnit = session.roles.some((r) => r.unitId !== null);
  const how = officer ? "bot-greeting-how" : ofUnit ? "bot-greeting-how-reader" : "bot-greeting-how-guest";
  return [reply([line("bot-greeting", { name: session.person?.fullName ?? "none" }, "bold"), line(how, exampleArgs(examples))])];
}

/** "/thamdinh" alone is the queue; "/thamdinh sua|diem|bosung …" a decision. */
function reviewCommand(deps: CoreDeps, session: Session, rest: string): Promise<Reply[]> {
  const op = fold(rest.trim().split(/\s+/)[0] ?? "");
  if (op === "sua" || op === "diem" || op === "bosung") return reviewDecision(deps, session, op, rest.trim().slice(op.length));
  return reviewQueue(deps, session, 0, rest);
}

/** "/khieunai" alone lists; "/khieunai giu|chapnhan <số> [lý do]" decides (admins); "/khieunai 4.14 <lý do>" files. */
function appealCommand(deps: CoreDeps, session: Session, rest: string): Promise<Reply[]> {
  const words = rest.trim().split(/\s+/);
  const op = fold(words[0] ?? "");
  if (!rest.trim()) return listAppeals(deps, session);
  if ((op === "giu" || op === "chapnhan") && /^\d+$/.test(words[1] ?? "")) {
    return resolveAppeal(deps, session, op === "giu" ? "keep" : "self", Number(words[1]), words.slice(2).join(" "));
  }
  return fileAppeal(deps, session, rest);
}

/** The channel-neutral core: intents in, replies (message keys, buttons) out. */
export function createCore(deps: CoreDeps): Core {
  return {
    async handle(inbound) {
      const intent = parseIntent(inbound, deps.botUsername);
      if (intent.kind === "ignore") return { replies: [], locale: "vi" };
      const session = await loadSession(deps, inbound);
      const answer = await dispatch(deps, session, intent);
      // A language change answers in the new language.
      const locale = intent.kind === "language" && intent.to ? intent.to : session.locale;
      return Array.isArray(answer) ? { replies: answer, locale } : { replies: answer.replies, locale, tap: answer.tap };
    },
    failureKey: (error) => (deps.store.health.isFault(error) ? "bot-storage-unavailable" : "bot-error"),
  };
}
