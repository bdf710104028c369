-- Cadence targets for meetings (每周一碰头, 每月一例会, 每季一通报, 每年一评议): a kind of
-- meeting held at least so many times each week, month, quarter or year; the report counts
-- the periods that met it (每周碰头 held 50 of 52 weeks).
CREATE TABLE meeting_cadence_targets (
    kind      text PRIMARY KEY CHECK (kind IN ('consultation', 'courtyard_meeting', 'evening_talk',
                  'tripartite_weekly', 'tripartite_monthly', 'tripartite_quarterly',
                  'tripartite_yearly')),
    per       text NOT NULL CHECK (per IN ('week', 'month', 'quarter', 'year')),
    at_least  integer NOT NULL CHECK (at_least BETWEEN 1 AND 100),
    set_by    uuid NOT NULL,
    set_at    timestamptz NOT NULL DEFAULT now()
);
