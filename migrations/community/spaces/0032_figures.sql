-- Dashboard figures of spaces, kept by triggers (see dashboards/0030): minutes of approved
-- bookings on the day booked for (what the space was used for, with no-shows taken out when
-- they are released) and farm plots claimed on the day claimed.
CREATE FUNCTION bookings_minutes_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN
        PERFORM figure_event('spaces.minutes_booked', figure_day(OLD.starts_at),
                             -(extract(epoch FROM OLD.ends_at - OLD.starts_at) / 60)::bigint);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
        PERFORM figure_event('spaces.minutes_booked', figure_day(NEW.starts_at),
                             (extract(epoch FROM NEW.ends_at - NEW.starts_at) / 60)::bigint);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER bookings_minutes_figure
    AFTER INSERT OR DELETE OR UPDATE OF status, starts_at, ends_at ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_minutes_figure();

CREATE FUNCTION plot_claims_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('spaces.plots_claimed', figure_day(NEW.claimed_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER plot_claims_figure AFTER INSERT ON plot_claims
    FOR EACH ROW EXECUTE FUNCTION plot_claims_figure();
