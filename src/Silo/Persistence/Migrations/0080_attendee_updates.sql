-- Attendee names in the order e-mail and updated tickets after a rename (issue 14, attendee names).

-- How many times the owner changed the ticket's attendee (names given at checkout do not count): capped by
-- Attendees:MaxChangesPerTicket, so a ticket cannot be renamed (and re-mailed) without end.
ALTER TABLE tickets ADD COLUMN attendee_changes integer NOT NULL DEFAULT 0 CHECK (attendee_changes >= 0);

-- The order confirmation read the order's tickets (and their names) to send them. A name change after this row exists
-- is told in an updated-ticket message; one before it is in the confirmation itself. Both sides decide under the same
-- transaction-scoped advisory lock of the order, so no change falls between them.
CREATE TABLE order_confirmation_reads (
    order_id uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    read_at timestamptz NOT NULL DEFAULT now()
);

-- Changes of one owner still waiting in the outbox are merged into one message (payload {"ownerId","ticketIds"}).
CREATE INDEX ix_outbox_attendee_updates ON outbox ((payload->>'ownerId')) WHERE kind = 'attendee_update' AND processed_at IS NULL;
