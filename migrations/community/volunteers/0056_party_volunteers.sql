-- Volunteers who are party members (党员志愿者, issue 29: 东环路's 230 of 600), on the day
-- registered, as a dashboard figure.
CREATE FUNCTION volunteers_party_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.party_member THEN
        PERFORM figure_event('volunteers.party_members', figure_day(OLD.created_at), -1);
    END IF;
    IF NEW.party_member THEN
        PERFORM figure_event('volunteers.party_members', figure_day(NEW.created_at), 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteers_party_figure AFTER INSERT OR UPDATE OF party_member ON volunteers
    FOR EACH ROW EXECUTE FUNCTION volunteers_party_figure();

-- The party members registered before, on their days once.
SELECT figure_event('volunteers.party_members', figure_day(created_at), count(*))
  FROM volunteers WHERE party_member GROUP BY figure_day(created_at);
