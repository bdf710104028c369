-- Dashboard figures of the time bank, kept by triggers (see dashboards/0030): volunteers
-- registered on the day registered, and volunteers serving — each volunteer once per month
-- with verified hours served in it, on the month's first day. The months served are kept
-- here so the "once" holds under concurrent verifications (the primary key decides).
CREATE TABLE volunteer_service_months (
    volunteer_id  uuid NOT NULL REFERENCES volunteers (id),
    month         date NOT NULL CHECK (extract(day FROM month) = 1),
    PRIMARY KEY (volunteer_id, month)
);

CREATE FUNCTION volunteers_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('volunteers.registered', figure_day(NEW.created_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER volunteers_figure AFTER INSERT ON volunteers
    FOR EACH ROW EXECUTE FUNCTION volunteers_figure();

CREATE FUNCTION volunteer_hours_serving_figure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', NEW.served_on)::date;
BEGIN
    IF NEW.status = 'verified' AND (TG_OP = 'INSERT' OR OLD.status <> 'verified') THEN
        INSERT INTO volunteer_service_months (volunteer_id, month) VALUES (NEW.volunteer_id, m)
            ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM figure_event('volunteers.serving', m, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteer_hours_serving_figure AFTER INSERT OR UPDATE OF status ON volunteer_hours
    FOR EACH ROW EXECUTE FUNCTION volunteer_hours_serving_figure();
