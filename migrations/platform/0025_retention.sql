-- How long each kind of record is kept (保存期限), set by the platform's administrators and
-- enforced by the worker (tenancy::retention). The audit log is kept at least six months
-- (网络安全法 art. 21: 4,392 hours).
CREATE TABLE platform.retention_periods (
    kind        text PRIMARY KEY CHECK (kind IN ('audit_log', 'login_throttle', 'phone_codes',
                    'request_keys', 'personal_exports')),
    keep_hours  integer NOT NULL CHECK (keep_hours BETWEEN 1 AND 87600),
    set_by      uuid REFERENCES platform.accounts (id),
    set_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT retention_audit_six_months CHECK (kind <> 'audit_log' OR keep_hours >= 4392)
);
INSERT INTO platform.retention_periods (kind, keep_hours) VALUES
    ('audit_log', 8784), ('login_throttle', 1), ('phone_codes', 24), ('request_keys', 720),
    ('personal_exports', 24);
-- Retention deletes the oldest entries of the log: found by time, not by community.
CREATE INDEX audit_log_at ON platform.audit_log (at);
