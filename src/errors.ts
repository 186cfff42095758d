/**
 * Errors that cross a boundary. Bad user input is a reply, not an exception;
 * these are for broken files, broken configuration and failed dependencies.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
