-- Photos of a demand (诉求) — the broken lamp, the blocked drain — taken by the resident who
-- raised it (or the grid worker or staff who took it in), seen by them and by those who handle
-- it. The objects are written before their rows, through the shared pipeline (re-encoded,
-- metadata stripped).
CREATE TABLE demand_photos (
    id           uuid PRIMARY KEY,
    demand_id    uuid NOT NULL REFERENCES demands (id),
    object_key   text NOT NULL,
    thumb_key    text NOT NULL,
    uploaded_by  uuid NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX demand_photos_demand ON demand_photos (demand_id);
