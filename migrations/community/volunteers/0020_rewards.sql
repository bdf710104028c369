-- The reward catalogue (积分兑实物、积分兑服务) and redemptions paid through the ledger.

CREATE TABLE rewards (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    -- goods have a stock; a service does not run out
    kind        text NOT NULL CHECK (kind IN ('goods', 'service')),
    price       integer NOT NULL CHECK (price BETWEEN 1 AND 100000),
    stock       integer CONSTRAINT rewards_stock_never_negative CHECK (stock >= 0),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'goods') = (stock IS NOT NULL))
);

CREATE TABLE redemptions (
    id            uuid PRIMARY KEY,
    reward_id     uuid NOT NULL REFERENCES rewards (id),
    holder        uuid NOT NULL,
    quantity      integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    points        bigint NOT NULL CHECK (points > 0),
    status        text NOT NULL CHECK (status IN ('redeemed', 'cancelled')),
    -- the payment, and its reversal when cancelled
    transfer_id   uuid NOT NULL UNIQUE REFERENCES points_transfers (id),
    reversal_id   uuid UNIQUE REFERENCES points_transfers (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'cancelled') = (reversal_id IS NOT NULL))
);
CREATE INDEX redemptions_holder ON redemptions (holder, created_at);
