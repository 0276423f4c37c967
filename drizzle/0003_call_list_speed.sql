-- The call list at a million records (bench/results/explain-calls.md): an index per filter, class
-- included so a subtotal can be an index-only scan, and the unit look-up of a search.
CREATE INDEX IF NOT EXISTS call_records_class_idx ON call_records (project_id, class, received_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS call_records_district_received_idx ON call_records (project_id, district_id, received_at) INCLUDE (class);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS call_records_status_idx ON call_records (project_id, status) INCLUDE (class);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS call_records_received_class_idx ON call_records (project_id, received_at) INCLUDE (class);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS call_records_unit_idx ON call_records (unit_id);
--> statement-breakpoint
-- Subtotals by class (CALL-10) over any range of whole days, district and status, from a per-day summary
-- kept exact by a trigger on every insert, update and delete of a record: a few thousand rows to add up
-- whatever the range, instead of counting a million.
CREATE TABLE IF NOT EXISTS call_day_counts (
  project_id uuid NOT NULL,
  day date NOT NULL,
  district_id uuid,
  class call_class NOT NULL,
  status call_status NOT NULL,
  n integer NOT NULL,
  CONSTRAINT call_day_counts_key UNIQUE NULLS NOT DISTINCT (project_id, day, district_id, class, status)
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_day_counts_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE call_day_counts SET n = n - 1
      WHERE project_id = OLD.project_id AND day = (OLD.received_at AT TIME ZONE 'Asia/Shanghai')::date
        AND district_id IS NOT DISTINCT FROM OLD.district_id AND class = OLD.class AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO call_day_counts (project_id, day, district_id, class, status, n)
      VALUES (NEW.project_id, (NEW.received_at AT TIME ZONE 'Asia/Shanghai')::date, NEW.district_id, NEW.class, NEW.status, 1)
      ON CONFLICT ON CONSTRAINT call_day_counts_key DO UPDATE SET n = call_day_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER call_day_counts_insert_delete AFTER INSERT OR DELETE ON call_records
  FOR EACH ROW EXECUTE FUNCTION call_day_counts_apply();
--> statement-breakpoint
CREATE TRIGGER call_day_counts_update AFTER UPDATE OF project_id, received_at, district_id, class, status ON call_records
  FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.class IS DISTINCT FROM NEW.class OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION call_day_counts_apply();
--> statement-breakpoint
INSERT INTO call_day_counts (project_id, day, district_id, class, status, n)
  SELECT project_id, (received_at AT TIME ZONE 'Asia/Shanghai')::date, district_id, class, status, count(*)::int
  FROM call_records GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT call_day_counts_key DO UPDATE SET n = EXCLUDED.n;
