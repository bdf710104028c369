-- 网格员 ↔ 网格: the grids (or courtyards) each grid worker serves, several allowed; staff
-- assign them. A grid worker's 代办, registry search and demand handling reach the residents
-- and demands of these alone (tenancy::grids); staff keep the whole community.
CREATE TABLE grid_assignments (
    account_id    uuid NOT NULL,
    courtyard_id  uuid NOT NULL REFERENCES courtyards (id),
    assigned_by   uuid NOT NULL,
    assigned_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, courtyard_id)
);
