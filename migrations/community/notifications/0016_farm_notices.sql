-- The farm tells its tenders: a neglected plot is warned before it is released, and a plot
-- freed for the waiting list goes to the first waiting.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind CHECK (kind IN (
    'waitlist_promoted', 'session_cancelled', 'session_moved', 'session_reminder',
    'consent_requested', 'plot_warning', 'plot_assigned'));
