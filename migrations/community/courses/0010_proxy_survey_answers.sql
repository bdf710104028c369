-- Door-to-door surveys (入户摸底): a grid worker enters the answers of a resident who has no
-- account. A response then belongs to the resident's learner record; one per survey and
-- respondent either way, and who typed it in is kept.
ALTER TABLE survey_responses
    ADD COLUMN learner_id  uuid REFERENCES learners (id),
    ADD COLUMN entered_by  uuid;
ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_pkey;
ALTER TABLE survey_responses ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_respondent
    CHECK (account_id IS NOT NULL OR learner_id IS NOT NULL);
CREATE UNIQUE INDEX survey_responses_by_account ON survey_responses (survey_id, account_id)
    WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX survey_responses_by_learner ON survey_responses (survey_id, learner_id)
    WHERE account_id IS NULL;
