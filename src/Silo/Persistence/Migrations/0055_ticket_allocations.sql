-- Reserved allocations (issue 14 item 3): seats of a tier set aside for a group that the public sale cannot take.
-- The ticket-type grain owns the counters: quantity, held and sold of each allocation and the tier's reserved seats
-- (set aside, not yet held or sold) are written by its fenced batch commits, like held and sold.
ALTER TABLE ticket_types ADD COLUMN reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0);
ALTER TABLE ticket_types DROP CONSTRAINT ticket_types_no_oversell;
ALTER TABLE ticket_types ADD CONSTRAINT ticket_types_no_oversell CHECK (sold + held + reserved <= capacity);

CREATE TABLE ticket_allocations (
    id uuid PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('sponsor', 'designer', 'press', 'comps')),
    name text NOT NULL,
    sponsor_id uuid REFERENCES sponsors (id) ON DELETE SET NULL,
    code text,
    unit_price bigint CHECK (unit_price >= 0),
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
    sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
    released_at timestamptz,
    created_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticket_allocations_within CHECK (held + sold <= quantity)
);
CREATE UNIQUE INDEX ux_ticket_allocations_code ON ticket_allocations (event_id, upper(code)) WHERE code IS NOT NULL;
CREATE INDEX ix_ticket_allocations_ticket_type ON ticket_allocations (ticket_type_id, created_at);
CREATE INDEX ix_ticket_allocations_sponsor ON ticket_allocations (sponsor_id) WHERE sponsor_id IS NOT NULL;

-- A hold drawn from an allocation (a code's holder, or a comp issued by the organizer); null: the public pool.
ALTER TABLE holds ADD COLUMN allocation_id uuid REFERENCES ticket_allocations (id);
CREATE INDEX ix_holds_allocation ON holds (allocation_id) WHERE allocation_id IS NOT NULL;

-- The named person a comp ticket was issued to.
CREATE TABLE comp_tickets (
    ticket_id uuid PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    allocation_id uuid NOT NULL REFERENCES ticket_allocations (id) ON DELETE CASCADE,
    attendee_name text NOT NULL
);
CREATE INDEX ix_comp_tickets_allocation ON comp_tickets (allocation_id);
