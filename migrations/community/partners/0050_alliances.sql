-- 共同体 (淄博's 1+3×N): a community groups partners approved in it into a named co-building
-- alliance, each member with its part in it (党建引领, 志愿服务, 资源支持 …). The organisations
-- are platform rows; whether one is approved here is checked when it is added.
CREATE TABLE partner_alliances (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    purpose     text NOT NULL DEFAULT '' CHECK (length(purpose) <= 500),
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE partner_alliance_members (
    alliance_id      uuid NOT NULL REFERENCES partner_alliances (id),
    organisation_id  uuid NOT NULL,
    part             text NOT NULL CHECK (length(part) BETWEEN 1 AND 30),
    added_by         uuid NOT NULL,
    added_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (alliance_id, organisation_id)
);
