-- A PostgreSQL backend caches the catalog of every schema it touches and never gives it back;
-- with thousands of community schemas one pooled connection would end up holding them all.
-- The gateway asks, now and then as a connection returns to its pool, how much memory that
-- connection's backend holds, and closes it above a budget. Only the calling backend's own
-- figure is readable (the view itself is for superusers and pg_read_all_stats).
CREATE FUNCTION platform.backend_memory_bytes() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    RETURN (SELECT sum(total_bytes)::bigint FROM pg_backend_memory_contexts);
EXCEPTION WHEN insufficient_privilege THEN
    -- an administrative login that may not read the view: no figure, the lifetime still bounds
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION platform.backend_memory_bytes() FROM PUBLIC;
