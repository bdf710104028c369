-- A community-month falling back under the line (a session cancelled, a community withdrawn
-- by a move or a restore --replace) must lower the districts' count. 0011 did it with
-- INSERT … ON CONFLICT DO UPDATE, but PostgreSQL checks the row to be *inserted* (met = -1)
-- against `met >= 0` before it looks for the conflict: every decrement failed, so a fold with
-- such a month stopped and `communities restore --replace` could not withdraw the community.
-- A decrement is now an UPDATE of the row the increment made; an increment stays an upsert.
CREATE OR REPLACE FUNCTION platform.cadence_follows_month() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    crossed integer := (NEW.value >= 2)::integer
                       - CASE WHEN TG_OP = 'UPDATE' THEN (OLD.value >= 2)::integer ELSE 0 END;
BEGIN
    IF crossed > 0 THEN
        INSERT INTO platform.cadence_district_monthly (district_id, month, met)
        SELECT a.id, NEW.month, crossed
          FROM platform.communities c
          JOIN platform.districts d ON d.id = c.district_id,
               unnest(d.path) AS a (id)
         WHERE c.id = NEW.community_id
         ORDER BY a.id
        ON CONFLICT (district_id, month)
        DO UPDATE SET met = platform.cadence_district_monthly.met + EXCLUDED.met;
    ELSIF crossed < 0 THEN
        -- In the districts' order, as the increment takes its row locks.
        UPDATE platform.cadence_district_monthly m
           SET met = m.met + crossed
          FROM (SELECT a.id
                  FROM platform.communities c
                  JOIN platform.districts d ON d.id = c.district_id,
                       unnest(d.path) AS a (id)
                 WHERE c.id = NEW.community_id
                 ORDER BY a.id) AS up
         WHERE m.district_id = up.id AND m.month = NEW.month;
    END IF;
    RETURN NULL;
END $$;
