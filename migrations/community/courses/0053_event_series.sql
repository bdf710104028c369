-- Events repeat like sessions (issue 29: 达人服务日 on the 15th of each month) and may carry a
-- 人次 target (新华's 200余人次) that the cadence report checks.
ALTER TABLE events
    ADD COLUMN series_id uuid,
    ADD COLUMN attendance_target integer CHECK (attendance_target BETWEEN 1 AND 100000);
CREATE INDEX events_series ON events (series_id) WHERE series_id IS NOT NULL;
