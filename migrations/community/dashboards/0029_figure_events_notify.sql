-- Wake the dashboards worker at commit when figures moved (NOTIFY is transactional and
-- coalesced per transaction), so district figures are fresh within seconds, not a sweep.
CREATE FUNCTION figure_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('linli_figures', current_schema());
    RETURN NULL;
END $$;
CREATE TRIGGER figure_events_notify AFTER INSERT ON figure_events
    FOR EACH STATEMENT EXECUTE FUNCTION figure_events_notify();
