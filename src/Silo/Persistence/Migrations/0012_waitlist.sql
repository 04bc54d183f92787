-- Waitlists for sold-out ticket types (seed: feature-flows "Manage waitlists").
-- One row per user and ticket type while the user waits. The identity id is the line order: joins of one ticket type
-- are serialized (an advisory lock per ticket type), so ids are handed out in commit order and positions are unique.
-- notified_at is set, once, when seats came back and the user's turn was announced through the outbox; the row is
-- deleted when the user leaves or holds seats of the ticket type.
CREATE TABLE waitlist_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at timestamptz NOT NULL DEFAULT now(),
    notified_at timestamptz,
    CONSTRAINT ux_waitlist_entries_user UNIQUE (ticket_type_id, user_id)
);
-- Positions and "the next un-notified waiters" read the line of one ticket type in id order.
CREATE INDEX ix_waitlist_entries_line ON waitlist_entries (ticket_type_id, id);
CREATE INDEX ix_waitlist_entries_waiting ON waitlist_entries (ticket_type_id, id) WHERE notified_at IS NULL;
CREATE INDEX ix_waitlist_entries_user ON waitlist_entries (user_id);
