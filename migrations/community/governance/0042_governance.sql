-- Co-governance (共治) the seed communities run: money funds apart from points (东环路's
-- 院落改造微基金, 白莲's 共享基金, 博园's charity sale), micro-grids whose posts party members
-- and volunteers claim (博园's 红色管家, 楼栋长), and meetings (协商, 坝坝会, 院落夜话, the 三方
-- 周碰头 …) whose decisions become follow-ups with an owner and a due date.

-- A fund in 分 (integers: no float ever holds money). Its balance moves only with its
-- movements, and never goes below zero.
CREATE TABLE funds (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    purpose     text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    balance_fen bigint NOT NULL DEFAULT 0,
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT funds_never_negative CHECK (balance_fen >= 0)
);

-- A spending request: what for and how much; staff other than the asker approve (it is paid
-- at once, or refused while the fund cannot pay) or decline it with a reason.
CREATE TABLE fund_requests (
    id             uuid PRIMARY KEY,
    fund_id        uuid NOT NULL REFERENCES funds (id),
    purpose        text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    amount_fen     bigint NOT NULL CHECK (amount_fen BETWEEN 1 AND 1000000000),
    requested_by   uuid NOT NULL,
    requester_name text NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 50),
    requested_at   timestamptz NOT NULL DEFAULT now(),
    status         text NOT NULL DEFAULT 'requested'
                   CHECK (status IN ('requested', 'paid', 'declined')),
    decided_by     uuid,
    decided_at     timestamptz,
    decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 200),
    CONSTRAINT fund_requests_decided CHECK ((status = 'requested') = (decided_at IS NULL)
                                            AND (decided_at IS NULL) = (decided_by IS NULL)),
    CONSTRAINT fund_requests_declined CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
    -- 四眼: nobody approves or declines their own request.
    CONSTRAINT fund_requests_four_eyes CHECK (decided_by IS DISTINCT FROM requested_by)
);
CREATE INDEX fund_requests_fund ON fund_requests (fund_id, requested_at);

-- A request is decided once.
CREATE FUNCTION fund_requests_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'requested' THEN
        RAISE EXCEPTION 'a fund request is decided once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'fund_requests_decided_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER fund_requests_decided_once BEFORE UPDATE ON fund_requests
    FOR EACH ROW EXECUTE FUNCTION fund_requests_decided_once();

