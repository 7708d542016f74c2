/**
 * The SMS and e-mails an appointment's life produces, as outbox rows: composed now (the links
 * carry the token, which is stored only hashed), sent by the worker. Idempotency keys name the
 * appointment, the event and its count, so the same event never makes two messages.
 */
import type { Locale } from '../../../shared/locale.js';
import { appointmentIcs } from '../notifications/ics.js';
import type { OutboxMessage } from '../notifications/outbox.js';
import {
  composeMessages,
  type NotificationKind,
  type TemplateOverrides,
} from '../notifications/templates.js';

export interface MessageSettings {
  publicUrl: string;
  /** Reminder this long before the start (0 = none). */
  reminderMinutes: number;
  /** The sender of e-mails, 'Name <address>'. */
  emailFrom: string;
}

export interface AppointmentFacts {
  id: string;
  code: string;
  officeName: string;
  timeZone: string;
  serviceName: string;
  start: Date;
  end: Date;
  name: string;
  phone: string;
  email: string | null;
  lang: Locale;
  /** Changes so far (the calendar entry's SEQUENCE and part of the idempotency key). */
  version: number;
}

export const joinPath = (token: string) => `/a/${token}`;
export const managePath = (token: string) => `/a/${token}/change`;

function address(from: string): { name: string; email: string } {
  const match = /^(.*)<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1]!.trim() || match[2]!, email: match[2]!.trim() }
    : { name: from, email: from };
}

/** SMS, e-mail (with calendar file) and — for a booking — the reminder. */
export function appointmentMessages(
  kind: NotificationKind,
  a: AppointmentFacts,
  token: string | null,
  settings: MessageSettings,
  now: Date,
  previousStart?: Date,
  overrides: TemplateOverrides = {},
): OutboxMessage[] {
  const links = token
    ? {
        joinUrl: settings.publicUrl + joinPath(token),
        manageUrl: settings.publicUrl + managePath(token),
      }
    : { joinUrl: settings.publicUrl, manageUrl: settings.publicUrl };
  const data = {
    officeName: a.officeName,
    timeZone: a.timeZone,
    start: a.start,
    code: a.code,
    ...links,
    ...(previousStart ? { previousStart } : {}),
  };
  const key = `appointment:${a.id}:${a.version}:${kind}`;
  const text = composeMessages(kind, a.lang, data, overrides);
  const messages: OutboxMessage[] = [
    {
      idempotencyKey: `${key}:sms`,
      channel: 'sms',
      recipient: a.phone,
      body: text.sms,
      appointmentId: a.id,
      dueAt: now,
    },
  ];
  if (a.email) {
    const ics = appointmentIcs({
      uid: `${a.id}@virtuelles-buergerbuero`,
      sequence: a.version,
      method: kind === 'booking_cancelled' ? 'CANCEL' : 'REQUEST',
      start: a.start,
      end: a.end,
      timeZone: a.timeZone,
      summary: `${a.officeName}: ${a.serviceName}`,
      description: `${a.code}\n${links.joinUrl}`,
      url: links.joinUrl,
      organizer: address(settings.emailFrom),
      attendee: { name: a.name, email: a.email },
      stamp: now,
    });
    messages.push({
      idempotencyKey: `${key}:email`,
      channel: 'email',
      recipient: a.email,
      subject: text.email.subject,
      body: text.email.text,
      ics,
      appointmentId: a.id,
      dueAt: now,
    });
  }
  const remindAt = new Date(a.start.getTime() - settings.reminderMinutes * 60_000);
  const remind = kind === 'booking_confirmed' || kind === 'booking_rescheduled';
  if (remind && settings.reminderMinutes > 0 && remindAt > now) {
    const reminder = composeMessages('booking_reminder', a.lang, data, overrides);
    messages.push({
      idempotencyKey: `appointment:${a.id}:${a.version}:reminder:sms`,
      channel: 'sms',
      recipient: a.phone,
      body: reminder.sms,
      appointmentId: a.id,
      dueAt: remindAt,
    });
  }
  return messages;
}
