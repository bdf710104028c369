-- No-shows (bookings and their grace), the day's open minutes (a space), the farm's round
-- (seasons, claims, duties) (see 0060).
CREATE TRIGGER due_wake AFTER INSERT OR UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER UPDATE ON booking_settings
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT ON spaces
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT OR UPDATE ON farm_seasons
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT OR UPDATE ON plot_claims
    FOR EACH ROW EXECUTE FUNCTION due_wake();
CREATE TRIGGER due_wake AFTER INSERT ON plot_duties
    FOR EACH ROW EXECUTE FUNCTION due_wake();