-- Every movement of money: income (a donation, a sale's takings, a grant from the 街道) is
-- positive, a spending (an approved request, paid once) negative, a reversal the exact opposite
-- of one earlier movement (once). Movements are never edited or deleted.
CREATE TABLE fund_movements (
    id           uuid PRIMARY KEY,
    fund_id      uuid NOT NULL REFERENCES funds (id),
    kind         text NOT NULL CHECK (kind IN ('donation', 'sale', 'grant', 'spending', 'reversal')),
    amount_fen   bigint NOT NULL CHECK (amount_fen <> 0 AND abs(amount_fen) <= 1000000000),
    purpose      text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    -- The donor, buyer or payee as the public statement names them; NULL: 匿名. Never a phone.
    counterparty text CHECK (length(counterparty) BETWEEN 1 AND 50),
    request_id   uuid UNIQUE REFERENCES fund_requests (id),
    reverses     uuid UNIQUE REFERENCES fund_movements (id),
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fund_movements_sign CHECK (
        CASE kind WHEN 'spending' THEN amount_fen < 0 AND request_id IS NOT NULL
                  WHEN 'reversal' THEN reverses IS NOT NULL
                  ELSE amount_fen > 0 END),
    CHECK ((kind = 'reversal') = (reverses IS NOT NULL)),
    CHECK (kind = 'spending' OR request_id IS NULL)
);
CREATE INDEX fund_movements_fund ON fund_movements (fund_id, recorded_at);

CREATE FUNCTION fund_movements_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fund movements are immutable; reverse one instead'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'fund_movements_immutable';
END $$;
CREATE TRIGGER fund_movements_immutable BEFORE UPDATE OR DELETE ON fund_movements
    FOR EACH ROW EXECUTE FUNCTION fund_movements_immutable();
CREATE TRIGGER fund_movements_no_truncate BEFORE TRUNCATE ON fund_movements
    FOR EACH STATEMENT EXECUTE FUNCTION fund_movements_immutable();

-- A reversal is the exact opposite of a movement of the same fund that is not itself a
-- reversal; then the balance moves (the CHECK above refuses it below zero) and the figures.
CREATE FUNCTION fund_movements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    orig fund_movements;
BEGIN
    IF NEW.kind = 'reversal' THEN
        SELECT * INTO orig FROM fund_movements WHERE id = NEW.reverses;
        IF orig.fund_id <> NEW.fund_id OR orig.kind = 'reversal' OR orig.amount_fen <> -NEW.amount_fen THEN
            RAISE EXCEPTION 'a reversal is the exact opposite of one movement of its fund'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'fund_movements_reversal';
        END IF;
    END IF;
    UPDATE funds SET balance_fen = balance_fen + NEW.amount_fen WHERE id = NEW.fund_id;
    IF NEW.kind = 'reversal' THEN
        PERFORM figure_event(CASE WHEN orig.kind = 'spending' THEN 'governance.fund_spending'
                                  ELSE 'governance.fund_income' END,
                             figure_day(NEW.recorded_at), -(abs(orig.amount_fen) / 100));
    ELSE
        PERFORM figure_event(CASE WHEN NEW.kind = 'spending' THEN 'governance.fund_spending'
                                  ELSE 'governance.fund_income' END,
                             figure_day(NEW.recorded_at), abs(NEW.amount_fen) / 100);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER fund_movements_apply AFTER INSERT ON fund_movements
    FOR EACH ROW EXECUTE FUNCTION fund_movements_apply();

-- The balance is the movements' sum: nothing else writes it.
CREATE FUNCTION funds_balance_by_movements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.balance_fen IS DISTINCT FROM OLD.balance_fen AND pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'a fund''s balance moves only with its movements'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'funds_balance_by_movements';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER funds_balance_by_movements BEFORE UPDATE ON funds
    FOR EACH ROW EXECUTE FUNCTION funds_balance_by_movements();

-- 微网格: a grid (网格, a courtyard row of kind 'grid') holds micro-grids; a micro-grid has
-- posts (楼栋长, 红色管家, 安全员 …).
CREATE TABLE micro_grids (
    id      uuid PRIMARY KEY,
    grid_id uuid NOT NULL REFERENCES courtyards (id),
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    UNIQUE (grid_id, name)
);
-- A micro-grid lies inside a grid, never inside a courtyard.
CREATE FUNCTION micro_grids_in_a_grid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM courtyards WHERE id = NEW.grid_id AND kind <> 'grid') THEN
        RAISE EXCEPTION 'a micro-grid lies inside a grid'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'micro_grids_in_a_grid';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER micro_grids_in_a_grid BEFORE INSERT OR UPDATE ON micro_grids
    FOR EACH ROW EXECUTE FUNCTION micro_grids_in_a_grid();
CREATE TABLE grid_posts (
    id            uuid PRIMARY KEY,
    micro_grid_id uuid NOT NULL REFERENCES micro_grids (id),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 30),
    duties        text NOT NULL DEFAULT '' CHECK (length(duties) <= 200),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grid_posts_micro_grid ON grid_posts (micro_grid_id);

-- 认领: who holds a post, from when until they hand it back. At most one holder at a time.
CREATE TABLE post_claims (
    id             uuid PRIMARY KEY,
    post_id        uuid NOT NULL REFERENCES grid_posts (id),
    account_id     uuid NOT NULL,
    holder_name    text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 50),
    party_member   boolean NOT NULL,
    claimed_at     timestamptz NOT NULL DEFAULT now(),
    handed_back_at timestamptz,
    CHECK (handed_back_at IS NULL OR handed_back_at >= claimed_at)
);
CREATE UNIQUE INDEX post_claims_one_holder ON post_claims (post_id) WHERE handed_back_at IS NULL;
CREATE INDEX post_claims_account ON post_claims (account_id) WHERE handed_back_at IS NULL;

