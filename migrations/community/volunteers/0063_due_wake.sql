-- Points expiry: its setting and every credit (see 0060).
CREATE TRIGGER due_wake AFTER UPDATE ON points_settings
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT ON points_transfers
    FOR EACH ROW EXECUTE FUNCTION due_wake();
