/** The configured SMS gateway and mailer, or the log stand-ins when none is configured. */
import type { FastifyBaseLogger } from 'fastify';
import type { SmsConfig } from '../../config.js';
import { createMailer } from './email.js';
import { logMailer, logSmsGateway } from './log-gateways.js';
import { createHttpSmsGateway } from './sms-http.js';
import { createSmppGateway } from './sms-smpp.js';
import type { Senders } from './worker.js';

export interface SenderConfig {
  sms: SmsConfig | null;
  smtpUrl: string | null;
  emailFrom: string;
}

export function createSenders(config: SenderConfig, log: FastifyBaseLogger): Senders {
  const { sms } = config;
  return {
    sms:
      sms?.kind === 'smpp'
        ? createSmppGateway({
            url: sms.url,
            systemId: sms.systemId,
            password: sms.password,
            sender: sms.sender,
          })
        : sms?.kind === 'http'
          ? createHttpSmsGateway({ url: sms.url, token: sms.token, sender: sms.sender })
          : logSmsGateway(log),
    email: config.smtpUrl
      ? createMailer({ url: config.smtpUrl, from: config.emailFrom })
      : logMailer(log),
  };
}
