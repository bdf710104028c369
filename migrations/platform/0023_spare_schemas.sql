-- Community schemas built ahead (备用), each with its role and every community migration up to
-- `schema_version`: onboarding takes one and gives it the new community's names instead of
-- building a schema while the officer waits. The worker keeps a few ready (see
-- `communities::spares`). Only the administrative login reads or writes this table.
CREATE TABLE platform.spare_schemas (
    schema_name       text PRIMARY KEY,
    role_name         text NOT NULL UNIQUE,
    schema_version    int NOT NULL,
    -- functions created with `SET search_path FROM CURRENT`: they hold the schema's name
    pinned_functions  text[] NOT NULL,
    built_at          timestamptz NOT NULL DEFAULT now()
);

-- Give a spare schema and its role a community's names. The pinned functions get the new
-- name as their search_path (found through pg_proc's name index, not by reading all of it).
-- At commit the worker hears that a spare was taken and builds another.
CREATE FUNCTION platform.name_spare_schema(
    spare text, spare_role text, schema text, role text, pinned text[]
) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    f regprocedure;
    n int := 0;
BEGIN
    EXECUTE format('ALTER SCHEMA %I RENAME TO %I', spare, schema);
    EXECUTE format('ALTER ROLE %I RENAME TO %I', spare_role, role);
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
              WHERE p.proname = ANY (pinned)
                AND p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = schema)
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, schema);
        n := n + 1;
    END LOOP;
    PERFORM pg_notify('linli_spares', '');
    RETURN n;
END $$;
REVOKE ALL ON FUNCTION platform.name_spare_schema(text, text, text, text, text[]) FROM PUBLIC;
