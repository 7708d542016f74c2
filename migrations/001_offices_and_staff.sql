-- Offices with weekly opening hours, date exceptions and a holiday region; staff and duty.
-- All times are wall-clock times in the office's time zone.

CREATE TABLE offices (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ticket_prefix   text NOT NULL UNIQUE CHECK (ticket_prefix ~ '^[A-Z]{1,3}$'),
  name_de         text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
  name_en         text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  description_de  text NOT NULL DEFAULT '',
  description_en  text NOT NULL DEFAULT '',
  time_zone       text NOT NULL DEFAULT 'Europe/Berlin',
  holiday_country text DEFAULT 'DE',
  holiday_state   text,
  holiday_region  text,
  position        integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Several intervals per weekday (a lunch break is two rows). weekday: 1 = Monday … 7 = Sunday.
CREATE TABLE opening_hours (
  office_id bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  weekday   smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens     time NOT NULL,
  closes    time NOT NULL,
  PRIMARY KEY (office_id, weekday, opens),
  CHECK (closes > opens)
);

-- A range of local dates with other hours: rows without times close the office, rows with
-- times replace the weekly hours (several rows for several intervals). Wins over holidays.
CREATE TABLE opening_exceptions (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  first_day date NOT NULL,
  last_day  date NOT NULL,
  opens     time,
  closes    time,
  note_de   text,
  note_en   text,
  CHECK (last_day >= first_day),
  CHECK ((opens IS NULL) = (closes IS NULL)),
  CHECK (closes > opens)
);
CREATE INDEX opening_exceptions_office_last_day ON opening_exceptions (office_id, last_day);

CREATE TABLE staff (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('staff', 'admin')),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Which offices a staff member may serve.
CREATE TABLE staff_offices (
  staff_id  bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
  office_id bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  PRIMARY KEY (staff_id, office_id)
);
CREATE INDEX staff_offices_office ON staff_offices (office_id);

-- Who is on duty where right now. No row = off duty. Only assigned offices can be served.
CREATE TABLE duty (
  staff_id  bigint NOT NULL,
  office_id bigint NOT NULL,
  state     text NOT NULL CHECK (state IN ('available', 'paused')),
  since     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (staff_id, office_id),
  FOREIGN KEY (staff_id, office_id) REFERENCES staff_offices ON DELETE CASCADE
);
CREATE INDEX duty_office ON duty (office_id);
