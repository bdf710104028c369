-- The local day (China Standard Time) of a moment, as every community schema has it
-- (`figure_day`, community migration 0030): the platform's reads use the same one function.
CREATE FUNCTION platform.figure_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
