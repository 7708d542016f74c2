/**
 * Stand-ins for when no SMS gateway or SMTP server is configured (a first start, a demo): the
 * message goes to the app's log, readable by whoever runs the app, and counts as sent. The
 * start banner says so; production sets SMPP_URL or SMS_HTTP_URL and SMTP_URL.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from './email.js';
import type { SmsGateway } from './sms-gateway.js';

export function logSmsGateway(log: FastifyBaseLogger): SmsGateway {
  return {
    send(message) {
      log.info({ to: message.to, text: message.text }, 'SMS (no gateway configured: logged only)');
      return Promise.resolve({ providerId: `log:${message.idempotencyKey}` });
    },
    close: () => Promise.resolve(),
  };
}

export function logMailer(log: FastifyBaseLogger): Mailer {
  return {
    send(message) {
      log.info(
        { to: message.to, subject: message.subject, text: message.text, ics: !!message.ics },
        'e-mail (no SMTP server configured: logged only)',
      );
      return Promise.resolve({ providerId: `log:${message.idempotencyKey}` });
    },
    close: () => Promise.resolve(),
  };
}
