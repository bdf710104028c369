-- Security fixes in the college.

-- Whether a work's author is a minor is decided when the work is shown (from the learner's
-- birth date then, an unknown one counting as a minor's), never frozen when it was added.
ALTER TABLE works DROP COLUMN minor;

-- A guardian registers a sensible number of children: the cap is the database's, and an
-- advisory lock on the guardian orders concurrent registrations so none slips past it.
CREATE FUNCTION learners_children_cap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.guardian_account_id::text, 7418003));
    IF (SELECT count(*) FROM learners WHERE guardian_account_id = NEW.guardian_account_id) >= 6 THEN
        RAISE EXCEPTION 'a guardian registers at most 6 children'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'learners_children_cap';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER learners_children_cap BEFORE INSERT ON learners
    FOR EACH ROW WHEN (NEW.guardian_account_id IS NOT NULL)
    EXECUTE FUNCTION learners_children_cap();
