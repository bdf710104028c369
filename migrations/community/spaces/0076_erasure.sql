-- An erasure waits for a booking in progress or to come (its slot, its price, the door's
-- check-in are still open): the person cancels it or lets it end first. The table is locked
-- against new bookings for the erasing transaction, so none slips in between the check and
-- the erasure.
CREATE FUNCTION erasure_blockers_spaces(account uuid)
RETURNS TABLE (reason text, count bigint) LANGUAGE plpgsql AS $$
BEGIN
    IF erasing() THEN
        LOCK TABLE bookings IN SHARE ROW EXCLUSIVE MODE;
    END IF;
    RETURN QUERY
    SELECT 'booking_open', count(*) FROM bookings
     WHERE booked_by = account AND booker_kind = 'person'
       AND status IN ('requested', 'approved') AND ends_at > now()
    HAVING count(*) > 0;
END $$;

-- A farm plot held (its duties go on) is handed back first.
CREATE FUNCTION erasure_blockers_farm(account uuid)
RETURNS TABLE (reason text, count bigint) LANGUAGE sql STABLE AS $$
    SELECT 'plot_held', count(*) FROM plot_claims
     WHERE account_id = account AND status = 'active'
    HAVING count(*) > 0
$$;
