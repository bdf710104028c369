-- Personal data of notifications (see courses' 0066 for the marks).
COMMENT ON COLUMN notifications.account_id IS 'personal:subject:account';
COMMENT ON COLUMN notifications.title IS 'personal:text';
COMMENT ON COLUMN notifications.body IS 'personal:text';
COMMENT ON COLUMN notification_deliveries.notification_id IS 'personal:subject:notifications';
