-- 评优: a round of honours (最美志愿者, 优秀学员, 文明家庭 …) takes nominations while open, is
-- scored by staff in review (each reviewer once a nomination, 0–100, changeable until the
-- awards), awards chosen among scored nominations, then published — after which nothing of
-- it changes, and every member reads its awards.
CREATE TABLE honour_rounds (
    id            uuid PRIMARY KEY,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    awards        text[] NOT NULL CHECK (cardinality(awards) BETWEEN 1 AND 20),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reviewing', 'published')),
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    CHECK ((status = 'published') = (published_at IS NOT NULL)),
    UNIQUE (year, title)
);

CREATE FUNCTION honour_rounds_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'published'
       OR (OLD.status = 'reviewing' AND NEW.status = 'open')
       OR NEW.awards IS DISTINCT FROM OLD.awards OR NEW.year <> OLD.year THEN
        RAISE EXCEPTION 'a round of honours only moves forward, and a published one never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'honour_rounds_forward';
    END IF;
    IF NEW.status = 'published' AND OLD.status <> 'published' THEN
        PERFORM figure_event('governance.honours_awarded', figure_day(NEW.published_at),
                             (SELECT count(*) FROM honour_nominations
                               WHERE round_id = NEW.id AND awarded));
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER honour_rounds_forward BEFORE UPDATE ON honour_rounds
    FOR EACH ROW EXECUTE FUNCTION honour_rounds_forward();
CREATE TRIGGER honour_rounds_kept BEFORE DELETE ON honour_rounds
    FOR EACH ROW EXECUTE FUNCTION honour_rounds_forward();

CREATE TABLE honour_nominations (
    id               uuid PRIMARY KEY,
    round_id         uuid NOT NULL REFERENCES honour_rounds (id),
    award            text NOT NULL,
    nominee          text NOT NULL CHECK (length(nominee) BETWEEN 1 AND 50),
    nominee_account  uuid,
    reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    nominated_by     uuid NOT NULL,
    nominated_at     timestamptz NOT NULL DEFAULT now(),
    awarded          boolean NOT NULL DEFAULT false,
    UNIQUE (round_id, award, nominee)
);
CREATE TABLE honour_scores (
    nomination_id  uuid NOT NULL REFERENCES honour_nominations (id),
    reviewer       uuid NOT NULL,
    score          integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    scored_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (nomination_id, reviewer)
);

-- Nominations come while the round is open and name one of its awards; an award is given in
-- review to a scored nomination; scores are given in review; nothing is deleted.
CREATE FUNCTION honours_in_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r honour_rounds;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'honours are never deleted'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'honours_in_step';
    END IF;
    IF TG_TABLE_NAME = 'honour_nominations' THEN
        SELECT * INTO r FROM honour_rounds WHERE id = NEW.round_id;
        IF (TG_OP = 'INSERT' AND (r.status <> 'open' OR NOT NEW.award = ANY (r.awards)))
           OR (TG_OP = 'UPDATE' AND (r.status <> 'reviewing'
               OR (NEW.id, NEW.round_id, NEW.award, NEW.nominee, NEW.reason)
                  IS DISTINCT FROM (OLD.id, OLD.round_id, OLD.award, OLD.nominee, OLD.reason)
               OR (NEW.awarded AND NOT EXISTS (SELECT 1 FROM honour_scores WHERE nomination_id = NEW.id)))) THEN
            RAISE EXCEPTION 'not at this step of the round'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'honours_in_step';
        END IF;
    ELSE
        SELECT r2.* INTO r FROM honour_rounds r2 JOIN honour_nominations n ON n.round_id = r2.id
         WHERE n.id = NEW.nomination_id;
        IF r.status <> 'reviewing' THEN
            RAISE EXCEPTION 'scores are given in review'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'honours_in_step';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER honour_nominations_in_step BEFORE INSERT OR UPDATE OR DELETE ON honour_nominations
    FOR EACH ROW EXECUTE FUNCTION honours_in_step();
CREATE TRIGGER honour_scores_in_step BEFORE INSERT OR UPDATE OR DELETE ON honour_scores
    FOR EACH ROW EXECUTE FUNCTION honours_in_step();
