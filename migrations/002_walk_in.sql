-- Walk-in: tickets with a per-office-per-day number, consultations with chat, staff sessions.

ALTER TABLE staff
  ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_until  timestamptz;

-- A session is a random token in an httpOnly cookie; only its SHA-256 is stored.
CREATE TABLE staff_sessions (
  token_hash  bytea PRIMARY KEY,
  staff_id    bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Ticket numbers: one counter row per office and local day, incremented with UPDATE … RETURNING.
CREATE TABLE ticket_counters (
  office_id   bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  day         date NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (office_id, day)
);

CREATE TABLE tickets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  office_id    bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  day          date NOT NULL,
  number       integer NOT NULL CHECK (number > 0),
  code         text NOT NULL,
  secret_hash  bytea NOT NULL,
  name         text CHECK (length(name) <= 80),
  state        text NOT NULL DEFAULT 'waiting'
               CHECK (state IN ('waiting', 'called', 'serving', 'done', 'left', 'absent')),
  priority     integer NOT NULL DEFAULT 0,
  enqueued_at  timestamptz NOT NULL,
  called_at    timestamptz,
  call_count   integer NOT NULL DEFAULT 0,
  joined_at    timestamptz,
  ended_at     timestamptz,
  last_seen_at timestamptz NOT NULL,
  left_reason  text CHECK (left_reason IN ('citizen', 'timeout')),
  UNIQUE (office_id, day, number)
);
-- Call-next reads the head of one office's waiting line.
CREATE INDEX tickets_waiting ON tickets (office_id, priority DESC, enqueued_at)
  WHERE state = 'waiting';
CREATE INDEX tickets_active ON tickets (office_id) WHERE state IN ('waiting', 'called', 'serving', 'absent');

CREATE TABLE consultations (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id           uuid NOT NULL REFERENCES tickets ON DELETE CASCADE,
  office_id           bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  staff_id            bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
  started_at          timestamptz NOT NULL,
  joined_at           timestamptz,
  ended_at            timestamptz,
  outcome             text CHECK (outcome IN ('done', 'absent')),
  citizen_received_up_to bigint NOT NULL DEFAULT 0,
  staff_received_up_to   bigint NOT NULL DEFAULT 0
);
-- One open consultation per staff member, and per ticket: held by the database.
CREATE UNIQUE INDEX consultations_one_open_per_staff ON consultations (staff_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX consultations_one_open_per_ticket ON consultations (ticket_id) WHERE ended_at IS NULL;
CREATE INDEX consultations_office_ended ON consultations (office_id, ended_at);

CREATE TABLE chat_messages (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultations ON DELETE CASCADE,
  sender          text NOT NULL CHECK (sender IN ('citizen', 'staff')),
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  sent_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_messages_consultation ON chat_messages (consultation_id, id);
