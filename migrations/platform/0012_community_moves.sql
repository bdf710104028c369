-- Moving a community to another cluster (`linli communities move`).
--
-- `moving`: its data is being copied; it serves reads only (the gateway refuses writes and its
-- role has lost the right to write, see gateway/src/backup/moving.rs). `moved`: another
-- cluster serves it now; this row stays as its routing entry (`moved_to` says where), so a
-- request that still arrives here is told where to go and the slug is never reused.
ALTER TABLE platform.communities
    DROP CONSTRAINT communities_status_check,
    ADD CONSTRAINT communities_status_check
        CHECK (status IN ('active', 'suspended', 'archived', 'moving', 'moved')),
    ADD COLUMN moved_to text CHECK (length(moved_to) BETWEEN 1 AND 200),
    ADD CONSTRAINT communities_moved_has_target
        CHECK (status NOT IN ('moving', 'moved') OR moved_to IS NOT NULL);

-- One row per move started here: what the operator confirms, and what a confirmation removes.
CREATE TABLE platform.community_moves (
    id               uuid PRIMARY KEY,
    community_id     uuid NOT NULL REFERENCES platform.communities (id),
    -- where it went, as the operator names it (a gateway address; never a password)
    target           text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
    -- false when both clusters share the object store: a confirmation must not delete them
    objects_copied   boolean NOT NULL,
    previous_status  text NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    switched_at      timestamptz,
    confirmed_at     timestamptz
);
CREATE UNIQUE INDEX community_moves_open ON platform.community_moves (community_id)
    WHERE confirmed_at IS NULL;
