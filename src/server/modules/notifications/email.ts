/**
 * E-mail over SMTP with nodemailer. The Message-ID is derived from the idempotency key, so a
 * resend of the same outbox row carries the same ID and mail systems can drop the duplicate.
 * A calendar file goes out the way Gmail and Outlook expect an invitation: a
 * `text/calendar; method=…` alternative plus an `application/ics` attachment.
 */
import { createHash } from 'node:crypto';
import { createTransport, type NodemailerError } from 'nodemailer';
import { DeliveryError } from './delivery-error.js';

export interface MailerConfig {
  /** 'smtp://user:pass@host:587' (STARTTLS when offered) or 'smtps://…:465'. */
  url: string;
  /** 'Bürgerbüro Süd <noreply@buergerbuero.example>' */
  from: string;
  /** Deadline for connecting, the greeting and each idle wait. Default 10 s. */
  timeoutMs?: number;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Calendar file from appointmentIcs(); its METHOD line sets the MIME method. */
  ics?: { filename: string; content: string };
  idempotencyKey: string;
}

export interface Mailer {
  /** Resolves with the Message-ID once the SMTP server accepted the message. */
  send(message: EmailMessage): Promise<{ providerId: string }>;
  close(): Promise<void>;
}

/** '<32 hex>@<sender domain>': stable per key, no key material leaks into headers. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

function calendarMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'PUBLISH';
}

/** RFC 5321: 5yz is a permanent rejection except 503 (bad command sequence); 4yz is transient. */
export function mailError(error: unknown): DeliveryError {
  const failure = error as Partial<NodemailerError>;
  const reason = failure.response ?? failure.message ?? String(error);
  const options = { cause: error };
  const status = failure.responseCode;
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') {
    return new DeliveryError('temporary', 'AUTH_FAILED', `SMTP login failed: ${reason}`, options);
  }
  if (status !== undefined && status >= 500 && status !== 503) {
    const code = failure.code === 'EENVELOPE' ? 'INVALID_RECIPIENT' : 'REJECTED';
    return new DeliveryError('permanent', code, `SMTP ${status}: ${reason}`, options);
  }
  if (status !== undefined) {
    const code = status === 421 || status === 451 ? 'THROTTLED' : 'PROVIDER_ERROR';
    return new DeliveryError('temporary', code, `SMTP ${status}: ${reason}`, options);
  }
  const code = failure.code === 'ETIMEDOUT' ? 'TIMEOUT' : 'UNREACHABLE';
  return new DeliveryError('temporary', code, `SMTP: ${reason}`, options);
}

export function createMailer(config: MailerConfig): Mailer {
  const timeout = config.timeoutMs ?? 10_000;
  const transport = createTransport({
    url: config.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  return {
    async send({ to, subject, text, ics, idempotencyKey }) {
      const messageId = messageIdFor(idempotencyKey, config.from);
      try {
        await transport.sendMail({
          from: config.from,
          to,
          subject,
          text,
          messageId,
          // RFC 3834: keeps out-of-office replies from answering our no-reply address
          headers: { 'Auto-Submitted': 'auto-generated' },
          icalEvent: ics && {
            filename: ics.filename,
            method: calendarMethod(ics.content),
            content: ics.content,
          },
        });
      } catch (error) {
        throw mailError(error);
      }
      return { providerId: messageId };
    },
    async close() {
      transport.close();
    },
  };
}
