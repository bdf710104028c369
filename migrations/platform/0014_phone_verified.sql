-- Whether an account's phone number is known to be its holder's: entered by an administrator
-- who created the account (or, later, confirmed by a code sent to it), never one typed at a
-- self-registration. Linking an account to a registry record by phone number trusts only a
-- verified one (courses::registry::service::link_my_record); anything else waits for staff.
ALTER TABLE platform.accounts ADD COLUMN phone_verified boolean NOT NULL DEFAULT false;
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_phone_verified
    CHECK (NOT phone_verified OR phone_lookup IS NOT NULL);
-- Accounts made before: those an administrator made (partner organisations' people made
-- their own).
UPDATE platform.accounts a SET phone_verified = true
 WHERE phone_lookup IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM platform.organisation_members m WHERE m.account_id = a.id);
