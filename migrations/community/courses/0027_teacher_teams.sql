-- The teacher pool links a teacher to the partner team they teach for (the partners crate's
-- platform row: its key and its name when linked).
ALTER TABLE teachers
    ADD COLUMN team_id    uuid,
    ADD COLUMN team_name  text CHECK (length(team_name) BETWEEN 1 AND 100),
    ADD CONSTRAINT teachers_team CHECK ((team_id IS NULL) = (team_name IS NULL));
CREATE INDEX teachers_team ON teachers (team_id) WHERE team_id IS NOT NULL;
