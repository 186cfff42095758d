/**
 * Files people send to the bot, fetched the same way on every channel: with
 * a timeout, and stopped (not read to the end) once the body passes a cap,
 * whatever Content-Length says.
 */

/** Telegram's getFile serves files up to 20 MB (https://core.telegram.org/bots/api#getfile); Zalo's are held to the same. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Longest a file download may take, headers and body. */
export const FILE_TIMEOUT_MS = 60_000;

/** GET a URL's body, stopped (not read to the end) once it passes `maxBytes`, whatever Content-Length says. */
export async function fetchCapped(url: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const reader = response.body?.getReader();
  try {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const announced = Number(response.headers.get("content-length") ?? Number.NaN);
    if (announced > maxBytes) throw new Error(`announced ${announced} bytes, over the ${maxBytes}-byte limit`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      total += part.value.byteLength;
      if (total > maxBytes) throw new Error(`over the ${maxBytes}-byte limit`);
      chunks.push(part.value);
    }
    const body = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    return body;
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    throw error;
  }
}
