-- The resident registry (居民名册): staff and grid workers enter residents who have no account
-- (入户摸底), with their courtyard or grid and a phone number kept encrypted, found again by
-- its lookup hash; a resident later links their own account to the record.
ALTER TABLE learners
    ADD COLUMN courtyard_id     uuid REFERENCES courtyards (id),
    ADD COLUMN phone_encrypted  text,
    -- HMAC of the normalised number: equality search without the plaintext
    ADD COLUMN phone_lookup     text,
    -- the staff member or grid worker who entered the record (NULL: the resident or guardian)
    ADD COLUMN registered_by    uuid;
ALTER TABLE learners DROP CONSTRAINT learners_check;
ALTER TABLE learners ADD CONSTRAINT learners_owner
    CHECK (account_id IS NOT NULL OR guardian_account_id IS NOT NULL OR registered_by IS NOT NULL);
-- One record per phone number in a community: an import run twice finds the first.
CREATE UNIQUE INDEX learners_phone ON learners (phone_lookup) WHERE phone_lookup IS NOT NULL;
CREATE INDEX learners_courtyard ON learners (courtyard_id);
