import { isSafeNumber, parse } from "lossless-json";
import { ZaloTransportError } from "./errors.js";

/** Connection errors that mean the request never left: sending again cannot duplicate anything. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * JSON with Zalo's 18–19-digit ids kept exact: a number too large for a
 * double stays the string it was written as.
 */
export function parseZaloJson(text: string): unknown {
  return parse(text, undefined, (value) => (isSafeNumber(value) ? Number(value) : value));
}

/** One HTTP call to Zalo, its body read as JSON; transport failures become ZaloTransportError. */
export async function zaloFetch(
  fetchFn: typeof fetch, endpoint: string, url: string, init: RequestInit, timeoutMs: number,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const code = errorCode(error);
    const notSent = code !== undefined && NOT_SENT.has(code);
    throw new ZaloTransportError(endpoint, code ? `${code}: ${(error as Error).message}` : (error as Error).message, notSent, error);
  }
  const text = await response.text().catch((error: unknown) => {
    throw new ZaloTransportError(endpoint, `the answer broke off: ${(error as Error).message}`, false, error);
  });
  if (!response.ok) throw new ZaloTransportError(endpoint, `HTTP ${response.status}`, false);
  try {
    const body = text.trim() === "" ? {} : parseZaloJson(text);
    if (body === null || typeof body !== "object") throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch (error) {
    throw new ZaloTransportError(endpoint, `unreadable answer: ${text.slice(0, 200)}`, false, error);
  }
}
