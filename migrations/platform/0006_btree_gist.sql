-- Exclusion constraints on (space, time range) need btree_gist for the equality part; it is a
-- trusted extension, so a database owner without superuser may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
