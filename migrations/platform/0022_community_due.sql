-- When each community next has periodic work for the worker, kept by the worker after each
-- visit (see community migration 0060). The worker reads the due ones through the index; a
-- community with nothing ahead has no row. Taking a due row moves it a few minutes on (a
-- lease), so two gateways do not visit one community at once.
CREATE TABLE platform.community_due (
    community_id  uuid PRIMARY KEY REFERENCES platform.communities (id) ON DELETE CASCADE,
    due_at        timestamptz NOT NULL
);
CREATE INDEX community_due_at ON platform.community_due (due_at);
