-- The time bank's points ledger (积分账本): double entry, append-only, idempotent, never
-- negative. Every movement is one transfer between two accounts; balances are kept by a
-- trigger on the transfers and checked by PostgreSQL, and can be recounted from them.

CREATE TABLE points_accounts (
    id               uuid PRIMARY KEY,
    -- person: a resident's (platform account); collective: a card (单位卡, 企业卡, 院落集体卡);
    -- fund: the community fund (社区积分池); issuance / burned: where points come from and go
    -- to, the two ends of the books (never bounded, never stored: recounted when asked)
    kind             text NOT NULL CHECK (kind IN ('person', 'collective', 'fund', 'issuance', 'burned')),
    holder           uuid,
    collective_kind  text CHECK (collective_kind IN ('party_unit', 'enterprise', 'courtyard')),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    balance          bigint NOT NULL DEFAULT 0,
    -- A hot account (the fund) takes credits as pending rows instead of updating its own row,
    -- so a thousand redemptions do not queue on one row lock; a debit folds them in first.
    hot              boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT points_accounts_never_negative CHECK (balance >= 0),
    CHECK ((kind = 'person') = (holder IS NOT NULL)),
    CHECK ((kind = 'collective') = (collective_kind IS NOT NULL))
);
CREATE UNIQUE INDEX points_accounts_person ON points_accounts (holder) WHERE kind = 'person';
CREATE UNIQUE INDEX points_accounts_system ON points_accounts (kind)
    WHERE kind IN ('fund', 'issuance', 'burned');
CREATE UNIQUE INDEX points_accounts_collective_name ON points_accounts (name)
    WHERE kind = 'collective';

INSERT INTO points_accounts (id, kind, name, hot) VALUES
    ('00000000-0000-0000-0000-000000000001', 'issuance', '积分发放', false),
    ('00000000-0000-0000-0000-000000000002', 'burned', '积分核销', false),
    ('00000000-0000-0000-0000-000000000003', 'fund', '社区积分池', true);

-- Members of a collective card: their hours may be credited to the card, attributed to them.
CREATE TABLE collective_members (
    account_id  uuid NOT NULL REFERENCES points_accounts (id),
    member      uuid NOT NULL,
    PRIMARY KEY (account_id, member)
);
CREATE INDEX collective_members_member ON collective_members (member);

CREATE TABLE points_transfers (
    id             uuid PRIMARY KEY,
    -- the client's idempotency key: a replay returns this transfer and moves nothing
    key            text NOT NULL UNIQUE CHECK (length(key) BETWEEN 8 AND 100),
    -- what the key was used for: the same key with other content is refused
    fingerprint    text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('grant', 'earn', 'redeem', 'transfer',
                       'booking', 'reversal', 'burn')),
    from_account   uuid NOT NULL REFERENCES points_accounts (id),
    to_account     uuid NOT NULL REFERENCES points_accounts (id),
    amount         bigint NOT NULL CHECK (amount > 0),
    -- a credit to a collective card earned by one of its members
    attributed_to  uuid,
    -- a correction names the transfer it reverses, and a transfer is reversed at most once
    reverses       uuid UNIQUE REFERENCES points_transfers (id),
    -- what it is for: hours:<id>, booking:<id>, redemption:<id> …
    reference      text CHECK (length(reference) <= 100),
    memo           text CHECK (length(memo) <= 200),
    created_by     uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (from_account <> to_account),
    CHECK ((kind = 'reversal') = (reverses IS NOT NULL))
);
CREATE INDEX points_transfers_from ON points_transfers (from_account, created_at);
CREATE INDEX points_transfers_to ON points_transfers (to_account, created_at);
CREATE INDEX points_transfers_reference ON points_transfers (reference) WHERE reference IS NOT NULL;

-- Credits to hot accounts not yet folded into their balance.
CREATE TABLE points_pending_credits (
    transfer_id  uuid PRIMARY KEY REFERENCES points_transfers (id),
    account_id   uuid NOT NULL REFERENCES points_accounts (id),
    amount       bigint NOT NULL CHECK (amount > 0)
);
CREATE INDEX points_pending_credits_account ON points_pending_credits (account_id);

-- Transfers are immutable: a correction is a reversal.
CREATE FUNCTION points_transfers_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'points transfers are immutable; reverse one instead'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER points_transfers_immutable BEFORE UPDATE OR DELETE ON points_transfers
    FOR EACH ROW EXECUTE FUNCTION points_transfers_immutable();
CREATE TRIGGER points_transfers_no_truncate BEFORE TRUNCATE ON points_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION points_transfers_immutable();

-- Fold a hot account's pending credits into its balance. Credits of transactions still in
-- flight are not visible and stay pending for the next fold: none is lost or counted twice.
CREATE FUNCTION points_fold(account uuid) RETURNS void LANGUAGE sql AS $$
    WITH moved AS (
        DELETE FROM points_pending_credits WHERE account_id = account RETURNING amount
    )
    UPDATE points_accounts SET balance = balance + (SELECT coalesce(sum(amount), 0) FROM moved)
     WHERE id = account;
$$;

-- Apply a transfer to the balances: the debit (refused by the CHECK when it would go below
-- zero), then the credit. The two ends of the books keep no balance.
CREATE FUNCTION points_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src points_accounts; dst points_accounts;
BEGIN
    SELECT * INTO src FROM points_accounts WHERE id = NEW.from_account;
    SELECT * INTO dst FROM points_accounts WHERE id = NEW.to_account;
    IF src.kind NOT IN ('issuance', 'burned') THEN
        IF src.hot THEN
            PERFORM points_fold(src.id);
        END IF;
        UPDATE points_accounts SET balance = balance - NEW.amount WHERE id = src.id;
    END IF;
    IF dst.kind IN ('issuance', 'burned') THEN
        NULL;
    ELSIF dst.hot THEN
        INSERT INTO points_pending_credits (transfer_id, account_id, amount)
        VALUES (NEW.id, dst.id, NEW.amount);
    ELSE
        UPDATE points_accounts SET balance = balance + NEW.amount WHERE id = dst.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER points_transfers_apply AFTER INSERT ON points_transfers
    FOR EACH ROW EXECUTE FUNCTION points_apply();

-- The community's limits on points passed between residents (积分流转): one row.
CREATE TABLE points_settings (
    only_row          boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    max_per_transfer  integer NOT NULL DEFAULT 200 CHECK (max_per_transfer BETWEEN 1 AND 1000000),
    max_per_month     integer NOT NULL DEFAULT 500 CHECK (max_per_month BETWEEN 1 AND 10000000)
);
INSERT INTO points_settings DEFAULT VALUES;
