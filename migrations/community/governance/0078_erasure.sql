-- The guards that keep a record closed once closed step aside for an erasure's transaction
-- (tenancy's 0074), and `erasure_keeps_the_books` holds that only personal columns change.
DROP TRIGGER fund_requests_decided_once ON fund_requests;
CREATE TRIGGER fund_requests_decided_once BEFORE UPDATE ON fund_requests
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION fund_requests_decided_once();
CREATE TRIGGER fund_requests_erasure BEFORE UPDATE ON fund_requests
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

DROP TRIGGER post_claims_end_once ON post_claims;
CREATE TRIGGER post_claims_end_once BEFORE UPDATE ON post_claims
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION post_claims_end_once();
CREATE TRIGGER post_claims_erasure BEFORE UPDATE ON post_claims
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

DROP TRIGGER follow_ups_close_once ON follow_ups;
CREATE TRIGGER follow_ups_close_once BEFORE UPDATE ON follow_ups
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION follow_ups_close_once();
CREATE TRIGGER follow_ups_erasure BEFORE UPDATE ON follow_ups
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

DROP TRIGGER patrols_rules ON patrols;
CREATE TRIGGER patrols_rules BEFORE INSERT ON patrols
    FOR EACH ROW EXECUTE FUNCTION patrols_rules();
CREATE TRIGGER patrols_rules_update BEFORE UPDATE ON patrols
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION patrols_rules();
CREATE TRIGGER patrols_erasure BEFORE UPDATE ON patrols
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

DROP TRIGGER party_reports_end_once ON party_reports;
CREATE TRIGGER party_reports_end_once BEFORE UPDATE ON party_reports
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION party_reports_end_once();
CREATE TRIGGER party_reports_erasure BEFORE UPDATE ON party_reports
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

DROP TRIGGER honour_nominations_in_step ON honour_nominations;
CREATE TRIGGER honour_nominations_in_step BEFORE INSERT OR DELETE ON honour_nominations
    FOR EACH ROW EXECUTE FUNCTION honours_in_step();
CREATE TRIGGER honour_nominations_in_step_update BEFORE UPDATE ON honour_nominations
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION honours_in_step();
CREATE TRIGGER honour_nominations_erasure BEFORE UPDATE ON honour_nominations
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();

-- A follow-up's owner is a person (staff, a grid worker) unless it is a partner team; their
-- name is on the row.
COMMENT ON COLUMN follow_ups.owner_id IS 'personal:subject:account';
