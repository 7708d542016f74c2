-- The video consultation: signaling messages (SDP can exceed NOTIFY's 8,000 bytes, so the
-- notification carries only the row id), shared documents, and anonymous ratings.

CREATE TABLE signals (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id uuid NOT NULL REFERENCES consultations ON DELETE CASCADE,
  sender          text NOT NULL CHECK (sender IN ('citizen', 'staff')),
  payload         text NOT NULL CHECK (length(payload) <= 65536),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signals_created ON signals (created_at);

-- Files live outside the web root under a random name; only metadata is here.
CREATE TABLE documents (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations ON DELETE CASCADE,
  uploader        text NOT NULL CHECK (uploader IN ('citizen', 'staff')),
  filename        text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type      text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes      integer NOT NULL CHECK (size_bytes > 0),
  sha256          text NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX documents_consultation ON documents (consultation_id);
CREATE INDEX documents_created ON documents (created_at);

-- Anonymous: no link to a ticket or a person, only the office and the day.
CREATE TABLE ratings (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id  bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  stars      smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment    text CHECK (length(comment) <= 1000),
  day        date NOT NULL
);

-- One rating per consultation, without storing which consultation it was.
ALTER TABLE consultations ADD COLUMN rated boolean NOT NULL DEFAULT false;
