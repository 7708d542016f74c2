-- Appointments: services with durations, booking settings and seats per time of day, bookings,
-- one row per occupied unit and seat (the guarantee against double booking), staff blocks, the
-- notification outbox, and used proof-of-work challenges.

CREATE TABLE appointment_services (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id        bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  name_de          text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
  name_en          text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
  position         integer NOT NULL DEFAULT 0,
  active           boolean NOT NULL DEFAULT true
);
CREATE INDEX appointment_services_office ON appointment_services (office_id);

-- An office takes bookings when it has a settings row and capacity.
CREATE TABLE appointment_settings (
  office_id             bigint PRIMARY KEY REFERENCES offices ON DELETE CASCADE,
  unit_minutes          integer NOT NULL DEFAULT 10 CHECK (unit_minutes BETWEEN 5 AND 60),
  lead_minutes          integer NOT NULL DEFAULT 60 CHECK (lead_minutes BETWEEN 0 AND 10080),
  horizon_days          integer NOT NULL DEFAULT 42 CHECK (horizon_days BETWEEN 1 AND 366),
  -- Checked-in appointments are called before walk-ins from this long before their time …
  priority_minutes      integer NOT NULL DEFAULT 10 CHECK (priority_minutes BETWEEN 0 AND 120),
  -- … and count as no-show when nobody checked in this long after it.
  no_show_minutes       integer NOT NULL DEFAULT 15 CHECK (no_show_minutes BETWEEN 1 AND 240)
);

-- How many staff serve appointments at a time of day (wall clock in the office's zone).
CREATE TABLE appointment_capacity (
  office_id bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  weekday   smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens     time NOT NULL,
  closes    time NOT NULL,
  seats     integer NOT NULL CHECK (seats BETWEEN 0 AND 100),
  PRIMARY KEY (office_id, weekday, opens),
  CHECK (closes > opens)
);

CREATE TABLE appointments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  office_id         bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  service_id        bigint NOT NULL REFERENCES appointment_services,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  code              text NOT NULL UNIQUE,
  -- The links' secret, stored only as its SHA-256.
  token_hash        bytea NOT NULL UNIQUE,
  state             text NOT NULL DEFAULT 'booked'
                    CHECK (state IN ('booked', 'cancelled', 'checked_in', 'no_show')),
  -- Personal data: cleared after the retention period (the row stays for statistics).
  name              text CHECK (length(name) <= 80),
  phone             text,
  email             text CHECK (length(email) <= 254),
  lang              text NOT NULL CHECK (lang IN ('de', 'en')),
  booked_by         bigint REFERENCES staff ON DELETE SET NULL,
  ticket_id         uuid REFERENCES tickets ON DELETE SET NULL,
  reschedule_count  integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL,
  cancelled_at      timestamptz,
  purged_at         timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX appointments_office_start ON appointments (office_id, starts_at);
CREATE INDEX appointments_phone_created ON appointments (phone, created_at);

CREATE TABLE appointment_blocks (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id  bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  seats      integer NOT NULL CHECK (seats BETWEEN 1 AND 100),
  reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_by bigint REFERENCES staff ON DELETE SET NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX appointment_blocks_office ON appointment_blocks (office_id, starts_at);

-- One row per occupied (unit, seat): the primary key is what makes a double booking impossible.
CREATE TABLE appointment_units (
  office_id      bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  starts_at      timestamptz NOT NULL,
  seat           integer NOT NULL CHECK (seat >= 0),
  appointment_id uuid REFERENCES appointments ON DELETE CASCADE,
  block_id       bigint REFERENCES appointment_blocks ON DELETE CASCADE,
  PRIMARY KEY (office_id, starts_at, seat),
  CHECK ((appointment_id IS NULL) <> (block_id IS NULL))
);
CREATE INDEX appointment_units_appointment ON appointment_units (appointment_id);

-- A checked-in appointment becomes a ticket with priority.
ALTER TABLE tickets ADD COLUMN appointment_id uuid UNIQUE REFERENCES appointments ON DELETE SET NULL;

-- Messages to send, written in the same transaction as the change they tell about.
CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient       text,
  subject         text,
  body            text,
  ics             text,
  appointment_id  uuid REFERENCES appointments ON DELETE SET NULL,
  state           text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
  due_at          timestamptz NOT NULL,
  locked_until    timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  provider_id     text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (due_at) WHERE state = 'pending';
CREATE INDEX outbox_appointment ON outbox (appointment_id);
CREATE INDEX outbox_sms_created ON outbox (created_at) WHERE channel = 'sms';

-- Proof-of-work solutions are good once.
CREATE TABLE altcha_used (
  signature  text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- Secrets the app generates once and every node shares (e.g. the proof-of-work HMAC key).
CREATE TABLE app_secrets (
  name  text PRIMARY KEY,
  value text NOT NULL
);
