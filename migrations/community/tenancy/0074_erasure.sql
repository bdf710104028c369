-- Erasure that keeps the books (PIPL art. 47; tenancy::privacy). An erasure rewrites a
-- person's marked columns (`personal:<category>`) inside one transaction that says so with the
-- transaction-local setting `linli.erasure`. The guards that keep a closed record closed
-- (a follow-up closed once, a report ended once, …) step aside for that transaction only, and
-- `erasure_keeps_the_books` stands in their place: an erasure may change a row's personal
-- columns and nothing else, so no status, amount, time or link moves and no figure with them.

CREATE FUNCTION erasing() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('linli.erasure', true), '') = 'on'
$$;

CREATE FUNCTION erasure_keeps_the_books() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    personal text[];
    changed text;
BEGIN
    SELECT coalesce(array_agg(a.attname::text), '{}') INTO personal
      FROM pg_attribute a
      JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass
                           AND d.objsubid = a.attnum
     WHERE a.attrelid = TG_RELID AND d.description LIKE 'personal:%'
       AND d.description NOT LIKE 'personal:subject:%'
       AND d.description NOT LIKE 'personal:carer:%';
    SELECT string_agg(o.key, ', ') INTO changed
      FROM jsonb_each(to_jsonb(OLD)) o JOIN jsonb_each(to_jsonb(NEW)) n ON n.key = o.key
     WHERE o.value IS DISTINCT FROM n.value AND o.key <> ALL (personal || '{erased_at}');
    IF changed IS NOT NULL THEN
        RAISE EXCEPTION 'an erasure changes personal columns only, not %', changed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'erasure_keeps_the_books';
    END IF;
    RETURN NEW;
END $$;

-- Free text inside a JSON document (survey answers: {"q": {"text": "…"}}; a nomination's
-- record): every string goes, the shape and the numbers (choices) stay.
CREATE FUNCTION erase_strings(doc jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(doc)
        WHEN 'string' THEN to_jsonb('（已注销）'::text)
        WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(key, erase_strings(value)), '{}')
                              FROM jsonb_each(doc))
        WHEN 'array' THEN (SELECT coalesce(jsonb_agg(erase_strings(value) ORDER BY n), '[]')
                             FROM jsonb_array_elements(doc) WITH ORDINALITY AS e (value, n))
        ELSE doc END
$$;
