-- courses: the community college (社区学院) and its loop 兴趣 → 培训 → 活动 → 展示 → 评价.
-- Accounts live in the platform schema; here they are plain uuids (no cross-schema keys).

-- Learners (学员): a resident with an account, or a child registered by a guardian.
CREATE TABLE learners (
    id                   uuid PRIMARY KEY,
    account_id           uuid UNIQUE,
    guardian_account_id  uuid,
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    birth_date           date,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (account_id IS NOT NULL OR guardian_account_id IS NOT NULL)
);
CREATE INDEX learners_guardian ON learners (guardian_account_id);

-- The teacher pool (师资库): experts, local talents (达人), university people, organisations.
CREATE TABLE teachers (
    id               uuid PRIMARY KEY,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    kind             text NOT NULL CHECK (kind IN ('expert', 'local_talent', 'university_teacher',
                         'university_student', 'social_organisation')),
    skills           text[] NOT NULL DEFAULT '{}',
    phone_encrypted  text,
    account_id       uuid UNIQUE,
    learner_id       uuid REFERENCES learners (id),
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('candidate', 'active')),
    teaches_in       text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Clubs (社团) in federations (社团联盟).
CREATE TABLE federations (
    id      uuid PRIMARY KEY,
    name    text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    leader  uuid REFERENCES learners (id)
);
CREATE TABLE clubs (
    id             uuid PRIMARY KEY,
    name           text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    federation_id  uuid REFERENCES federations (id)
);
CREATE TABLE club_members (
    club_id     uuid NOT NULL REFERENCES clubs (id),
    learner_id  uuid NOT NULL REFERENCES learners (id),
    -- leader (社长) or class monitor (班长)
    role        text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'leader', 'monitor')),
    PRIMARY KEY (club_id, learner_id)
);

CREATE TABLE courses (
    id              uuid PRIMARY KEY,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    category        text NOT NULL REFERENCES course_categories (code),
    audience        text NOT NULL CHECK (audience IN ('children', 'adults', 'elderly', 'all')),
    min_age         integer CHECK (min_age BETWEEN 0 AND 120),
    max_age         integer CHECK (max_age BETWEEN 0 AND 120),
    format          text NOT NULL CHECK (format IN ('lecture', 'workshop', 'salon', 'performance', 'forum')),
    public_benefit  boolean NOT NULL DEFAULT true,
    fee_cents       integer NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    club_id         uuid REFERENCES clubs (id),
    capacity        integer NOT NULL CHECK (capacity > 0),
    -- seats held, kept by the trigger on enrolments: with the CHECK below no code path can
    -- enrol past capacity, whatever the concurrency
    enrolled        integer NOT NULL DEFAULT 0,
    materials       text,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('proposed', 'open', 'closed')),
    -- the survey demand (订单) it came from: "survey:question:option"
    demand          text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
    CONSTRAINT courses_capacity CHECK (enrolled BETWEEN 0 AND capacity)
);
CREATE TABLE course_teachers (
    course_id   uuid NOT NULL REFERENCES courses (id),
    teacher_id  uuid NOT NULL REFERENCES teachers (id),
    PRIMARY KEY (course_id, teacher_id)
);
CREATE INDEX course_teachers_teacher ON course_teachers (teacher_id);
CREATE TABLE course_sessions (
    id         uuid PRIMARY KEY,
    course_id  uuid NOT NULL REFERENCES courses (id),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    place      text NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX course_sessions_course ON course_sessions (course_id, starts_at);

CREATE TABLE enrolments (
    id           uuid PRIMARY KEY,
    course_id    uuid NOT NULL REFERENCES courses (id),
    learner_id   uuid NOT NULL REFERENCES learners (id),
    status       text NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
    -- arrival order: the waitlist is promoted in this order
    queued       bigint GENERATED ALWAYS AS IDENTITY,
    enrolled_by  uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX enrolments_active ON enrolments (course_id, learner_id) WHERE status <> 'cancelled';
CREATE INDEX enrolments_waitlist ON enrolments (course_id, queued) WHERE status = 'waitlisted';
CREATE INDEX enrolments_learner ON enrolments (learner_id);

CREATE FUNCTION enrolments_count_seats() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'enrolled' THEN
        UPDATE courses SET enrolled = enrolled - 1 WHERE id = OLD.course_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'enrolled' THEN
        UPDATE courses SET enrolled = enrolled + 1 WHERE id = NEW.course_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER enrolments_count_seats AFTER INSERT OR UPDATE OF status OR DELETE ON enrolments
    FOR EACH ROW EXECUTE FUNCTION enrolments_count_seats();

CREATE TABLE attendance (
    session_id   uuid NOT NULL REFERENCES course_sessions (id),
    learner_id   uuid NOT NULL REFERENCES learners (id),
    method       text NOT NULL CHECK (method IN ('qr', 'roster')),
    present      boolean NOT NULL,
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, learner_id)
);
CREATE INDEX attendance_learner ON attendance (learner_id);

-- Demand surveys (订单式): answers are {question id: {"choices": [i, …]} | {"text": "…"}}.
CREATE TABLE surveys (
    id          uuid PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    threshold   integer NOT NULL CHECK (threshold > 0),
    closes_at   timestamptz,
    closed      boolean NOT NULL DEFAULT false,
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE survey_questions (
    id         uuid PRIMARY KEY,
    survey_id  uuid NOT NULL REFERENCES surveys (id),
    position   integer NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('single', 'multiple', 'text', 'talent')),
    prompt     text NOT NULL CHECK (length(prompt) BETWEEN 1 AND 200),
    options    text[] NOT NULL DEFAULT '{}',
    UNIQUE (survey_id, position)
);
CREATE TABLE survey_responses (
    survey_id   uuid NOT NULL REFERENCES surveys (id),
    account_id  uuid NOT NULL,
    answers     jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, account_id)
);

