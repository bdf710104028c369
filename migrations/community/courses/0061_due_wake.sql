-- Tomorrow's reminders: a session scheduled, moved or cancelled, an enrolment (see 0060).
CREATE TRIGGER due_wake AFTER INSERT OR UPDATE OR DELETE ON course_sessions
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT OR UPDATE ON enrolments
    FOR EACH ROW EXECUTE FUNCTION due_wake();
