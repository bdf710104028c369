-- Photos of spaces and of farm duties, in object storage under the community's prefix
-- (processed like exhibition photos: checked, bounded, metadata stripped).
CREATE TABLE space_photos (
    id          uuid PRIMARY KEY,
    space_id    uuid NOT NULL REFERENCES spaces (id),
    object_key  text NOT NULL,
    thumb_key   text NOT NULL,
    width       integer NOT NULL,
    height      integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX space_photos_space ON space_photos (space_id);
ALTER TABLE plot_duties ADD COLUMN photo_key text, ADD COLUMN thumb_key text;
