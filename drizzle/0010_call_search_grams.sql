-- Chinese search on the call list and ledger (ADR 0019): the characters and character pairs of a record's
-- number, 事由 and caller, the 4-character runs of letters and digits (record numbers), and the caller's
-- last four digits, in one GIN index over an expression — no extension, no extra column, kept by the
-- database on every insert and update (existing rows are indexed when the index is built). Queries ask for
-- the grams of the search string (`@>`) and keep their LIKE conditions as the exact check.
CREATE OR REPLACE FUNCTION call_search_grams(num text, content text, caller text, phone text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(s.t, i, 1) AS g FROM (SELECT concat_ws(E'\n', num, content, caller) AS t) s, generate_series(1, length(s.t)) AS i
    UNION ALL
    SELECT substr(s.t, i, 2) FROM (SELECT concat_ws(E'\n', num, content, caller) AS t) s, generate_series(1, length(s.t) - 1) AS i
    UNION ALL
    SELECT q FROM (SELECT substr(s.t, i, 4) AS q FROM (SELECT concat_ws(E'\n', num, content, caller) AS t) s, generate_series(1, length(s.t) - 3) AS i) f
      WHERE q ~ '^[0-9A-Za-z-]{4}$'
    UNION ALL
    SELECT E'\u260E' || right(phone, 4) WHERE length(phone) >= 4
  ) grams
$$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS call_records_search_grams_idx ON call_records USING gin (call_search_grams(number, content, caller_name, caller_phone));
