-- A session may take place in one of the community's spaces: it then holds that space's time
-- (a slot of `space_slots`, spaces' table, taken in the same transaction), so a session and a
-- booking can never collide. The free-text place stays for places that are not spaces.
ALTER TABLE course_sessions ADD COLUMN space_id uuid REFERENCES spaces (id);
