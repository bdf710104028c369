-- 巡查 (博园's 每周一夜查): a patrol of a grid (or one of its micro-grids) is scheduled, then
-- logged once as held — how many went and what they saw; each finding may be raised as a
-- demand (诉求) to the grid, once.
CREATE TABLE patrols (
    id            uuid PRIMARY KEY,
    grid_id       uuid NOT NULL REFERENCES courtyards (id),
    micro_grid_id uuid REFERENCES micro_grids (id),
    scheduled_for timestamptz NOT NULL,
    route         text NOT NULL CHECK (length(route) BETWEEN 1 AND 200),
    led_by        uuid NOT NULL,
    leader_name   text NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 50),
    held_at       timestamptz,
    patrollers    integer CHECK (patrollers BETWEEN 1 AND 1000),
    notes         text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patrols_held CHECK ((held_at IS NULL) = (patrollers IS NULL))
);
CREATE INDEX patrols_grid ON patrols (grid_id, scheduled_for);

-- A patrol walks a grid, and its micro-grid (if one) lies in that grid; it is logged once.
CREATE FUNCTION patrols_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM courtyards WHERE id = NEW.grid_id AND kind <> 'grid')
       OR EXISTS (SELECT 1 FROM micro_grids WHERE id = NEW.micro_grid_id AND grid_id <> NEW.grid_id) THEN
        RAISE EXCEPTION 'a patrol walks a grid and its own micro-grids'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'patrols_in_a_grid';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.held_at IS NOT NULL THEN
        RAISE EXCEPTION 'a patrol is logged once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'patrols_logged_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER patrols_rules BEFORE INSERT OR UPDATE ON patrols
    FOR EACH ROW EXECUTE FUNCTION patrols_rules();

CREATE TABLE patrol_findings (
    id          uuid PRIMARY KEY,
    patrol_id   uuid NOT NULL REFERENCES patrols (id),
    what        text NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
    place       text NOT NULL DEFAULT '' CHECK (length(place) <= 100),
    demand_id   uuid UNIQUE REFERENCES demands (id),
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patrol_findings_patrol ON patrol_findings (patrol_id);

-- A finding is never rewritten; its demand is set once.
CREATE FUNCTION patrol_findings_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.demand_id IS NOT NULL OR NEW.what <> OLD.what OR NEW.place <> OLD.place
       OR NEW.patrol_id <> OLD.patrol_id THEN
        RAISE EXCEPTION 'a finding is raised as a demand once and never rewritten'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'patrol_findings_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER patrol_findings_once BEFORE UPDATE ON patrol_findings
    FOR EACH ROW EXECUTE FUNCTION patrol_findings_once();

CREATE FUNCTION patrols_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'patrols' THEN
        IF NEW.held_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.held_at IS NULL) THEN
            PERFORM figure_event('governance.patrols_held', figure_day(NEW.held_at), 1);
        END IF;
    ELSE
        PERFORM figure_event('governance.patrol_findings', figure_day(NEW.recorded_at), 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER patrols_figures AFTER INSERT OR UPDATE OF held_at ON patrols
    FOR EACH ROW EXECUTE FUNCTION patrols_figures();
CREATE TRIGGER patrol_findings_figures AFTER INSERT ON patrol_findings
    FOR EACH ROW EXECUTE FUNCTION patrols_figures();
