-- Per-office wording of appointment messages; a missing row or field uses the default text
-- (src/server/modules/notifications/message-texts.ts). Placeholders as there: {{office}} …
CREATE TABLE message_templates (
  office_id     bigint NOT NULL REFERENCES offices ON DELETE CASCADE,
  lang          text NOT NULL CHECK (lang IN ('de', 'en')),
  kind          text NOT NULL CHECK (kind IN ('booking_confirmed', 'booking_reminder',
                                             'booking_cancelled', 'booking_rescheduled')),
  sms           text CHECK (length(sms) <= 1000),
  email_subject text CHECK (length(email_subject) <= 200),
  email_body    text CHECK (length(email_body) <= 10000),
  PRIMARY KEY (office_id, lang, kind)
);
