-- 0陌生 made measurable (issue 29): a registry record names its household (户, the door it
-- lives behind: "3栋2单元501"), so 入户摸底 coverage is the households in the registry against
-- the households of each courtyard and of the community.
ALTER TABLE learners ADD COLUMN household text CHECK (length(household) BETWEEN 1 AND 50);
CREATE INDEX learners_household ON learners (courtyard_id, household) WHERE household IS NOT NULL;

-- The figure `courses.households_visited` counts each household once, on the day its first
-- record was made (so summed to a date it is the households visited by then). A statement that
-- adds, moves or removes records shifts the first day of every household it touches: its
-- first day before the statement (the rows it did not touch, and the old rows) is taken back,
-- its first day after is added. Statement triggers with transition tables see the whole
-- statement at once (row triggers of a multi-row insert would each see the others' rows).
CREATE FUNCTION households_visited_shift(old_rows jsonb, new_rows jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- PERFORM runs the whole query (a SQL function would stop at its first row).
    PERFORM figure_event('courses.households_visited', x.day, x.delta) FROM (
    WITH o AS (SELECT * FROM jsonb_to_recordset(old_rows)
                        AS t (id uuid, courtyard_id uuid, household text, created_at timestamptz)),
         n AS (SELECT * FROM jsonb_to_recordset(new_rows)
                        AS t (id uuid, courtyard_id uuid, household text, created_at timestamptz)),
         k AS (SELECT courtyard_id, household FROM o WHERE household IS NOT NULL
               UNION
               SELECT courtyard_id, household FROM n WHERE household IS NOT NULL),
         firsts AS (
            SELECT (SELECT min(l.created_at) FROM learners l
                     WHERE l.household = k.household
                       AND l.courtyard_id IS NOT DISTINCT FROM k.courtyard_id) AS after,
                   least((SELECT min(l.created_at) FROM learners l
                           WHERE l.household = k.household
                             AND l.courtyard_id IS NOT DISTINCT FROM k.courtyard_id
                             AND l.id NOT IN (SELECT id FROM n)),
                         (SELECT min(o.created_at) FROM o
                           WHERE o.household = k.household
                             AND o.courtyard_id IS NOT DISTINCT FROM k.courtyard_id)) AS before
              FROM k),
         shifts AS (
            SELECT figure_day(before) AS day, -1 AS delta FROM firsts WHERE before IS NOT NULL
            UNION ALL
            SELECT figure_day(after), 1 FROM firsts WHERE after IS NOT NULL)
    SELECT day, sum(delta)::bigint AS delta FROM shifts GROUP BY day HAVING sum(delta) <> 0
    ) AS x;
END $$;

CREATE FUNCTION learners_households_figure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    empty constant jsonb := '[]';
BEGIN
    -- plpgsql plans a statement when it first runs it: each branch names only the
    -- transition tables its trigger has.
    IF TG_OP = 'INSERT' THEN
        PERFORM households_visited_shift(empty, (
            SELECT jsonb_agg(jsonb_build_object('id', id, 'courtyard_id', courtyard_id,
                   'household', household, 'created_at', created_at))
              FROM new_rows WHERE household IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM households_visited_shift((
            SELECT jsonb_agg(jsonb_build_object('id', id, 'courtyard_id', courtyard_id,
                   'household', household, 'created_at', created_at))
              FROM old_rows WHERE household IS NOT NULL), empty);
    ELSE
        -- Only the rows whose household or courtyard changed.
        PERFORM households_visited_shift(
            (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'courtyard_id', o.courtyard_id,
                    'household', o.household, 'created_at', o.created_at))
               FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.household, o.courtyard_id) IS DISTINCT FROM (n.household, n.courtyard_id)),
            (SELECT jsonb_agg(jsonb_build_object('id', n.id, 'courtyard_id', n.courtyard_id,
                    'household', n.household, 'created_at', n.created_at))
               FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.household, o.courtyard_id) IS DISTINCT FROM (n.household, n.courtyard_id)));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER learners_households_inserted AFTER INSERT ON learners
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION learners_households_figure();
CREATE TRIGGER learners_households_updated AFTER UPDATE ON learners
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION learners_households_figure();
CREATE TRIGGER learners_households_deleted AFTER DELETE ON learners
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION learners_households_figure();
