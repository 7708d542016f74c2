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
}

export interface DB {
  offices: OfficesTable;
  opening_hours: OpeningHoursTable;
  opening_exceptions: OpeningExceptionsTable;
  staff: StaffTable;
  staff_offices: StaffOfficesTable;
  duty: DutyTable;
}
