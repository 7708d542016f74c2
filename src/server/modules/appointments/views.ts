/** What a citizen sees of an appointment, and the facts its messages are composed from. */
import type { AppointmentView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { AppError } from '../../http/app-error.js';
import type { AppointmentFacts } from './messages.js';
import type { OfficeContext } from './office-context.js';
import { normalizeMobile } from './phone.js';
import type * as repo from './repo.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const iso = (d: Date) => d.toISOString();

export function appointmentView(
  ctx: OfficeContext,
  a: Pick<AppointmentView, 'id' | 'code' | 'state' | 'service' | 'name' | 'lang'> & {
    start: Date;
    end: Date;
    locale?: Locale;
  },
): AppointmentView {
  const { settings, office } = ctx;
  const start = a.start.getTime();
  return {
    id: a.id,
    code: a.code,
    state: a.state,
    office: office.slug,
    officeName: office.name[a.locale ?? a.lang],
    timeZone: office.timeZone,
    service: a.service,
    start: iso(a.start),
    end: iso(a.end),
    name: a.name,
    checkInFrom: iso(new Date(start - settings.priorityMinutes * 60_000)),
    missedAt: iso(new Date(start + settings.noShowMinutes * 60_000)),
    lang: a.lang,
  };
}

export function viewOfRow(
  ctx: OfficeContext,
  row: repo.AppointmentRow,
  locale: Locale,
): AppointmentView {
  return appointmentView(ctx, {
    id: row.id,
    code: row.code,
    state: row.state,
    service: {
      id: row.service_id,
      name: locale === 'en' ? row.service_name_en : row.service_name_de,
      durationMinutes: row.duration_minutes,
    },
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    name: row.name,
    lang: row.lang,
    locale,
  });
}

/** The facts of a stored appointment for a message about a change (`version` = how many). */
export function factsOf(
  row: repo.AppointmentRow,
  change: { version: number; start?: Date; end?: Date },
): AppointmentFacts {
  const lang = row.lang;
  return {
    id: row.id,
    code: row.code,
    officeName: lang === 'en' ? row.office_name_en : row.office_name_de,
    timeZone: row.time_zone,
    serviceName: lang === 'en' ? row.service_name_en : row.service_name_de,
    start: change.start ?? new Date(row.starts_at),
    end: change.end ?? new Date(row.ends_at),
    name: row.name ?? '',
    phone: row.phone ?? '',
    email: row.email,
    lang,
    version: change.version,
  };
}

/** Name, mobile number (E.164, allowed countries only) and optional e-mail — or a coded error. */
export function checkContact(
  request: { name: string; phone: string; email?: string | null },
  allowedCountries: readonly string[],
): { name: string; phone: string; email: string | null } {
  const mobile = normalizeMobile(request.phone, allowedCountries);
  if (!mobile.ok) {
    throw new AppError(
      mobile.reason === 'NOT_MOBILE'
        ? 'PHONE_NOT_MOBILE'
        : mobile.reason === 'COUNTRY_NOT_ALLOWED'
          ? 'PHONE_COUNTRY'
          : 'PHONE_INVALID',
    );
  }
  const email = request.email?.trim() ? request.email.trim().toLowerCase() : null;
  if (email && !EMAIL.test(email)) throw new AppError('EMAIL_INVALID');
  const name = request.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED');
  return { name, phone: mobile.e164, email };
}
