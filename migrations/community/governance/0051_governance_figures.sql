-- Two more figures of co-governance for the district.
-- 1. The verified service minutes of party members reported in (双报到): on the day verified,
--    while their report was open. Governance watches the time bank's verifications here; it
--    reads the hours and writes only a figure.
CREATE FUNCTION volunteer_hours_party_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'verified' AND (TG_OP = 'INSERT' OR OLD.status <> 'verified')
       AND EXISTS (SELECT 1 FROM volunteers v JOIN party_reports r ON r.account_id = v.account_id
                    WHERE v.id = NEW.volunteer_id AND r.reported_at <= NEW.decided_at
                      AND (r.ended_at IS NULL OR NEW.decided_at < r.ended_at)) THEN
        PERFORM figure_event('governance.party_minutes', figure_day(NEW.decided_at), NEW.minutes);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteer_hours_party_figure AFTER INSERT OR UPDATE OF status ON volunteer_hours
    FOR EACH ROW EXECUTE FUNCTION volunteer_hours_party_figure();

-- 2. The periods in which a kind of meeting met its cadence target, on the period's first
--    day, once: kept here as they are met (a target set later does not reach back).
CREATE TABLE meeting_cadence_met (
    kind       text NOT NULL,
    starts_on  date NOT NULL,
    PRIMARY KEY (kind, starts_on)
);
CREATE FUNCTION meetings_cadence_figure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    t meeting_cadence_targets;
    s date;
    n integer;
BEGIN
    SELECT * INTO t FROM meeting_cadence_targets WHERE kind = NEW.kind;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    -- Meetings of one kind count one at a time, so two at once cannot both miss the other.
    PERFORM pg_advisory_xact_lock(hashtext(current_schema() || ':cadence:' || NEW.kind));
    s := date_trunc(t.per, figure_day(NEW.held_at))::date;
    SELECT count(*) INTO n FROM meetings
     WHERE kind = NEW.kind AND figure_day(held_at) >= s
       AND figure_day(held_at) < (s + ('1 ' || t.per)::interval)::date;
    IF n >= t.at_least THEN
        INSERT INTO meeting_cadence_met (kind, starts_on) VALUES (NEW.kind, s) ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM figure_event('governance.cadence_periods_met', s, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER meetings_cadence_figure AFTER INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_cadence_figure();
