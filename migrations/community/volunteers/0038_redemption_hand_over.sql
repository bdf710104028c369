-- A redemption is handed over at the counter (staff, or by scanning its code): before that its
-- holder may cancel it (points and stock come back); after it only staff may, as a correction
-- with its reason recorded (the points come back; the goods left the shelf). Redeem, collect,
-- cancel, repeat is no longer possible.
ALTER TABLE redemptions
    ADD COLUMN handed_over_at timestamptz,
    ADD COLUMN handed_over_by uuid,
    ADD COLUMN cancelled_by uuid,
    ADD COLUMN cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 200);
ALTER TABLE redemptions DROP CONSTRAINT redemptions_status_check;
ALTER TABLE redemptions ADD CONSTRAINT redemptions_status_check
    CHECK (status IN ('redeemed', 'handed_over', 'cancelled'));
ALTER TABLE redemptions ADD CONSTRAINT redemptions_handed_over
    CHECK ((status = 'handed_over') <= (handed_over_at IS NOT NULL AND handed_over_by IS NOT NULL));
-- Once handed over, a cancellation is staff's correction: never the holder's, always with a
-- reason.
ALTER TABLE redemptions ADD CONSTRAINT redemptions_correction CHECK (
    status <> 'cancelled' OR handed_over_at IS NULL
    OR (cancel_reason IS NOT NULL AND cancelled_by IS DISTINCT FROM holder)
);

-- Only forward: redeemed → handed over → cancelled (a correction), or redeemed → cancelled.
CREATE FUNCTION redemptions_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'cancelled' OR (OLD.status = 'handed_over' AND NEW.status = 'redeemed')
       OR (OLD.handed_over_at IS NOT NULL AND NEW.handed_over_at IS DISTINCT FROM OLD.handed_over_at) THEN
        RAISE EXCEPTION 'a redemption only moves forward'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'redemptions_forward';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER redemptions_forward BEFORE UPDATE ON redemptions
    FOR EACH ROW EXECUTE FUNCTION redemptions_forward();
