-- Grid workers (网格员) hold a community role: they enter door-to-door survey answers,
-- registrations and enrolments for residents (代办), as staff do, and nothing more.
ALTER TABLE platform.memberships DROP CONSTRAINT memberships_check;
ALTER TABLE platform.memberships ADD CONSTRAINT memberships_scope_role CHECK (
    (scope = 'platform' AND district_id IS NULL AND community_id IS NULL
        AND role = 'platform_admin')
 OR (scope = 'district' AND district_id IS NOT NULL AND community_id IS NULL
        AND role IN ('district_admin', 'district_viewer'))
 OR (scope = 'community' AND community_id IS NOT NULL AND district_id IS NULL
        AND role IN ('community_admin', 'staff', 'grid_worker', 'teacher', 'volunteer',
                     'resident', 'partner_member'))
);