-- Cadence targets ("每月不少于两堂公益课", "每周有课程").
CREATE TABLE cadence_targets (
    id                   uuid PRIMARY KEY,
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    period               text NOT NULL CHECK (period IN ('week', 'month')),
    min_sessions         integer NOT NULL CHECK (min_sessions > 0),
    public_benefit_only  boolean NOT NULL DEFAULT false
);

CREATE TABLE evaluations (
    course_id   uuid NOT NULL REFERENCES courses (id),
    learner_id  uuid NOT NULL REFERENCES learners (id),
    rating      integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     text CHECK (length(comment) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, learner_id)
);

-- Exhibitions (画展、摄影展、手工艺展) of learners' works, photos in object storage.
CREATE TABLE exhibitions (
    id         uuid PRIMARY KEY,
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    kind       text NOT NULL CHECK (kind IN ('painting', 'photography', 'handicraft')),
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    published  boolean NOT NULL DEFAULT false,
    CHECK (ends_on >= starts_on)
);
CREATE TABLE works (
    id                   uuid PRIMARY KEY,
    exhibition_id        uuid NOT NULL REFERENCES exhibitions (id),
    learner_id           uuid NOT NULL REFERENCES learners (id),
    course_id            uuid REFERENCES courses (id),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    -- a minor's work is shown only once a guardian's consent is recorded
    minor                boolean NOT NULL,
    guardian_consent_at  timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX works_exhibition ON works (exhibition_id);
CREATE TABLE work_photos (
    id          uuid PRIMARY KEY,
    work_id     uuid NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    object_key  text NOT NULL,
    thumb_key   text NOT NULL,
    width       integer NOT NULL,
    height      integer NOT NULL
);
CREATE INDEX work_photos_work ON work_photos (work_id);

-- Nominations of outstanding learners to role-model pools (千人故事, 两江榜样).
CREATE TABLE nominations (
    id            uuid PRIMARY KEY,
    learner_id    uuid NOT NULL REFERENCES learners (id),
    pool          text NOT NULL CHECK (length(pool) BETWEEN 1 AND 50),
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    loop_record   jsonb NOT NULL,
    nominated_by  uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
