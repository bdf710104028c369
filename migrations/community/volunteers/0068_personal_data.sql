-- Personal data of the time bank and the points ledger (see courses' 0066 for the marks). A
-- transfer is the person's when either end is their points account.
COMMENT ON COLUMN volunteers.account_id IS 'personal:subject:account';
COMMENT ON COLUMN volunteers.name IS 'personal:name';
COMMENT ON COLUMN volunteers.skills IS 'personal:text';
COMMENT ON COLUMN volunteers.party_member IS 'personal:affiliation';
COMMENT ON COLUMN volunteer_hours.volunteer_id IS 'personal:subject:volunteers';
COMMENT ON COLUMN volunteer_trainings.volunteer_id IS 'personal:subject:volunteers';
COMMENT ON COLUMN shift_signups.volunteer_id IS 'personal:subject:volunteers';
COMMENT ON COLUMN volunteer_service_months.volunteer_id IS 'personal:subject:volunteers';
COMMENT ON COLUMN volunteer_star_changes.volunteer_id IS 'personal:subject:volunteers';
COMMENT ON COLUMN points_accounts.holder IS 'personal:subject:account';
COMMENT ON COLUMN points_accounts.name IS 'personal:name';
COMMENT ON COLUMN points_transfers.from_account IS 'personal:subject:points_accounts';
COMMENT ON COLUMN points_transfers.to_account IS 'personal:subject:points_accounts';
COMMENT ON COLUMN points_transfers.attributed_to IS 'personal:subject:account';
COMMENT ON COLUMN points_pending_credits.account_id IS 'personal:subject:points_accounts';
COMMENT ON COLUMN collective_members.member IS 'personal:subject:account';
COMMENT ON COLUMN redemptions.holder IS 'personal:subject:account';
COMMENT ON COLUMN volunteer_hours.decline_reason IS 'personal:text';
COMMENT ON COLUMN redemptions.cancel_reason IS 'personal:text';
