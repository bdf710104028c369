-- People served (服务人群, issue 29: 东环路's time bank served 3,000余人): how many people a post's
-- volunteers served on a day, as staff count them — one count per post and day, corrected in
-- place — and the figure `volunteers.people_served` on that day.
CREATE TABLE volunteer_people_served (
    post_id      uuid NOT NULL REFERENCES volunteer_posts (id),
    served_on    date NOT NULL,
    people       integer NOT NULL CHECK (people BETWEEN 0 AND 100000),
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, served_on)
);

CREATE FUNCTION volunteer_people_served_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figure_event('volunteers.people_served', OLD.served_on, -OLD.people);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figure_event('volunteers.people_served', NEW.served_on, NEW.people);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteer_people_served_figure
    AFTER INSERT OR DELETE OR UPDATE OF people, served_on ON volunteer_people_served
    FOR EACH ROW EXECUTE FUNCTION volunteer_people_served_figure();
