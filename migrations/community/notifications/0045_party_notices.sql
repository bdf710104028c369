-- The community writes to every party member reported in (双报到).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind CHECK (kind IN (
    'waitlist_promoted', 'session_cancelled', 'session_moved', 'session_reminder',
    'consent_requested', 'plot_warning', 'plot_assigned', 'party_notice'));
