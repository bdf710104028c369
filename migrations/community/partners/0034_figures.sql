-- Dashboard figures of partners, kept by triggers (see dashboards/0030): micro-venture
-- projects awarded and closed, activities committed by co-building agreements (each
-- commitment's count on the first day of each month, quarter or year of the agreement, or
-- once on its first day — delivery is `partners.agreement_activities`), and the distribution
-- of hours from a demand's submission to its first resolution (for the median).
ALTER TABLE venture_projects ADD COLUMN awarded_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION venture_projects_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM figure_event('partners.ventures_awarded', figure_day(NEW.awarded_at), 1);
    END IF;
    IF NEW.status = 'done' AND (TG_OP = 'INSERT' OR OLD.status <> 'done') THEN
        PERFORM figure_event('partners.ventures_closed', figure_day(NEW.closed_at), 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER venture_projects_figures AFTER INSERT OR UPDATE OF status ON venture_projects
    FOR EACH ROW EXECUTE FUNCTION venture_projects_figures();

-- The days an agreement's commitment falls due, with its count (the rebuild reads the same).
CREATE FUNCTION commitment_days(starts_on date, ends_on date, per text, n integer)
RETURNS TABLE (day date, count bigint) LANGUAGE sql STABLE AS $$
    SELECT greatest(p::date, starts_on), n::bigint
      FROM generate_series(date_trunc(CASE per WHEN 'period' THEN 'year' ELSE per END, starts_on),
                           ends_on,
                           CASE per WHEN 'month' THEN interval '1 month'
                                    WHEN 'quarter' THEN interval '3 months'
                                    ELSE interval '1 year' END) AS p
     WHERE per <> 'period' OR p::date <= starts_on
$$;

CREATE FUNCTION agreement_commitments_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('partners.commitments', c.day, c.count)
       FROM agreements a, commitment_days(a.starts_on, a.ends_on, NEW.per, NEW.count) AS c
      WHERE a.id = NEW.agreement_id;
    RETURN NULL;
END $$;
CREATE TRIGGER agreement_commitments_figure AFTER INSERT ON agreement_commitments
    FOR EACH ROW EXECUTE FUNCTION agreement_commitments_figure();

CREATE FUNCTION demands_resolution_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.resolved_at IS NULL AND NEW.resolved_at IS NOT NULL THEN
        PERFORM figure_event('partners.resolution_hours', figure_day(NEW.resolved_at), 1,
                             ceil(extract(epoch FROM NEW.resolved_at - NEW.submitted_at) / 3600)::bigint);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER demands_resolution_figure AFTER UPDATE OF resolved_at ON demands
    FOR EACH ROW EXECUTE FUNCTION demands_resolution_figure();
