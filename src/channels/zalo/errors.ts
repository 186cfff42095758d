import { AppError } from "../../errors.js";

/**
 * What to do about a failed Zalo call. Zalo answers errors with HTTP 200 and
 * a negative `error` in the body; the codes and their meaning are collected in
 * docs/channels.md (A4).
 */
export type ZaloAction =
  /** The access token is invalid or expired: refresh once, then try again. */
  | "refresh_token"
  /** The person does not follow the OA (or is banned or inactive): mark them unreachable on Zalo. */
  | "not_follower"
  /** The person has not written within the window: reach them on another channel. */
  | "switch_channel"
  /** A limit that passes (calls per minute, night-time promotion): try again later. */
  | "retry_later"
  /** The uploaded file's id expired: upload again. */
  | "reupload"
  /** The OA or the app must be fixed by an administrator (authorisation, package, permissions). */
  | "alert"
  /** This message cannot be sent as it is; trying again will not help. */
  | "give_up";

const ACTIONS: ReadonlyMap<number, ZaloAction> = new Map([
  [-32, "retry_later"],
  [-100, "reupload"],
  [-201, "give_up"],
  [-204, "alert"], [-205, "alert"], [-209, "alert"], [-211, "alert"], [-212, "alert"], [-219, "alert"],
  [-221, "alert"], [-223, "alert"], [-224, "alert"], [-242, "alert"], [-320, "alert"], [-321, "alert"],
  [-213, "not_follower"], [-227, "not_follower"],
  [-216, "refresh_token"], [-220, "refresh_token"],
  [-218, "give_up"], [-233, "give_up"], [-240, "give_up"], [-244, "give_up"],
  [-230, "switch_channel"], [-232, "switch_channel"],
  [-234, "retry_later"],
]);

/** Zalo's code for an API call limit reached: wait for the next minute. */
export const CALL_LIMIT_WAIT_MS = 60_000;

export function actionFor(errorCode: number): ZaloAction {
  // OAuth answers use the -14xxx range: an invalid or used refresh token, a wrong secret.
  if (errorCode <= -14000 && errorCode > -15000) return "alert";
  return ACTIONS.get(errorCode) ?? "give_up";
}

/** A Zalo API call answered with an error code. */
export class ZaloApiError extends AppError {
  readonly endpoint: string;
  readonly errorCode: number;
  readonly action: ZaloAction;

  constructor(endpoint: string, errorCode: number, message: string) {
    super("ZALO_API", `Zalo ${endpoint} answered ${errorCode}: ${message}`);
    this.endpoint = endpoint;
    this.errorCode = errorCode;
    this.action = actionFor(errorCode);
  }
}

/** A Zalo call that failed below the API: a refused connection, a timeout, an HTTP error status, an unreadable body. */
export class ZaloTransportError extends AppError {
  readonly endpoint: string;
  /** True when the request cannot have reached Zalo (connection refused, name not found): safe to send again. */
  readonly notSent: boolean;

  constructor(endpoint: string, message: string, notSent: boolean, cause?: unknown) {
    super("ZALO_TRANSPORT", `Zalo ${endpoint}: ${message}`, { cause });
    this.endpoint = endpoint;
    this.notSent = notSent;
  }
}

/** The OA's tokens cannot be renewed: an admin must authorise the OA again. */
export class ZaloAuthError extends AppError {
  constructor(message: string) {
    super("ZALO_AUTH", message);
  }
}
