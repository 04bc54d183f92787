-- Checkout, refunds, disputes and transfers on top of 0001's orders and tickets.

-- A chargeback opened at the bank: the order keeps its status (the money is still ours until the dispute is
-- lost) but is flagged for organizers and admins; the details go to audit_logs.
ALTER TABLE orders
    ADD COLUMN disputed_at timestamptz,
    ADD COLUMN dispute_reason text;

-- A ticket issued by a transfer points at the ticket it replaced (whose status is then 'transferred').
ALTER TABLE tickets
    ADD COLUMN transferred_from uuid REFERENCES tickets (id);
CREATE INDEX ix_tickets_event_status ON tickets (event_id, status);

-- Per-event order lookups (organizers, summaries).
CREATE INDEX ix_orders_event ON orders (event_id);
