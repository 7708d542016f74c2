/** What the outbox worker needs from any SMS provider (SMPP, HTTPS, a fake in tests). */
export { DeliveryError, isDeliveryError } from './delivery-error.js';
export type { DeliveryErrorCode, DeliveryFailure } from './delivery-error.js';

export interface SmsMessage {
  /** E.164, e.g. '+491711234567'. */
  to: string;
  text: string;
  /** Stable per outbox row, so a provider (or we) can drop a resend of the same message. */
  idempotencyKey: string;
}

export interface SmsGateway {
  /** Resolves once the provider accepted the message; rejects with a DeliveryError. */
  send(message: SmsMessage): Promise<{ providerId: string }>;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function isE164(number: string): boolean {
  return E164.test(number);
}
