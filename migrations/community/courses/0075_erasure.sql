-- A registry record erased (注销): its person's data is gone (tenancy::privacy rewrites the
-- marked columns), the row stays so enrolments, attendance and seat counts keep their totals.
ALTER TABLE learners ADD COLUMN erased_at timestamptz;

-- A guardian's link to a child is a carer's (照护人), not the child's own: export follows it
-- (a guardian takes away their children's data), erasure of the guardian does not.
COMMENT ON COLUMN learners.guardian_account_id IS 'personal:carer:account';

-- How a share names the authors ('full', 'surname', 'none') is a setting, not a name.
COMMENT ON COLUMN exhibition_shares.names IS NULL;

-- A guardian with children in care in the community is not erased before them: their records
-- would be left with nobody to act for them.
CREATE FUNCTION erasure_blockers_courses(account uuid)
RETURNS TABLE (reason text, count bigint) LANGUAGE sql STABLE AS $$
    SELECT 'children_in_care', count(*) FROM learners
     WHERE guardian_account_id = account AND account_id IS NULL AND erased_at IS NULL
    HAVING count(*) > 0
$$;
