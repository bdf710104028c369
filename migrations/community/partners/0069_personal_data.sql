-- Personal data of demands (诉求) (see courses' 0066 for the marks).
COMMENT ON COLUMN demands.resident_id IS 'personal:subject:account';
COMMENT ON COLUMN demands.resident_name IS 'personal:name';
COMMENT ON COLUMN demands.title IS 'personal:text';
COMMENT ON COLUMN demands.detail IS 'personal:text';
COMMENT ON COLUMN demand_steps.demand_id IS 'personal:subject:demands';
COMMENT ON COLUMN demand_steps.note IS 'personal:text';
COMMENT ON COLUMN demand_photos.demand_id IS 'personal:subject:demands';
COMMENT ON COLUMN demand_photos.object_key IS 'personal:photo';
COMMENT ON COLUMN demand_photos.thumb_key IS 'personal:photo';
-- An entry of the three lists (三张清单) is its author's: a resident's offer of skills.
COMMENT ON COLUMN list_entries.author IS 'personal:subject:account';
COMMENT ON COLUMN list_entries.detail IS 'personal:text';
COMMENT ON COLUMN list_entries.skills IS 'personal:text';