-- A claim ends once (handed back) and is otherwise never changed.
CREATE FUNCTION post_claims_end_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.handed_back_at IS NOT NULL OR NEW.post_id <> OLD.post_id
       OR NEW.account_id <> OLD.account_id OR NEW.claimed_at <> OLD.claimed_at THEN
        RAISE EXCEPTION 'a claim only ends, once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'post_claims_end_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER post_claims_end_once BEFORE UPDATE ON post_claims
    FOR EACH ROW EXECUTE FUNCTION post_claims_end_once();
CREATE FUNCTION post_claims_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('governance.posts_claimed', figure_day(NEW.claimed_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER post_claims_figure AFTER INSERT ON post_claims
    FOR EACH ROW EXECUTE FUNCTION post_claims_figure();

-- Meetings (会议与协商): kind, time, place, the courtyard it concerns (if one), topics and
-- minutes; who attended, by role and organisation.
CREATE TABLE meetings (
    id           uuid PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('consultation', 'courtyard_meeting', 'evening_talk',
                     'tripartite_weekly', 'tripartite_monthly', 'tripartite_quarterly',
                     'tripartite_yearly')),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    held_at      timestamptz NOT NULL,
    place        text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
    courtyard_id uuid REFERENCES courtyards (id),
    topics       text[] NOT NULL CHECK (cardinality(topics) BETWEEN 1 AND 20),
    minutes      text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_held ON meetings (held_at);
CREATE TABLE meeting_attendees (
    meeting_id   uuid NOT NULL REFERENCES meetings (id),
    role         text NOT NULL CHECK (role IN ('party_organisation', 'property_company',
                     'owners_committee', 'residents', 'staff', 'grid_workers', 'partner', 'other')),
    organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 100),
    people       integer NOT NULL CHECK (people BETWEEN 1 AND 10000),
    PRIMARY KEY (meeting_id, role, organisation)
);
CREATE FUNCTION meetings_figure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM figure_event('governance.meetings', figure_day(NEW.held_at), 1);
    PERFORM figure_event('governance.meetings_' || NEW.kind, figure_day(NEW.held_at), 1);
    RETURN NULL;
END $$;
CREATE TRIGGER meetings_figure AFTER INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_figure();

-- A decision becomes a follow-up (跟进事项) with an owner — staff, a grid worker (accounts) or
-- a partner team — and a due date, open until done or dropped with a reason, once.
CREATE TABLE follow_ups (
    id           uuid PRIMARY KEY,
    meeting_id   uuid NOT NULL REFERENCES meetings (id),
    decision     text NOT NULL CHECK (length(decision) BETWEEN 1 AND 500),
    owner_kind   text NOT NULL CHECK (owner_kind IN ('staff', 'grid_worker', 'team')),
    owner_id     uuid NOT NULL,
    owner_name   text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 50),
    courtyard_id uuid REFERENCES courtyards (id),
    due_on       date NOT NULL,
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_at    timestamptz,
    closed_by    uuid,
    drop_reason  text CHECK (length(drop_reason) BETWEEN 1 AND 200),
    CONSTRAINT follow_ups_closed CHECK ((status = 'open') = (closed_at IS NULL)
                                        AND (closed_at IS NULL) = (closed_by IS NULL)),
    CONSTRAINT follow_ups_drop_reason CHECK ((status = 'dropped') = (drop_reason IS NOT NULL))
);
CREATE INDEX follow_ups_meeting ON follow_ups (meeting_id);
CREATE INDEX follow_ups_open ON follow_ups (due_on) WHERE status = 'open';

CREATE FUNCTION follow_ups_close_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'open' THEN
        RAISE EXCEPTION 'a follow-up closes once'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'follow_ups_close_once';
    END IF;
    IF NEW.status = 'done' THEN
        PERFORM figure_event('governance.follow_ups_done', figure_day(NEW.closed_at), 1);
        IF figure_day(NEW.closed_at) <= NEW.due_on THEN
            PERFORM figure_event('governance.follow_ups_on_time', figure_day(NEW.closed_at), 1);
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER follow_ups_close_once BEFORE UPDATE ON follow_ups
    FOR EACH ROW EXECUTE FUNCTION follow_ups_close_once();
