-- The booking statement of book-statement.ts as a function, so that its plan is made once per
-- connection. As a prepared statement PostgreSQL planned it anew for every booking: its generic
-- plan (arrays of unknown length) was estimated costlier than a custom one, so the custom plan
-- always won, at 0.3–0.5 ms of planning per booking (measured: the database's CPU per booking
-- 0.85 → 0.51 ms with the generic plan). The setting holds only while the function runs.
-- The seat of each unit is looked up by the primary key (office, unit start, seat), not by a
-- hash of every seat row of the office, which grew with the office's history.
CREATE FUNCTION book_appointment(
  p_office bigint, p_units timestamptz[], p_seats integer[], p_seat_from integer,
  p_signature text, p_expires_at timestamptz,
  p_id uuid, p_service bigint, p_starts_at timestamptz, p_ends_at timestamptz, p_code text,
  p_token_hash bytea, p_name text, p_phone text, p_email text, p_lang text, p_booked_by bigint,
  p_now timestamptz,
  p_keys text[], p_channels text[], p_recipients text[], p_subjects text[], p_bodies text[],
  p_ics text[], p_due timestamptz[])
RETURNS TABLE (booked_id uuid, has_room boolean, is_fresh boolean)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  RETURN QUERY
  WITH wanted AS (
    SELECT * FROM unnest(p_units, p_seats) AS w(t, n)),
  room AS (
    SELECT NOT EXISTS (SELECT 1 FROM wanted w
      WHERE (SELECT count(*) FROM appointment_units x
        WHERE x.office_id = p_office AND x.starts_at = w.t) >= w.n) AS ok),
  used AS (
    INSERT INTO altcha_used (signature, expires_at)
    SELECT p_signature, p_expires_at
    WHERE p_signature IS NOT NULL AND (SELECT ok FROM room)
    ON CONFLICT DO NOTHING
    RETURNING 1),
  go AS (
    SELECT (SELECT ok FROM room) AND (p_signature IS NULL OR EXISTS (SELECT 1 FROM used)) AS ok),
  seats AS (
    INSERT INTO appointment_units (office_id, starts_at, seat, appointment_id)
    SELECT p_office, w.t, f.s, p_id
    FROM wanted w CROSS JOIN LATERAL (
      SELECT s FROM generate_series(0, w.n - 1) AS s
      WHERE NOT EXISTS (SELECT 1 FROM appointment_units x
        WHERE x.office_id = p_office AND x.starts_at = w.t AND x.seat = s)
      ORDER BY (s + w.n - p_seat_from % w.n) % w.n
      LIMIT 1) AS f
    WHERE (SELECT ok FROM go)
    ON CONFLICT DO NOTHING
    RETURNING appointment_units.starts_at),
  appointment AS (
    INSERT INTO appointments (id, office_id, service_id, starts_at, ends_at, code, token_hash,
      name, phone, email, lang, booked_by, created_at)
    SELECT p_id, p_office, p_service, p_starts_at, p_ends_at, p_code, p_token_hash, p_name,
      p_phone, p_email, p_lang, p_booked_by, p_now
    WHERE (SELECT count(*) FROM seats) = cardinality(p_units)
    RETURNING appointments.id),
  messages AS (
    INSERT INTO outbox (idempotency_key, channel, recipient, subject, body, ics,
      appointment_id, due_at, created_at)
    SELECT o.k, o.c, o.r, o.s, o.b, o.i, p_id, o.d, p_now
    FROM unnest(p_keys, p_channels, p_recipients, p_subjects, p_bodies, p_ics, p_due)
      AS o(k, c, r, s, b, i, d)
    WHERE EXISTS (SELECT 1 FROM appointment)
    ON CONFLICT (idempotency_key) DO NOTHING)
  SELECT (SELECT a.id FROM appointment a), (SELECT r.ok FROM room r), (SELECT g.ok FROM go g);
END
$$;
