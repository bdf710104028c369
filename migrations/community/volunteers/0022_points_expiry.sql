-- Optional expiry of points by age: points a person or card has held longer than this many
-- days (oldest spent first) are burned by the worker; NULL keeps points for good.
ALTER TABLE points_settings
    ADD COLUMN expiry_days integer CHECK (expiry_days BETWEEN 30 AND 3650);
