/** Row types of the tables, as Kysely sees them. Keep in step with migrations/. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OfficesTable {
  id: Generated<number>;
  slug: string;
  ticket_prefix: string;
  name_de: string;
  name_en: string;
  description_de: string;
  description_en: string;
  time_zone: string;
  holiday_country: string | null;
  holiday_state: string | null;
  holiday_region: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
}

export interface OpeningHoursTable {
  office_id: number;
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpeningExceptionsTable {
  id: Generated<number>;
  office_id: number;
  first_day: string;
  last_day: string;
  opens: string | null;
  closes: string | null;
  note_de: string | null;
  note_en: string | null;
}

export interface StaffTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: 'staff' | 'admin';
  created_at: Generated<Date>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
}

export interface StaffOfficesTable {
  staff_id: number;
  office_id: number;
}

export interface DutyTable {
  staff_id: number;
  office_id: number;
  state: 'available' | 'paused';
  since: Timestamp;
  /** Last heartbeat of the staff member's console (database time, not the app clock). */
  seen_at: Generated<Date>;
}

export interface StaffSessionsTable {
  token_hash: Buffer;
  staff_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface TicketCountersTable {
  office_id: number;
  day: string;
  last_number: number;
}

export type TicketStateColumn = 'waiting' | 'called' | 'serving' | 'done' | 'left' | 'absent';

export interface TicketsTable {
  id: Generated<string>;
  office_id: number;
  day: string;
  number: number;
  code: string;
  secret_hash: Buffer;
  name: string | null;
  state: Generated<TicketStateColumn>;
  priority: Generated<number>;
  enqueued_at: Timestamp;
  called_at: Timestamp | null;
  call_count: Generated<number>;
  joined_at: Timestamp | null;
  ended_at: Timestamp | null;
  last_seen_at: Timestamp;
  left_reason: 'citizen' | 'timeout' | null;
  appointment_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConsultationsTable {
  id: Generated<string>;
  ticket_id: string;
  office_id: number;
  staff_id: number;
  started_at: Timestamp;
  joined_at: Timestamp | null;
  ended_at: Timestamp | null;
  outcome: 'done' | 'absent' | null;
  citizen_received_up_to: Generated<number>;
  staff_received_up_to: Generated<number>;
  rated: Generated<boolean>;
}

export interface ChatMessagesTable {
  id: Generated<number>;
  consultation_id: string;
  sender: 'citizen' | 'staff';
  body: string;
  sent_at: Timestamp;
}

export interface SignalsTable {
  id: Generated<number>;
  consultation_id: string;
  sender: 'citizen' | 'staff';
  payload: string;
  created_at: Generated<Date>;
}

export type DocumentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface DocumentsTable {
  id: Generated<string>;
  consultation_id: string;
  uploader: 'citizen' | 'staff';
  filename: string;
  media_type: DocumentMediaType;
  size_bytes: number;
  sha256: string;
  created_at: Timestamp;
}

export interface RatingsTable {
  id: Generated<number>;
  office_id: number;
  stars: number;
  comment: string | null;
  day: string;
}

export interface AppointmentServicesTable {
  id: Generated<number>;
  office_id: number;
  name_de: string;
  name_en: string;
  duration_minutes: number;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface AppointmentSettingsTable {
  office_id: number;
  unit_minutes: Generated<number>;
  lead_minutes: Generated<number>;
  horizon_days: Generated<number>;
  priority_minutes: Generated<number>;
  no_show_minutes: Generated<number>;
}

export interface AppointmentCapacityTable {
  office_id: number;
  weekday: number;
  opens: string;
  closes: string;
  seats: number;
}

export type AppointmentState = 'booked' | 'cancelled' | 'checked_in' | 'no_show';

export interface AppointmentsTable {
  id: Generated<string>;
  office_id: number;
  service_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  code: string;
  token_hash: Buffer;
  state: Generated<AppointmentState>;
  name: string | null;
  phone: string | null;
  email: string | null;
  lang: 'de' | 'en';
  booked_by: number | null;
  ticket_id: string | null;
  reschedule_count: Generated<number>;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
  purged_at: Timestamp | null;
}

export interface AppointmentBlocksTable {
  id: Generated<number>;
  office_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  seats: number;
  reason: string;
  created_by: number | null;
}

export interface AppointmentUnitsTable {
  office_id: number;
  starts_at: Timestamp;
  seat: number;
  appointment_id: string | null;
  block_id: number | null;
}

export type OutboxState = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  channel: 'sms' | 'email';
  recipient: string | null;
  subject: string | null;
  body: string | null;
  ics: string | null;
  appointment_id: string | null;
  state: Generated<OutboxState>;
  due_at: Timestamp;
  locked_until: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  provider_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface AltchaUsedTable {
  signature: string;
  expires_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface MessageTemplatesTable {
  office_id: number;
  lang: 'de' | 'en';
  kind: 'booking_confirmed' | 'booking_reminder' | 'booking_cancelled' | 'booking_rescheduled';
  sms: string | null;
  email_subject: string | null;
  email_body: string | null;
}

export interface DB {
  offices: OfficesTable;
  opening_hours: OpeningHoursTable;
  opening_exceptions: OpeningExceptionsTable;
  staff: StaffTable;
  staff_offices: StaffOfficesTable;
  duty: DutyTable;
  staff_sessions: StaffSessionsTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  consultations: ConsultationsTable;
  chat_messages: ChatMessagesTable;
  signals: SignalsTable;
  documents: DocumentsTable;
  ratings: RatingsTable;
  appointment_services: AppointmentServicesTable;
  appointment_settings: AppointmentSettingsTable;
  appointment_capacity: AppointmentCapacityTable;
  appointments: AppointmentsTable;
  appointment_blocks: AppointmentBlocksTable;
  appointment_units: AppointmentUnitsTable;
  outbox: OutboxTable;
  altcha_used: AltchaUsedTable;
  app_secrets: AppSecretsTable;
  message_templates: MessageTemplatesTable;
}
