-- 家人代办 (issue 33): a family member — an adult child, usually — acts for an elderly resident
-- (enrols them, checks them in, reads their timetable) once the resident agrees: in the app,
-- or in person before staff or their grid worker, who record it. The resident, the helper or
-- staff end it at any time; ended and declined rows stay as the record of who could act when.
-- Every act for the resident is audited as the helper's, naming the resident's learner id.
CREATE TABLE family_helpers (
    id                 uuid PRIMARY KEY,
    learner_id         uuid NOT NULL REFERENCES learners (id),
    helper_account_id  uuid NOT NULL,
    helper_name        text NOT NULL CHECK (length(helper_name) BETWEEN 1 AND 100),
    -- 儿子, 女儿, 儿媳 … as the helper says
    relation           text NOT NULL CHECK (length(relation) BETWEEN 1 AND 20),
    status             text NOT NULL DEFAULT 'requested'
                           CHECK (status IN ('requested', 'granted', 'declined', 'ended')),
    requested_at       timestamptz NOT NULL DEFAULT now(),
    -- who recorded the resident's answer: the resident's own account, or the staff member or
    -- grid worker before whom they agreed (in_person)
    answered_by        uuid,
    in_person          boolean,
    answered_at        timestamptz,
    ended_by           uuid,
    ended_at           timestamptz,
    CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
    CHECK (status NOT IN ('granted', 'declined') OR answered_at IS NOT NULL),
    CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);
-- One open request or consent per resident and helper: asking twice is one request.
CREATE UNIQUE INDEX family_helpers_open ON family_helpers (learner_id, helper_account_id)
    WHERE status IN ('requested', 'granted');
-- The helper's side: whom they may act for (every act checks it).
CREATE INDEX family_helpers_helper ON family_helpers (helper_account_id)
    WHERE status IN ('requested', 'granted');
