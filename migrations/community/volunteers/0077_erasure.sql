-- An erasure waits for a redemption not yet handed over (its points are paid, its goods wait
-- at the counter): the person collects or cancels it first. The table is locked against new
-- redemptions for the erasing transaction.
CREATE FUNCTION erasure_blockers_volunteers(account uuid)
RETURNS TABLE (reason text, count bigint) LANGUAGE plpgsql AS $$
BEGIN
    IF erasing() THEN
        LOCK TABLE redemptions IN SHARE ROW EXCLUSIVE MODE;
    END IF;
    RETURN QUERY
    SELECT 'redemption_unreturned', count(*) FROM redemptions
     WHERE holder = account AND status = 'redeemed'
    HAVING count(*) > 0;
END $$;

-- A cancelled redemption's reason is rewritten by an erasure only (its guard steps aside).
DROP TRIGGER redemptions_forward ON redemptions;
CREATE TRIGGER redemptions_forward BEFORE UPDATE ON redemptions
    FOR EACH ROW WHEN (NOT erasing()) EXECUTE FUNCTION redemptions_forward();
CREATE TRIGGER redemptions_erasure BEFORE UPDATE ON redemptions
    FOR EACH ROW WHEN (erasing()) EXECUTE FUNCTION erasure_keeps_the_books();
