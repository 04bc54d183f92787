-- Promo and presale access codes (issue 14, items 1 and 2).
-- A code belongs to one event; its text is matched case-insensitively (code_key is the upper-case form).
-- The promo-code grain decides uses in memory and group-commits them here: uses is the live count (holds placed with
-- the code that are active or sold), written only over the version its activation loaded or last wrote (the fence),
-- and the CHECK is the last guard against over-use.
CREATE TABLE promo_codes (
    id uuid PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    code text NOT NULL CHECK (length(code) BETWEEN 3 AND 40),
    code_key text NOT NULL,
    percent_off integer CHECK (percent_off BETWEEN 1 AND 100),
    amount_off bigint CHECK (amount_off > 0),
    ticket_type_ids uuid[],
    opens_presale boolean NOT NULL DEFAULT false,
    valid_from timestamptz,
    valid_until timestamptz,
    max_uses integer CHECK (max_uses > 0),
    max_uses_per_buyer integer CHECK (max_uses_per_buyer > 0),
    uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
    version bigint NOT NULL DEFAULT 0,
    disabled_at timestamptz,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT promo_codes_one_discount CHECK (percent_off IS NULL OR amount_off IS NULL),
    CONSTRAINT promo_codes_window CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until > valid_from),
    CONSTRAINT promo_codes_no_overuse CHECK (max_uses IS NULL OR uses <= max_uses)
);
CREATE UNIQUE INDEX ux_promo_codes_event_key ON promo_codes (event_id, code_key);

-- One row per use: its id is the id of the hold it was granted for. released_at is set when the use is given back
-- (the hold expired, was released or cancelled, or was never placed).
CREATE TABLE promo_code_uses (
    id uuid PRIMARY KEY,
    promo_code_id uuid NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
    buyer_id uuid NOT NULL REFERENCES users (id),
    idempotency_key text,
    created_at timestamptz NOT NULL,
    deadline timestamptz NOT NULL,
    released_at timestamptz
);
CREATE INDEX ix_promo_code_uses_live ON promo_code_uses (promo_code_id) WHERE released_at IS NULL;
CREATE INDEX ix_promo_code_uses_recent ON promo_code_uses (promo_code_id, created_at);

-- The code a hold was priced with (null: none).
ALTER TABLE holds ADD COLUMN promo_code_id uuid REFERENCES promo_codes (id) ON DELETE SET NULL;
CREATE INDEX ix_holds_promo_code ON holds (promo_code_id) WHERE promo_code_id IS NOT NULL;

-- A hidden tier is left out of public listings and cannot be held without a code that names it.
ALTER TABLE ticket_types ADD COLUMN hidden boolean NOT NULL DEFAULT false;
