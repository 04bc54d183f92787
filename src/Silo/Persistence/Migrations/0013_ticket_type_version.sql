-- The fence of the ticket-type grain's commits: every batch writes the counters only over the version its activation
-- loaded or last wrote, and moves it one up. Orleans keeps one activation per key only eventually; a duplicate
-- activation's batch finds a newer version, writes nothing, and the duplicate deactivates.
ALTER TABLE ticket_types ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 0;
