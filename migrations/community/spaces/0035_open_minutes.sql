-- 场地利用率: the minutes the community's spaces were open each day, the denominator of the
-- district's space utilisation (minutes booked ÷ minutes open). A day is recorded once, by the
-- worker's round (spaces::usage::record_open_days), from the hours and closures as they stand
-- then; kept as a row so the dashboards' rebuild recounts what was recorded although the hours
-- change later.
CREATE TABLE space_open_days (
    day          date PRIMARY KEY,
    minutes      bigint NOT NULL CHECK (minutes >= 0),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

-- Minutes open on a day: every space's spans for its weekday, none on its closure days.
CREATE FUNCTION space_open_minutes(d date) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(extract(epoch FROM h.closes - h.opens) / 60), 0)::bigint
      FROM space_hours h
     WHERE h.weekday = extract(isodow FROM d)
       AND NOT EXISTS (SELECT 1 FROM space_closures c
                        WHERE c.space_id = h.space_id AND c.on_date = d)
$$;

CREATE FUNCTION space_open_days_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('spaces.minutes_open', NEW.day, NEW.minutes);
    RETURN NULL;
END $$;
CREATE TRIGGER space_open_days_figure AFTER INSERT ON space_open_days
    FOR EACH ROW EXECUTE FUNCTION space_open_days_figure();
