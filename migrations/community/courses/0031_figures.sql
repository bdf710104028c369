-- Dashboard figures of the community college, kept by triggers (see dashboards/0030):
-- sessions and public-benefit sessions on the day they are (while scheduled), courses on the
-- day created, enrolments (报名人次) on the day made, attendance marked and present on the
-- session's day, exhibitions on their first day, nominations on the day made.
CREATE FUNCTION course_sessions_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    public boolean;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.course_id = NEW.course_id
       AND figure_day(OLD.starts_at) = figure_day(NEW.starts_at) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.status = 'scheduled' THEN
        SELECT public_benefit INTO public FROM courses WHERE id = OLD.course_id;
        PERFORM figure_event('courses.sessions', figure_day(OLD.starts_at), -1);
        IF public THEN
            PERFORM figure_event('courses.public_sessions', figure_day(OLD.starts_at), -1);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'scheduled' THEN
        SELECT public_benefit INTO public FROM courses WHERE id = NEW.course_id;
        PERFORM figure_event('courses.sessions', figure_day(NEW.starts_at), 1);
        IF public THEN
            PERFORM figure_event('courses.public_sessions', figure_day(NEW.starts_at), 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER course_sessions_figures
    AFTER INSERT OR DELETE OR UPDATE OF status, starts_at, course_id ON course_sessions
    FOR EACH ROW EXECUTE FUNCTION course_sessions_figures();

CREATE FUNCTION courses_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM figure_event('courses.courses', figure_day(NEW.created_at), 1);
    ELSIF NEW.public_benefit IS DISTINCT FROM OLD.public_benefit THEN
        -- the course's scheduled sessions change family with it
        PERFORM figure_event('courses.public_sessions', d,
                             CASE WHEN NEW.public_benefit THEN n ELSE -n END)
           FROM (SELECT figure_day(starts_at) AS d, count(*) AS n FROM course_sessions
                  WHERE course_id = NEW.id AND status = 'scheduled' GROUP BY 1) AS s;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER courses_figures AFTER INSERT OR UPDATE OF public_benefit ON courses
    FOR EACH ROW EXECUTE FUNCTION courses_figures();

CREATE FUNCTION enrolments_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('courses.enrolments', figure_day(NEW.created_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER enrolments_figures AFTER INSERT ON enrolments
    FOR EACH ROW EXECUTE FUNCTION enrolments_figures();

CREATE FUNCTION attendance_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d date;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.present = NEW.present AND OLD.session_id = NEW.session_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT figure_day(starts_at) INTO d FROM course_sessions WHERE id = OLD.session_id;
        PERFORM figure_event('courses.attendance_marked', d, -1);
        PERFORM figure_event('courses.attendance_present', d, CASE WHEN OLD.present THEN -1 ELSE 0 END);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT figure_day(starts_at) INTO d FROM course_sessions WHERE id = NEW.session_id;
        PERFORM figure_event('courses.attendance_marked', d, 1);
        PERFORM figure_event('courses.attendance_present', d, CASE WHEN NEW.present THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE OF present, session_id ON attendance
    FOR EACH ROW EXECUTE FUNCTION attendance_figures();

CREATE FUNCTION exhibitions_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM figure_event('courses.exhibitions', OLD.starts_on, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM figure_event('courses.exhibitions', NEW.starts_on, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER exhibitions_figures AFTER INSERT OR DELETE OR UPDATE OF starts_on ON exhibitions
    FOR EACH ROW EXECUTE FUNCTION exhibitions_figures();

CREATE FUNCTION nominations_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('courses.nominations', figure_day(NEW.created_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER nominations_figures AFTER INSERT ON nominations
    FOR EACH ROW EXECUTE FUNCTION nominations_figures();
