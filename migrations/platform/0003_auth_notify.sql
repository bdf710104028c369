-- Gateways cache principals and communities in memory; every change that could alter who may
-- do what tells them at commit (NOTIFY is transactional), so a revoked role, a deactivated
-- account or a suspended community is refused on every gateway at once.
CREATE FUNCTION platform.notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'communities' THEN
        PERFORM pg_notify('linli_auth', 'community:' || coalesce(NEW.slug, OLD.slug));
    ELSIF TG_TABLE_NAME = 'accounts' THEN
        PERFORM pg_notify('linli_auth', 'account:' || coalesce(NEW.id, OLD.id)::text);
    ELSE
        PERFORM pg_notify('linli_auth', 'account:' || coalesce(NEW.account_id, OLD.account_id)::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_notify_auth AFTER UPDATE ON platform.accounts
    FOR EACH ROW EXECUTE FUNCTION platform.notify_auth();
CREATE TRIGGER memberships_notify_auth AFTER INSERT OR UPDATE OR DELETE ON platform.memberships
    FOR EACH ROW EXECUTE FUNCTION platform.notify_auth();
CREATE TRIGGER communities_notify_auth AFTER UPDATE ON platform.communities
    FOR EACH ROW EXECUTE FUNCTION platform.notify_auth();
