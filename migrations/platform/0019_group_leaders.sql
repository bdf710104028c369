-- 居民小组长 (issue 29): resident group leaders per courtyard or building, next to grid
-- workers. Staff give them courtyards as they give grid workers grids; within those they enter
-- residents, survey answers and walk-ins — nothing more.
ALTER TABLE platform.memberships DROP CONSTRAINT memberships_scope_role;
ALTER TABLE platform.memberships ADD CONSTRAINT memberships_scope_role CHECK (
    (scope = 'platform' AND district_id IS NULL AND community_id IS NULL
        AND role = 'platform_admin')
 OR (scope = 'district' AND district_id IS NOT NULL AND community_id IS NULL
        AND role IN ('district_admin', 'district_viewer'))
 OR (scope = 'community' AND community_id IS NOT NULL AND district_id IS NULL
        AND role IN ('community_admin', 'staff', 'grid_worker', 'group_leader', 'teacher',
                     'volunteer', 'resident', 'partner_member'))
);
