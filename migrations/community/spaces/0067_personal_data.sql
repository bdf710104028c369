-- Personal data of shared spaces and the farm (see courses' 0066 for the marks).
COMMENT ON COLUMN bookings.booked_by IS 'personal:subject:account';
COMMENT ON COLUMN bookings.purpose IS 'personal:text';
COMMENT ON COLUMN space_slots.booking_id IS 'personal:subject:bookings';
COMMENT ON COLUMN booking_suspensions.account_id IS 'personal:subject:account';
COMMENT ON COLUMN booking_suspensions.reason IS 'personal:text';
COMMENT ON COLUMN calendar_feeds.account_id IS 'personal:subject:account';
COMMENT ON COLUMN plot_claims.account_id IS 'personal:subject:account';
COMMENT ON COLUMN plot_waitlist.account_id IS 'personal:subject:account';
COMMENT ON COLUMN plot_duties.claim_id IS 'personal:subject:plot_claims';
COMMENT ON COLUMN plot_duties.note IS 'personal:text';
COMMENT ON COLUMN plot_duties.photo_key IS 'personal:photo';
COMMENT ON COLUMN plot_duties.thumb_key IS 'personal:photo';
