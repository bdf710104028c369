-- Personal data of co-governance (see courses' 0066 for the marks): posts held, 双报到
-- reports (party membership is an affiliation), honours.
COMMENT ON COLUMN post_claims.account_id IS 'personal:subject:account';
COMMENT ON COLUMN post_claims.holder_name IS 'personal:name';
COMMENT ON COLUMN post_claims.party_member IS 'personal:affiliation';
COMMENT ON COLUMN party_reports.account_id IS 'personal:subject:account';
COMMENT ON COLUMN party_reports.name IS 'personal:name';
COMMENT ON COLUMN party_reports.workplace IS 'personal:text';
COMMENT ON COLUMN party_reports.party_organisation IS 'personal:affiliation';
COMMENT ON COLUMN party_reports.skills IS 'personal:text';
COMMENT ON COLUMN party_reports.services IS 'personal:text';
COMMENT ON COLUMN honour_nominations.nominee_account IS 'personal:subject:account';
COMMENT ON COLUMN honour_nominations.nominee IS 'personal:name';
COMMENT ON COLUMN honour_nominations.reason IS 'personal:text';
COMMENT ON COLUMN honour_scores.nomination_id IS 'personal:subject:honour_nominations';
COMMENT ON COLUMN fund_requests.requester_name IS 'personal:name';
COMMENT ON COLUMN follow_ups.owner_name IS 'personal:name';
COMMENT ON COLUMN patrols.leader_name IS 'personal:name';
COMMENT ON COLUMN fund_requests.requested_by IS 'personal:subject:account';
COMMENT ON COLUMN patrols.led_by IS 'personal:subject:account';
