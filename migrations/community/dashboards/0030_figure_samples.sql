-- Distributions: a median needs the values, not their sum. An event with a `sample` counts
-- `delta` occurrences of that value (a demand resolved in 5 hours: sample 5, delta 1).
ALTER TABLE figure_events ADD COLUMN sample bigint;

-- Ids ordered by time like the services' UUIDv7 (the first 48 bits are the milliseconds), so
-- the lag from a write to its rollup can be read off the id.
CREATE FUNCTION figure_event_id() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
            || '7' || substr(md5(random()::text), 1, 3)
            || '8' || substr(md5(random()::text), 1, 15))::uuid
$$;

-- The community's day of an instant (China time, as `infra::local_time`).
CREATE FUNCTION figure_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;

-- Append an event, nothing for a zero delta. The domains' triggers call it, so a figure kept
-- by a row's state changes in the statement that changes the row, whatever the code path.
CREATE FUNCTION figure_event(f text, d date, delta bigint, sample bigint DEFAULT NULL)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO figure_events (id, figure, day, delta, sample)
    SELECT figure_event_id(), f, d, delta, sample WHERE delta <> 0
$$;
