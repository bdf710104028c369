-- Indexes no query uses (issue 35; `pg_stat_user_indexes` summed over every community schema
-- of a whole test-suite run: never scanned, and no statement filters or joins on their
-- columns): events are read by date and by id, never by series; teachers by id and name,
-- never by partner team. Two relations fewer per community.
DROP INDEX events_series;
DROP INDEX teachers_team;
