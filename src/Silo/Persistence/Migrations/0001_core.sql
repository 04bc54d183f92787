-- Core schema: people, events and the inventory path (ticket types, holds, orders, tickets, check-ins).
-- Money is integer Colombian pesos (COP has no minor unit in practice); never floating point.

CREATE TABLE roles (
    name text PRIMARY KEY
);
INSERT INTO roles (name) VALUES ('admin'), ('organizer'), ('sponsor'), ('designer'), ('model'), ('attendee');

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    password_hash text NOT NULL,
    display_name text NOT NULL,
    phone text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_users_email ON users (lower(email));

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL REFERENCES roles (name),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organizer_id uuid NOT NULL REFERENCES users (id),
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    venue text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    capacity integer NOT NULL CHECK (capacity > 0),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'review', 'revision', 'published', 'on_sale', 'sold_out', 'in_progress', 'completed', 'cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX ix_events_status_starts ON events (status, starts_at);
CREATE INDEX ix_events_organizer ON events (organizer_id);

CREATE TABLE event_status_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    previous_status text,
    new_status text NOT NULL,
    changed_by uuid REFERENCES users (id),
    reason text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_event_status_history_event ON event_status_history (event_id, id);

-- held and sold are the durable counters; sold + held <= capacity holds in the database too.
CREATE TABLE ticket_types (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    price bigint NOT NULL CHECK (price >= 0),
    capacity integer NOT NULL CHECK (capacity >= 0),
    held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
    sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
    sales_start timestamptz,
    sales_end timestamptz,
    per_buyer_limit integer NOT NULL DEFAULT 10 CHECK (per_buyer_limit > 0),
    early_bird_price bigint CHECK (early_bird_price >= 0),
    early_bird_deadline timestamptz,
    group_discount_threshold integer CHECK (group_discount_threshold > 1),
    group_discount_percentage integer CHECK (group_discount_percentage BETWEEN 0 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticket_types_no_oversell CHECK (sold + held <= capacity)
);
CREATE INDEX ix_ticket_types_event ON ticket_types (event_id);

CREATE TABLE holds (
    id uuid PRIMARY KEY,
    ticket_type_id uuid NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    buyer_id uuid NOT NULL REFERENCES users (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price bigint NOT NULL CHECK (unit_price >= 0),
    total bigint NOT NULL CHECK (total >= 0),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released', 'expired', 'converted')),
    idempotency_key text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_holds_idempotency ON holds (ticket_type_id, buyer_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_holds_active ON holds (ticket_type_id, expires_at) WHERE status = 'active';
CREATE INDEX ix_holds_buyer ON holds (buyer_id);

CREATE TABLE orders (
    id uuid PRIMARY KEY,
    hold_id uuid NOT NULL UNIQUE REFERENCES holds (id),
    buyer_id uuid NOT NULL REFERENCES users (id),
    event_id uuid NOT NULL REFERENCES events (id),
    ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price bigint NOT NULL CHECK (unit_price >= 0),
    total bigint NOT NULL CHECK (total >= 0),
    refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    currency text NOT NULL DEFAULT 'COP',
    status text NOT NULL CHECK (status IN
        ('pending_payment', 'paid', 'failed', 'refunded', 'partially_refunded', 'cancelled')),
    payment_provider text NOT NULL,
    payment_reference text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz
);
CREATE INDEX ix_orders_buyer ON orders (buyer_id, created_at DESC);
CREATE UNIQUE INDEX ux_orders_payment_reference ON orders (payment_provider, payment_reference)
    WHERE payment_reference IS NOT NULL;

CREATE TABLE tickets (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    order_id uuid NOT NULL REFERENCES orders (id),
    ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
    event_id uuid NOT NULL REFERENCES events (id),
    owner_id uuid NOT NULL REFERENCES users (id),
    status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'void', 'transferred')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_tickets_owner ON tickets (owner_id);
CREATE INDEX ix_tickets_order ON tickets (order_id);

CREATE TABLE check_ins (
    ticket_id uuid PRIMARY KEY REFERENCES tickets (id),
    event_id uuid NOT NULL REFERENCES events (id),
    scanned_by uuid REFERENCES users (id),
    checked_in_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_check_ins_event ON check_ins (event_id);

-- Answers to requests that carried an Idempotency-Key, replayed to retries (also after a restart).
CREATE TABLE idempotency_keys (
    scope text NOT NULL,
    owner_id uuid NOT NULL,
    key text NOT NULL,
    status_code integer NOT NULL,
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, owner_id, key)
);

-- Generic grain state (IPersistentState<T>) for grains without relational state of their own.
CREATE TABLE grain_state (
    grain_type text NOT NULL,
    grain_key uuid NOT NULL,
    etag integer NOT NULL,
    data jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key)
);

CREATE TABLE audit_logs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id uuid REFERENCES users (id),
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    changes jsonb,
    ip_address inet,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_audit_user_action ON audit_logs (user_id, action);
CREATE INDEX ix_audit_entity ON audit_logs (entity_type, entity_id);

-- Transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE processed_at IS NULL;

-- What the default (local) message sender "sent".
CREATE TABLE message_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel text NOT NULL,
    recipient text NOT NULL,
    template text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Webhook deliveries already applied, so a redelivered event is applied once.
CREATE TABLE webhook_events (
    provider text NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
