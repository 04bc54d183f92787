-- The fashion-industry side: designer and model profiles, collections and their images, show lineups,
-- sponsor organizations and their sponsorships of events. Profiles are keyed by the user who owns them.

CREATE TABLE designers (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    brand_name text NOT NULL,
    bio text NOT NULL DEFAULT '',
    city text,
    instagram text,
    website text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Measurements are whole centimetres.
CREATE TABLE models (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name text NOT NULL,
    bio text NOT NULL DEFAULT '',
    city text,
    height_cm integer CHECK (height_cm > 0),
    bust_cm integer CHECK (bust_cm > 0),
    waist_cm integer CHECK (waist_cm > 0),
    hips_cm integer CHECK (hips_cm > 0),
    availability text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE collections (
    id uuid PRIMARY KEY,
    designer_id uuid NOT NULL REFERENCES designers (user_id) ON DELETE CASCADE,
    name text NOT NULL,
    season text,
    description text NOT NULL DEFAULT '',
    pieces integer NOT NULL DEFAULT 0 CHECK (pieces >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_collections_designer ON collections (designer_id, created_at);

-- Where an image is stored (local disk or Cloudinary): the store's public id and the URL browsers fetch.
CREATE TABLE fashion_images (
    id uuid PRIMARY KEY,
    collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    public_id text NOT NULL,
    url text NOT NULL,
    content_type text NOT NULL,
    bytes bigint NOT NULL CHECK (bytes > 0),
    caption text,
    uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_fashion_images_collection ON fashion_images (collection_id, created_at);

-- A show's lineup: the collections shown and the models walking.
CREATE TABLE event_collections (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, collection_id)
);
CREATE INDEX ix_event_collections_collection ON event_collections (collection_id);

CREATE TABLE event_models (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models (user_id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, model_id)
);
CREATE INDEX ix_event_models_model ON event_models (model_id);

CREATE TABLE sponsors (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    contact_name text,
    contact_email text,
    phone text,
    tier text NOT NULL CHECK (tier IN ('title', 'gold', 'silver', 'partner')),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    -- Ids Twenty CRM gave the company and its contact person (null until synced).
    crm_company_id text,
    crm_person_id text,
    crm_synced_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_sponsors_name ON sponsors (lower(name));

-- A sponsor-role user acts for at most one sponsor.
CREATE TABLE sponsor_members (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    sponsor_id uuid NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
    linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_sponsor_members_sponsor ON sponsor_members (sponsor_id);

-- Contribution in integer COP.
CREATE TABLE event_sponsors (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sponsor_id uuid NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
    tier text NOT NULL CHECK (tier IN ('title', 'gold', 'silver', 'partner')),
    contribution bigint NOT NULL DEFAULT 0 CHECK (contribution >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, sponsor_id)
);
CREATE INDEX ix_event_sponsors_sponsor ON event_sponsors (sponsor_id);
