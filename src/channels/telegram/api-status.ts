import { GrammyError, HttpError, type Transformer } from "grammy";

/** The Bot API as last seen by this process. */
export interface ApiStatus {
  /** ok: the last call was answered; otherwise why not, in plain words for /readyz. */
  readonly state: "unknown" | "ok" | "unreachable" | "server_error" | "token_refused" | "conflict";
  /** Since when it has been in this state. */
  readonly since: Date;
}

export interface ApiWatch {
  /** Installed on every Api client of the process (the bot's and the delivery queue's). */
  readonly transformer: Transformer;
  status(): ApiStatus;
  /** Polling got 409 (another poller) or recovered from it. */
  setConflict(conflict: boolean): void;
  /** How many getUpdates calls have been answered so far (polling works when it grows). */
  readonly pollsAnswered: number;
}

/**
 * Watches every Bot API call: answered, or failed because Telegram could not
 * be reached, answered 5xx, refused the token (401) or saw another poller
 * (409). Answers such as 400 or 403 are about one request, not the API.
 */
export function createApiWatch(now: () => Date = () => new Date(), onChange?: (state: ApiStatus["state"], was: ApiStatus["state"]) => void): ApiWatch {
  let state: ApiStatus["state"] = "unknown";
  let since = now();
  let conflict = false;
  let polls = 0;
  const set = (next: ApiStatus["state"]) => {
    if (next === state) return;
    const was = state;
    state = next;
    since = now();
    onChange?.(next, was);
  };
  return {
    get pollsAnswered() {
      return polls;
    },
    transformer: async (prev, method, payload, signal) => {
      try {
        const result = await prev(method, payload, signal);
        // Polling answered: whatever other poller there was has gone.
        if (method === "getUpdates" && result.ok) {
          conflict = false;
          polls += 1;
        }
        if (result.ok || (result.error_code < 500 && result.error_code !== 401 && result.error_code !== 409)) set("ok");
        else if (result.error_code === 401) set("token_refused");
        else if (result.error_code === 409) set("conflict");
        else set("server_error");
        return result;
      } catch (error) {
        // A call we aborted ourselves (a stop) says nothing about Telegram.
        if (!signal?.aborted && (error instanceof HttpError || !(error instanceof GrammyError))) set("unreachable");
        throw error;
      }
    },
    status: () => ({ state: conflict && state === "ok" ? "conflict" : state, since }),
    setConflict(value) {
      conflict = value;
      if (value) set("conflict");
    },
  };
}
