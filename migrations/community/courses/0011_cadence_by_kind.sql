-- Cadence targets over quarters and years, counting sessions or events of a kind:
-- "季季有交流、年年有展演" is (quarter, exchange, 1) and (year, performance, 1).
ALTER TABLE cadence_targets DROP CONSTRAINT cadence_targets_period_check;
ALTER TABLE cadence_targets ADD CONSTRAINT cadence_targets_period
    CHECK (period IN ('week', 'month', 'quarter', 'year'));
ALTER TABLE cadence_targets ADD COLUMN counts text NOT NULL DEFAULT 'sessions'
    CHECK (counts IN ('sessions', 'events', 'activity', 'exchange', 'performance', 'market',
                      'service_day'));
