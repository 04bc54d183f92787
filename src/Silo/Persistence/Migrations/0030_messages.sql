-- Messages that reach people: verified e-mail, contact preferences, one-time account tokens, a journal of every
-- message with its delivery state, and the outbox rows written by the database itself where several code paths
-- change the same state (transfers, cancellations).

-- email_verified_at: set once the owner followed the link we e-mailed (or reset the password through it).
-- whatsapp_opt_in: WhatsApp only with consent; switching it off is honoured by the next message (read at delivery).
-- language: the language of the messages we send this person ('es' first, 'en' on request).
ALTER TABLE users
    ADD COLUMN email_verified_at timestamptz,
    ADD COLUMN whatsapp_opt_in boolean NOT NULL DEFAULT false,
    ADD COLUMN language text NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    ADD CONSTRAINT ck_users_phone_e164 CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{7,14}$'),
    ADD CONSTRAINT ck_users_whatsapp_needs_phone CHECK (NOT whatsapp_opt_in OR phone IS NOT NULL);

-- Password-reset and e-mail-verification tokens. A row is written when the request is accepted (so requests per
-- address can be counted and rate-limited under the user's row lock); the token itself is made when the e-mail is
-- delivered, and only its SHA-256 is kept. used_at ends it: consumed, or replaced by a newer token of its purpose.
CREATE TABLE account_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
    token_hash bytea UNIQUE,
    expires_at timestamptz,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose, created_at);

-- Every message we sent or kept: status 'kept' (no service configured: shown to admins instead), 'sent', then the
-- provider's 'delivered' / 'read' / 'failed'. dedupe_key makes a retried outbox delivery skip what already went out.
ALTER TABLE message_log
    ADD COLUMN status text NOT NULL DEFAULT 'kept',
    ADD COLUMN subject text,
    ADD COLUMN dedupe_key text,
    ADD COLUMN provider_message_id text,
    ADD COLUMN status_updated_at timestamptz;
CREATE UNIQUE INDEX ux_message_log_dedupe ON message_log (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX ix_message_log_provider ON message_log (provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX ix_message_log_created ON message_log (created_at DESC, id DESC);

-- The 24-hours-before reminder is queued once per event: the scheduler claims the event by setting this.
ALTER TABLE events ADD COLUMN reminders_queued_at timestamptz;
CREATE INDEX ix_events_reminder_due ON events (starts_at) WHERE reminders_queued_at IS NULL;

-- A transfer issues the recipient a ticket that points at the one it replaced (written by the inventory's group
-- commit); an order becomes cancelled from the buyer, an organizer or a sweep. A trigger queues the message in the
-- same transaction, so every path that makes the change announces it, exactly when it commits.
CREATE FUNCTION outbox_ticket_transferred() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (kind, payload) VALUES ('ticket_transferred', jsonb_build_object('ticketId', NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER tr_tickets_transferred AFTER INSERT ON tickets
    FOR EACH ROW WHEN (NEW.transferred_from IS NOT NULL) EXECUTE FUNCTION outbox_ticket_transferred();

CREATE FUNCTION outbox_order_cancelled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (kind, payload) VALUES ('order_cancelled', jsonb_build_object('orderId', NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER tr_orders_cancelled AFTER UPDATE OF status ON orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM 'cancelled' AND NEW.status = 'cancelled')
    EXECUTE FUNCTION outbox_order_cancelled();
