-- Grid workers' assignments are about them (see courses' 0066 for the marks).
COMMENT ON COLUMN grid_assignments.account_id IS 'personal:subject:account';
