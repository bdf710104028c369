-- Personal data (个人信息) on the platform, marked on its columns as in the community schemas
-- (migrations/community/courses/0066): export, erasure and docs/PRIVACY.md read these marks.
COMMENT ON COLUMN platform.accounts.id IS 'personal:subject:account';
COMMENT ON COLUMN platform.accounts.login_name IS 'personal:identifier';
COMMENT ON COLUMN platform.accounts.display_name IS 'personal:name';
COMMENT ON COLUMN platform.accounts.password_hash IS 'personal:credential';
COMMENT ON COLUMN platform.accounts.phone_encrypted IS 'personal:contact';
COMMENT ON COLUMN platform.accounts.phone_lookup IS 'personal:contact';
COMMENT ON COLUMN platform.memberships.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.sign_up_requests.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.organisation_members.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.partner_team_members.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.audit_log.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.request_keys.account_id IS 'personal:subject:account';
COMMENT ON COLUMN platform.request_keys.response IS 'personal:text';
COMMENT ON COLUMN platform.login_throttle.key IS 'personal:identifier';
COMMENT ON COLUMN platform.phone_codes.phone_lookup IS 'personal:contact';
