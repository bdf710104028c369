-- Partner access that the community can take back, and no wider than partner work (issue
-- 26): a partnership can be ended (by the community's staff or the district's admins who
-- approved it, or by the organisation's admin); approving it can give the organisation's
-- people residents' rights there (course seats, events, plots, rooms, rewards) — off unless
-- the approver says so.
ALTER TABLE platform.partnerships
    ADD COLUMN resident_rights boolean NOT NULL DEFAULT false,
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN ended_by uuid,
    ADD COLUMN end_reason text CHECK (length(end_reason) BETWEEN 1 AND 200);
ALTER TABLE platform.partnerships DROP CONSTRAINT partnerships_status_check;
ALTER TABLE platform.partnerships ADD CONSTRAINT partnerships_status_check
    CHECK (status IN ('requested', 'approved', 'declined', 'ended'));
ALTER TABLE platform.partnerships ADD CONSTRAINT partnerships_ended
    CHECK ((status = 'ended') = (ended_at IS NOT NULL AND ended_by IS NOT NULL
                                 AND end_reason IS NOT NULL));

-- The one window tenancy has onto partners, now saying whether the partnership carries
-- residents' rights.
CREATE OR REPLACE VIEW platform.partner_access AS
    SELECT p.id AS partnership_id, m.account_id, p.district_id, p.community_id,
           p.resident_rights
      FROM platform.organisation_members m
      JOIN platform.partnerships p ON p.organisation_id = m.organisation_id
     WHERE p.status = 'approved';
