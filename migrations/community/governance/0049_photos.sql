-- Photos of co-governance: the receipts of a fund's movement (a spending's 发票, a donation's
-- 收据), which the public statement shows, and what a patrol found. The objects are written
-- before their rows, through the shared pipeline (re-encoded, metadata stripped).
CREATE TABLE fund_receipts (
    id           uuid PRIMARY KEY,
    movement_id  uuid NOT NULL REFERENCES fund_movements (id),
    object_key   text NOT NULL,
    thumb_key    text NOT NULL,
    uploaded_by  uuid NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_receipts_movement ON fund_receipts (movement_id);
CREATE TABLE finding_photos (
    id           uuid PRIMARY KEY,
    finding_id   uuid NOT NULL REFERENCES patrol_findings (id),
    object_key   text NOT NULL,
    thumb_key    text NOT NULL,
    uploaded_by  uuid NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finding_photos_finding ON finding_photos (finding_id);
