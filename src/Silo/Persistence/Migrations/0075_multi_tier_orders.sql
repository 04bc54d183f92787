-- Several tiers in one order (issue 14 item 4) and attendee names on tickets (item 5).

-- A hold across tiers of one event. The row is written only once every tier's hold was acknowledged (the group's
-- commit record), so a group never exists with a tier missing; the holds point at it through holds.group_id, set in
-- the same transaction. Every hold of a group carries the group's expires_at.
CREATE TABLE hold_groups (
    id uuid PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    buyer_id uuid NOT NULL REFERENCES users (id),
    total bigint NOT NULL CHECK (total >= 0),
    expires_at timestamptz NOT NULL,
    idempotency_key text,
    -- Names (and documents) given at checkout, per tier, written on the tickets once they are issued.
    attendees jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_hold_groups_idempotency ON hold_groups (buyer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_hold_groups_buyer ON hold_groups (buyer_id, created_at DESC);

ALTER TABLE holds ADD COLUMN group_id uuid REFERENCES hold_groups (id) ON DELETE CASCADE;
CREATE INDEX ix_holds_group ON holds (group_id) WHERE group_id IS NOT NULL;

-- One order of several lines: one orders row per tier (each confirmed by its own ticket-type grain, as before), tied
-- by order_group_id (= the hold group's id) and paid by one provider payment, whose reference every line carries.
ALTER TABLE orders ADD COLUMN order_group_id uuid REFERENCES hold_groups (id);
CREATE INDEX ix_orders_group ON orders (order_group_id) WHERE order_group_id IS NOT NULL;
DROP INDEX ux_orders_payment_reference;
CREATE UNIQUE INDEX ux_orders_payment_reference ON orders (payment_provider, payment_reference)
    WHERE payment_reference IS NOT NULL AND order_group_id IS NULL;
CREATE INDEX ix_orders_group_payment_reference ON orders (payment_provider, payment_reference)
    WHERE payment_reference IS NOT NULL AND order_group_id IS NOT NULL;

-- Who uses the ticket: filled at checkout or later by the ticket's owner; a document number (cédula, passport) when
-- the organizer asks for one.
ALTER TABLE tickets
    ADD COLUMN attendee_name text CHECK (attendee_name IS NULL OR length(attendee_name) BETWEEN 1 AND 120),
    ADD COLUMN attendee_document text CHECK (attendee_document IS NULL OR length(attendee_document) BETWEEN 4 AND 20);
ALTER TABLE events ADD COLUMN attendee_document_required boolean NOT NULL DEFAULT false;
