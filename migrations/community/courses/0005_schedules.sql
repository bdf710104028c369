-- Sessions can be cancelled or moved (with the learners told), and a course's schedule can
-- follow daily / weekly / monthly rules: each session remembers the series it came from.
ALTER TABLE course_sessions
    ADD COLUMN status        text NOT NULL DEFAULT 'scheduled'
                             CHECK (status IN ('scheduled', 'cancelled')),
    ADD COLUMN cancel_reason text CHECK (length(cancel_reason) <= 200),
    -- where and when it was first planned, once it has been moved
    ADD COLUMN moved_from    timestamptz,
    ADD COLUMN series_id     uuid;
-- Two sessions of one course never start at the same moment (a schedule added twice).
CREATE UNIQUE INDEX course_sessions_once ON course_sessions (course_id, starts_at)
    WHERE status = 'scheduled';
-- Staff lower a course's capacity only down to the seats already taken: the capacity CHECK
-- on courses (enrolled BETWEEN 0 AND capacity) refuses anything lower.
