-- Two more kinds kept for a time (tenancy::retention): people's notifications with their
-- deliveries, in each community (the worker removes them when it visits the community, by its
-- due time), and generated files — registers, ledgers, certificates, district figures — which
-- are made again on demand (under `x/` in the object store, found by one listing of that prefix).
ALTER TABLE platform.retention_periods DROP CONSTRAINT retention_periods_kind_check;
ALTER TABLE platform.retention_periods ADD CONSTRAINT retention_periods_kind_check
    CHECK (kind IN ('audit_log', 'login_throttle', 'phone_codes', 'request_keys',
                    'personal_exports', 'notifications', 'exports'));
INSERT INTO platform.retention_periods (kind, keep_hours) VALUES
    ('notifications', 4320), ('exports', 24);

-- An archived community (已归档) keeps its records for its own period; past it, the worker
-- erases every person in it (tenancy::retention: each marked column rewritten as an erasure
-- would, its photos deleted) and the anonymous records — counts, the ledger, the district's
-- figures — stay. `archived_at` says since when, kept by the status itself.
ALTER TABLE platform.communities
    ADD COLUMN archived_at timestamptz,
    ADD COLUMN anonymised_at timestamptz;
UPDATE platform.communities SET archived_at = updated_at WHERE status = 'archived';
CREATE FUNCTION platform.communities_archived_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'archived' AND OLD.status IS DISTINCT FROM 'archived' THEN
        NEW.archived_at := now();
    ELSIF NEW.status <> 'archived' THEN
        NEW.archived_at := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER communities_archived_at BEFORE UPDATE OF status ON platform.communities
    FOR EACH ROW EXECUTE FUNCTION platform.communities_archived_at();
CREATE INDEX communities_archived ON platform.communities (archived_at)
    WHERE status = 'archived' AND anonymised_at IS NULL;

ALTER TABLE platform.retention_periods DROP CONSTRAINT retention_periods_kind_check;
ALTER TABLE platform.retention_periods ADD CONSTRAINT retention_periods_kind_check
    CHECK (kind IN ('audit_log', 'login_throttle', 'phone_codes', 'request_keys',
                    'personal_exports', 'notifications', 'exports', 'archived_communities'));
INSERT INTO platform.retention_periods (kind, keep_hours) VALUES ('archived_communities', 26280);
