-- 志愿者星级: a volunteer's star level follows their verified hours, against thresholds the
-- community sets (by default 100 / 300 / 600 / 1,000 / 1,500 hours, as commonly used). The
-- verified minutes and the level are kept on the volunteer by the hours' trigger, each change
-- of level is kept with its day (the dashboards' figures of star volunteers by level are
-- recounted from those changes), and a change of thresholds recomputes every level.
CREATE TABLE volunteer_star_thresholds (
    level  smallint PRIMARY KEY CHECK (level BETWEEN 1 AND 5),
    hours  integer NOT NULL CHECK (hours BETWEEN 1 AND 100000)
);
INSERT INTO volunteer_star_thresholds (level, hours)
VALUES (1, 100), (2, 300), (3, 600), (4, 1000), (5, 1500);

-- The level `minutes` of verified service reaches under the thresholds.
CREATE FUNCTION star_level_of(minutes bigint) RETURNS smallint LANGUAGE sql STABLE AS $$
    SELECT coalesce(max(level), 0)::smallint FROM volunteer_star_thresholds WHERE minutes >= hours * 60
$$;

ALTER TABLE volunteers
    ADD COLUMN verified_minutes bigint NOT NULL DEFAULT 0 CHECK (verified_minutes >= 0),
    ADD COLUMN star_level smallint NOT NULL DEFAULT 0 CHECK (star_level BETWEEN 0 AND 5);

CREATE TABLE volunteer_star_changes (
    volunteer_id  uuid NOT NULL REFERENCES volunteers (id),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    from_level    smallint NOT NULL,
    to_level      smallint NOT NULL CHECK (to_level <> from_level)
);
CREATE INDEX volunteer_star_changes_volunteer ON volunteer_star_changes (volunteer_id);

-- The figure of a level: volunteers.stars_one … volunteers.stars_five.
CREATE FUNCTION star_figure(level smallint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'volunteers.stars_' || (ARRAY['one', 'two', 'three', 'four', 'five'])[level]
$$;

-- A change of level is recorded, and moves the figures: one out of the old level, one into the
-- new (level 0 is no star and no figure).
CREATE FUNCTION volunteers_star_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.star_level <> OLD.star_level THEN
        INSERT INTO volunteer_star_changes (volunteer_id, from_level, to_level)
        VALUES (NEW.id, OLD.star_level, NEW.star_level);
        IF OLD.star_level > 0 THEN
            PERFORM figure_event(star_figure(OLD.star_level), figure_day(now()), -1);
        END IF;
        IF NEW.star_level > 0 THEN
            PERFORM figure_event(star_figure(NEW.star_level), figure_day(now()), 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteers_star_change AFTER UPDATE OF star_level ON volunteers
    FOR EACH ROW EXECUTE FUNCTION volunteers_star_change();

-- Verified hours add to the volunteer's minutes and may raise their level, in the same
-- transaction as the verification.
CREATE FUNCTION volunteer_hours_stars() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'verified' AND (TG_OP = 'INSERT' OR OLD.status <> 'verified') THEN
        UPDATE volunteers
           SET verified_minutes = verified_minutes + NEW.minutes,
               star_level = star_level_of(verified_minutes + NEW.minutes)
         WHERE id = NEW.volunteer_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER volunteer_hours_stars AFTER INSERT OR UPDATE OF status ON volunteer_hours
    FOR EACH ROW EXECUTE FUNCTION volunteer_hours_stars();

-- Hours verified before this migration count too (their levels changed today).
UPDATE volunteers v
   SET verified_minutes = h.minutes, star_level = star_level_of(h.minutes)
  FROM (SELECT volunteer_id, sum(minutes) AS minutes FROM volunteer_hours
         WHERE status = 'verified' GROUP BY volunteer_id) h
 WHERE h.volunteer_id = v.id;
