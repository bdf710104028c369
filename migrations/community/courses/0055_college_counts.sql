-- The dashboards count what the reports count (issue 29): events held and their 人次, clubs
-- and their members, the teacher pool by kind. Flows on the day, like every figure: summed
-- over all time they are the stock.
ALTER TABLE clubs ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE club_members ADD COLUMN joined_at timestamptz NOT NULL DEFAULT now();

-- Events on their day while scheduled, in all and by kind (季季有交流 counts exchanges,
-- 年年有展演 performances); their 人次 (walk-ins and head counts) on the event's
-- day, moving with it.
CREATE FUNCTION events_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people bigint;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.kind = NEW.kind
       AND figure_day(OLD.starts_at) = figure_day(NEW.starts_at) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.status = 'scheduled' THEN
        PERFORM figure_event('courses.events', figure_day(OLD.starts_at), -1);
        PERFORM figure_event('courses.events_' || OLD.kind, figure_day(OLD.starts_at), -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'scheduled' THEN
        PERFORM figure_event('courses.events', figure_day(NEW.starts_at), 1);
        PERFORM figure_event('courses.events_' || NEW.kind, figure_day(NEW.starts_at), 1);
    END IF;
    IF TG_OP = 'UPDATE' AND figure_day(OLD.starts_at) <> figure_day(NEW.starts_at) THEN
        SELECT coalesce(sum(head_count), 0) INTO people FROM walk_ins WHERE event_id = NEW.id;
        PERFORM figure_event('courses.event_attendance', figure_day(OLD.starts_at), -people);
        PERFORM figure_event('courses.event_attendance', figure_day(NEW.starts_at), people);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_figures
    AFTER INSERT OR DELETE OR UPDATE OF status, starts_at, kind ON events
    FOR EACH ROW EXECUTE FUNCTION events_figures();

CREATE FUNCTION walk_ins_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.event_id IS NOT NULL THEN
        PERFORM figure_event('courses.event_attendance', figure_day(e.starts_at), NEW.head_count)
           FROM events e WHERE e.id = NEW.event_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER walk_ins_figure AFTER INSERT ON walk_ins
    FOR EACH ROW EXECUTE FUNCTION walk_ins_figure();

CREATE FUNCTION clubs_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('courses.clubs', figure_day(NEW.created_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER clubs_figure AFTER INSERT ON clubs
    FOR EACH ROW EXECUTE FUNCTION clubs_figure();

CREATE FUNCTION club_members_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figure_event('courses.club_members', figure_day(OLD.joined_at), -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figure_event('courses.club_members', figure_day(NEW.joined_at), 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER club_members_figure AFTER INSERT OR DELETE ON club_members
    FOR EACH ROW EXECUTE FUNCTION club_members_figure();

-- The teacher pool (师资库) by kind: active teachers, on the day each was entered (a candidate
-- confirmed later counts from the day it was found).
CREATE FUNCTION teachers_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'active' THEN
        PERFORM figure_event('courses.teachers_' || OLD.kind, figure_day(OLD.created_at), -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'active' THEN
        PERFORM figure_event('courses.teachers_' || NEW.kind, figure_day(NEW.created_at), 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER teachers_figure AFTER INSERT OR DELETE OR UPDATE OF status, kind ON teachers
    FOR EACH ROW EXECUTE FUNCTION teachers_figure();

-- What was there before these figures were kept, put on its days once.
SELECT figure_event('courses.events', figure_day(starts_at), count(*))
  FROM events WHERE status = 'scheduled' GROUP BY figure_day(starts_at);
SELECT figure_event('courses.events_' || kind, figure_day(starts_at), count(*))
  FROM events WHERE status = 'scheduled' GROUP BY kind, figure_day(starts_at);
SELECT figure_event('courses.event_attendance', figure_day(e.starts_at), sum(w.head_count))
  FROM walk_ins w JOIN events e ON e.id = w.event_id GROUP BY figure_day(e.starts_at);
SELECT figure_event('courses.clubs', figure_day(created_at), count(*))
  FROM clubs GROUP BY figure_day(created_at);
SELECT figure_event('courses.club_members', figure_day(joined_at), count(*))
  FROM club_members GROUP BY figure_day(joined_at);
SELECT figure_event('courses.teachers_' || kind, figure_day(created_at), count(*))
  FROM teachers WHERE status = 'active' GROUP BY kind, figure_day(created_at);
