/**
 * Why a send failed, in the terms the outbox worker needs: retry later, or give up on this
 * message. Configuration problems (wrong password, unreachable gateway) are temporary — the
 * message is fine and will go out once an operator fixes the setup.
 */
export type DeliveryFailure = 'permanent' | 'temporary';

export type DeliveryErrorCode =
  /** The recipient address is malformed or rejected by the provider. */
  | 'INVALID_RECIPIENT'
  /** The provider rejected this message for good (content, length, policy). */
  | 'REJECTED'
  /** The gateway could not be reached or dropped the connection. */
  | 'UNREACHABLE'
  /** The gateway did not answer in time. */
  | 'TIMEOUT'
  /** Login to the gateway failed: fix the configuration. */
  | 'AUTH_FAILED'
  /** The provider asked us to slow down or is overloaded. */
  | 'THROTTLED'
  /** Any other failure the provider reported as transient. */
  | 'PROVIDER_ERROR';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  /** How long the provider asked us to wait (HTTP Retry-After), if it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly failure: DeliveryFailure,
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  get permanent(): boolean {
    return this.failure === 'permanent';
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}
