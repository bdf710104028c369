-- 双报到 as it is: an employed party member (在职党员) reports in to the community they live in —
-- their workplace (the partner organisation it is, when it is one) and its party organisation,
-- their skills, the services they choose — and their verified volunteer hours count for their
-- workplace. A report is ended, never deleted; one open report per person.
CREATE TABLE party_reports (
    id                 uuid PRIMARY KEY,
    account_id         uuid NOT NULL,
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    workplace          text NOT NULL CHECK (length(workplace) BETWEEN 1 AND 100),
    -- platform.organisations (a partner), when the workplace is one
    organisation_id    uuid,
    party_organisation text NOT NULL CHECK (length(party_organisation) BETWEEN 1 AND 100),
    skills             text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 20),
    services           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(services) <= 20),
    reported_at        timestamptz NOT NULL DEFAULT now(),
    ended_at           timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= reported_at)
);
CREATE UNIQUE INDEX party_reports_open ON party_reports (account_id) WHERE ended_at IS NULL;

CREATE FUNCTION party_reports_end_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL OR NEW.account_id <> OLD.account_id
       OR NEW.reported_at <> OLD.reported_at THEN
        RAISE EXCEPTION 'a report is ended once and its person never changes'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'party_reports_end_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER party_reports_end_once BEFORE UPDATE ON party_reports
    FOR EACH ROW EXECUTE FUNCTION party_reports_end_once();
CREATE FUNCTION party_reports_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('governance.party_reported', figure_day(NEW.reported_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER party_reports_figure AFTER INSERT ON party_reports
    FOR EACH ROW EXECUTE FUNCTION party_reports_figure();

-- 意见建议: a resident's suggestion raised at a meeting enters as a demand linked to it.
CREATE TABLE meeting_suggestions (
    meeting_id  uuid NOT NULL REFERENCES meetings (id),
    demand_id   uuid NOT NULL UNIQUE REFERENCES demands (id),
    PRIMARY KEY (meeting_id, demand_id)
);
