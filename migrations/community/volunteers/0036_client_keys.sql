-- A client's idempotency key lives in its sender's namespace (`c:<account>:<key>`, see
-- volunteers::ledger::model::IdempotencyKey): it can never equal another sender's key nor a
-- key the system derives (`booking:<id>`, `refund:<id>`, `hours:<id>`, `expiry-<day>:<id>`),
-- which a member could otherwise take first and so block a refund or a payment.
ALTER TABLE points_transfers DROP CONSTRAINT points_transfers_key_check;
ALTER TABLE points_transfers ADD CONSTRAINT points_transfers_key_check
    CHECK (length(key) BETWEEN 8 AND 140);
-- A key is a client's (naming the account that made the transfer) or a derived one. Keys
-- written before this rule are left as they are (NOT VALID: new rows only).
ALTER TABLE points_transfers ADD CONSTRAINT points_transfers_key_namespace CHECK (
    CASE WHEN key LIKE 'c:%' THEN key LIKE 'c:' || created_by::text || ':%'
         ELSE key ~ '^[a-z0-9-]+:[0-9a-f-]{36}$' AND key NOT LIKE 'c:%' END
) NOT VALID;
