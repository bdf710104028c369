-- An account erased (注销, PIPL art. 47): its name, login, phone and password are gone and it
-- never signs in again; the row stays, nameless, so the ledger's transfers, the audit log and
-- the communities' records keep pointing at one (anonymous) holder.
ALTER TABLE platform.accounts ADD COLUMN erased_at timestamptz;
ALTER TABLE platform.accounts ADD CONSTRAINT accounts_erased_inactive
    CHECK (erased_at IS NULL OR NOT active);
