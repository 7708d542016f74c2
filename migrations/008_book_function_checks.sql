-- The booking function makes the booking's checks itself (they were a read of their own before
-- it, one more round trip per booking): the proof of work unused, a free seat in every unit, the
-- number's bookings of the last day under the limit. Each refusal writes nothing and raises
-- nothing; `outcome` says which. `taken` is each unit's count of taken seats as the statement
-- saw them (in the order of p_units), so the caller knows which times it has just filled.
DROP FUNCTION book_appointment(bigint, timestamptz[], integer[], integer, text, timestamptz,
  uuid, bigint, timestamptz, timestamptz, text, bytea, text, text, text, text, bigint,
  timestamptz, text[], text[], text[], text[], text[], text[], timestamptz[]);

CREATE FUNCTION book_appointment(
  p_office bigint, p_units timestamptz[], p_seats integer[], p_seat_from integer,
  p_signature text, p_expires_at timestamptz, p_phone_since timestamptz, p_phone_limit integer,
  p_id uuid, p_service bigint, p_starts_at timestamptz, p_ends_at timestamptz, p_code text,
  p_token_hash bytea, p_name text, p_phone text, p_email text, p_lang text, p_booked_by bigint,
  p_now timestamptz,
  p_keys text[], p_channels text[], p_recipients text[], p_subjects text[], p_bodies text[],
  p_ics text[], p_due timestamptz[])
RETURNS TABLE (booked_id uuid, outcome text, taken bigint[])
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  RETURN QUERY
  WITH wanted AS (
    SELECT * FROM unnest(p_units, p_seats) WITH ORDINALITY AS w(t, n, i)),
  counts AS (
    SELECT w.t, w.n, w.i, (SELECT count(*) FROM appointment_units x
      WHERE x.office_id = p_office AND x.starts_at = w.t) AS k
    FROM wanted w),
  checks AS (
    SELECT
      (p_signature IS NULL OR NOT EXISTS (
        SELECT 1 FROM altcha_used u WHERE u.signature = p_signature)) AS fresh,
      NOT EXISTS (SELECT 1 FROM counts c WHERE c.k >= c.n) AS room,
      (p_phone_limit IS NULL OR (SELECT count(*) FROM appointments a
        WHERE a.phone = p_phone AND a.created_at >= p_phone_since) < p_phone_limit) AS within),
  used AS (
    INSERT INTO altcha_used (signature, expires_at)
    SELECT p_signature, p_expires_at
    WHERE p_signature IS NOT NULL AND (SELECT c.fresh AND c.room AND c.within FROM checks c)
    ON CONFLICT DO NOTHING
    RETURNING 1),
  go AS (
    SELECT c.fresh AND c.room AND c.within
      AND (p_signature IS NULL OR EXISTS (SELECT 1 FROM used)) AS ok
    FROM checks c),
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
  SELECT (SELECT a.id FROM appointment a),
    CASE
      WHEN EXISTS (SELECT 1 FROM appointment) THEN 'booked'
      WHEN NOT c.fresh THEN 'used'
      WHEN NOT c.room THEN 'full'
      WHEN NOT c.within THEN 'limit'
      WHEN p_signature IS NOT NULL AND NOT EXISTS (SELECT 1 FROM used) THEN 'used'
      ELSE 'taken'
    END,
    (SELECT array_agg(n.k ORDER BY n.i) FROM counts n)
  FROM checks c;
END
$$;
