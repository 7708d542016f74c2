-- When a staff member's console was last connected (any node). Duty whose console has been gone
-- for minutes ends by itself, so the directory never says "open and free" with nobody there.
ALTER TABLE duty ADD COLUMN seen_at timestamptz NOT NULL DEFAULT now();
