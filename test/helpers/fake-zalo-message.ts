// The `message` object of a Message V3 send (cs, transaction, promotion), checked as the fake Zalo does.
import { Fault } from "./fake-zalo-wire.js";

export type MessageType = "cs" | "transaction" | "promotion";

export interface Button {
  title: string;
  type: string;
  payload: unknown;
}

export interface MessageContent {
  readonly text: string | null;
  readonly buttons: Button[];
  readonly attachmentId: string | null;
}

export interface ContentLimits {
  readonly maxTextLength: number;
  readonly maxButtons: number;
  readonly attachments: ReadonlySet<string>;
}

const BUTTON_TYPES = new Set(["oa.query.show", "oa.query.hide", "oa.open.url", "oa.open.phone", "oa.open.sms"]);
const TRANSACTION_TEMPLATES = new Set(["transaction_billing", "transaction_order", "transaction_reward", "transaction_contract",
  "transaction_booking", "transaction_membership", "transaction_event"]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const invalid = (field: string) => new Fault(-201, `${field} is invalid`);

function checkText(text: unknown, limits: ContentLimits): string | null {
  if (text === undefined) return null;
  // Length in characters (code points), as a person would count them.
  if (typeof text !== "string" || text.length === 0 || [...text].length > limits.maxTextLength) throw invalid("text");
  return text;
}

function checkButtons(buttons: unknown, limits: ContentLimits): Button[] {
  if (buttons === undefined) return [];
  if (!Array.isArray(buttons) || buttons.length > limits.maxButtons) throw invalid("buttons");
  return buttons.map((button: unknown) => {
    if (!isObject(button) || typeof button["title"] !== "string" || button["title"] === "") throw invalid("button title");
    const type = button["type"];
    if (typeof type !== "string" || !BUTTON_TYPES.has(type)) throw invalid("button type");
    const payload = button["payload"];
    const urlOk = type !== "oa.open.url" || (isObject(payload) && typeof payload["url"] === "string");
    const queryOk = !type.startsWith("oa.query.") || (typeof payload === "string" && payload !== "");
    if (!urlOk || !queryOk || payload === undefined || payload === null) throw invalid("button payload");
    return { title: button["title"], type, payload };
  });
}

/** The text of a transaction or promotion template: its header and text elements, one per line. */
function templateText(elements: unknown): string | null {
  if (!Array.isArray(elements)) throw invalid("elements");
  const lines = elements.filter((e): e is Record<string, unknown> => isObject(e) && (e["type"] === "header" || e["type"] === "text"))
    .map((e) => e["content"]).filter((c): c is string => typeof c === "string");
  return lines.length > 0 ? lines.join("\n") : null;
}

/** Check a message for an endpoint; a problem is a Fault (-201 for a bad field, -233 for a template the endpoint does not take). */
export function checkContent(type: MessageType, message: unknown, limits: ContentLimits): MessageContent {
  if (!isObject(message)) throw invalid("message");
  const text = checkText(message["text"], limits);
  const attachment = message["attachment"];
  if (attachment === undefined) {
    if (text === null) throw invalid("message");
    return { text, buttons: [], attachmentId: null };
  }
  if (!isObject(attachment) || attachment["type"] !== "template" || !isObject(attachment["payload"])) throw invalid("attachment");
  const payload = attachment["payload"];
  const template = payload["template_type"];
  if (template === "button") {
    if (text === null) throw invalid("text");
    return { text, buttons: checkButtons(payload["buttons"], limits), attachmentId: null };
  }
  if (template === "media") {
    const elements = payload["elements"];
    const element: unknown = Array.isArray(elements) && elements.length === 1 ? elements[0] : undefined;
    if (!isObject(element) || element["media_type"] !== "image") throw invalid("elements");
    const id = element["attachment_id"];
    if (typeof id !== "string" || !limits.attachments.has(id)) throw invalid("attachment_id");
    return { text, buttons: [], attachmentId: id };
  }
  const transactional = typeof template === "string" && TRANSACTION_TEMPLATES.has(template);
  if (transactional || template === "promotion") {
    if ((transactional && type !== "transaction") || (template === "promotion" && type !== "promotion")) {
      throw new Fault(-233, "Message type is invalid or not supported");
    }
    const body = templateText(payload["elements"]);
    if (body !== null) checkText(body, limits);
    return { text: body, buttons: checkButtons(payload["buttons"], limits), attachmentId: null };
  }
  throw invalid("template_type");
}
