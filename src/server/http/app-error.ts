import { ERRORS, type ErrorCode } from '../../shared/errors.js';

/** A failure the client can act on: a code from the catalogue, never internals. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { path: string; problem: string }[],
    readonly alternatives?: string[],
  ) {
    super(ERRORS[code].en);
    this.statusCode = ERRORS[code].status;
  }
}
