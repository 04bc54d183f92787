-- The fashion side run by its people: consent to appear in a show, model portfolios, show operations, sponsor
-- benefits and placement views.

-- A collection is in a show only when its designer applied and the organizer accepted; a model only after accepting
-- the casting. Rows from before this migration were attached by organizers and are kept as they were shown.
ALTER TABLE event_collections
    ADD COLUMN status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('applied', 'accepted', 'declined')),
    ADD COLUMN note text,
    ADD COLUMN decided_at timestamptz;
ALTER TABLE event_collections ALTER COLUMN status SET DEFAULT 'applied';

ALTER TABLE event_models
    ADD COLUMN status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('invited', 'accepted', 'declined')),
    ADD COLUMN call_time timestamptz,
    ADD COLUMN note text,
    ADD COLUMN answered_at timestamptz;
ALTER TABLE event_models ALTER COLUMN status SET DEFAULT 'invited';

CREATE TABLE model_photos (
    id uuid PRIMARY KEY,
    model_id uuid NOT NULL REFERENCES models (user_id) ON DELETE CASCADE,
    public_id text NOT NULL,
    url text NOT NULL,
    content_type text NOT NULL,
    bytes bigint NOT NULL CHECK (bytes > 0),
    caption text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_model_photos_model ON model_photos (model_id, created_at);

-- The show's running order: one row per look, in walking order, grouped by segment.
CREATE TABLE running_order (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 1),
    segment text NOT NULL,
    collection_id uuid REFERENCES collections (id) ON DELETE SET NULL,
    model_id uuid REFERENCES models (user_id) ON DELETE SET NULL,
    look text,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX ix_running_order_model ON running_order (model_id);
CREATE INDEX ix_running_order_collection ON running_order (collection_id);

-- Backstage schedule. A slot with no person is for everyone in the show (accepted designers and models).
CREATE TABLE backstage_slots (
    id uuid PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('fitting', 'hair_makeup', 'rehearsal', 'call')),
    title text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    location text,
    person_id uuid REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX ix_backstage_slots_event ON backstage_slots (event_id, starts_at);
CREATE INDEX ix_backstage_slots_person ON backstage_slots (person_id) WHERE person_id IS NOT NULL;

-- What a sponsorship package promises and whether it was delivered (comp tickets wait for ticket allocations).
CREATE TABLE sponsor_benefits (
    id uuid PRIMARY KEY,
    event_id uuid NOT NULL,
    sponsor_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('logo', 'activation')),
    description text NOT NULL,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (event_id, sponsor_id) REFERENCES event_sponsors (event_id, sponsor_id) ON DELETE CASCADE
);
CREATE INDEX ix_sponsor_benefits_sponsorship ON sponsor_benefits (event_id, sponsor_id, created_at);

-- Times a sponsor's placement (its name on an event's public lineup) was served, counted by the server per day.
CREATE TABLE sponsor_placement_views (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sponsor_id uuid NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
    day date NOT NULL,
    views bigint NOT NULL CHECK (views > 0),
    PRIMARY KEY (sponsor_id, event_id, day)
);
