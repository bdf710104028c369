-- Corrections of a registry record (档案更正, PIPL art. 46): which fields staff changed, why
-- and who — never the old values, which a correction exists to remove.
CREATE TABLE record_corrections (
    id            uuid PRIMARY KEY,
    learner_id    uuid NOT NULL REFERENCES learners (id),
    fields        text[] NOT NULL CHECK (cardinality(fields) > 0
                      AND fields <@ ARRAY['name', 'birth_date', 'courtyard', 'household', 'phone']),
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    corrected_by  uuid NOT NULL,
    corrected_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_corrections_learner ON record_corrections (learner_id, corrected_at);
COMMENT ON COLUMN record_corrections.learner_id IS 'personal:subject:learners';
COMMENT ON COLUMN record_corrections.reason IS 'personal:text';
