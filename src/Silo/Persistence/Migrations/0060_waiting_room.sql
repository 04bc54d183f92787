-- Waiting rooms (issue 16): one row per event whose organizer switched one on, and one row per account in its queue.
-- The waiting-room grain of the event owns both: it decides in memory and writes in group commits, each fenced on
-- waiting_rooms.version like the ticket types' (a duplicate activation's write finds a newer version and changes nothing).
CREATE TABLE waiting_rooms (
    event_id uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    enabled boolean NOT NULL,
    opens_at timestamptz NOT NULL,
    -- Admissions per minute; NULL = automatic (from how fast admitted people are served).
    admission_per_minute integer CHECK (admission_per_minute > 0),
    shopping_seconds integer NOT NULL CHECK (shopping_seconds > 0),
    paused boolean NOT NULL DEFAULT false,
    -- Set once, when the arrivals before the opening were shuffled into their places.
    shuffled_at timestamptz,
    -- Positions 1..admitted_through are admitted; positions are handed out up to next_position - 1.
    admitted_through integer NOT NULL DEFAULT 0 CHECK (admitted_through >= 0),
    next_position integer NOT NULL DEFAULT 1 CHECK (next_position >= 1 AND admitted_through < next_position),
    version bigint NOT NULL DEFAULT 0
);

-- One place per account and event: the key makes a second join (another tab, a retry) the same place.
-- position is NULL for an arrival before the opening until the shuffle gives it one; it never changes afterwards.
CREATE TABLE waiting_room_entries (
    event_id uuid NOT NULL REFERENCES waiting_rooms (event_id) ON DELETE CASCADE,
    -- No foreign key to users: one account deleted while queued must not fail the group commit of everyone else.
    account_id uuid NOT NULL,
    arrived_at timestamptz NOT NULL,
    position integer CHECK (position >= 1),
    admitted_at timestamptz,
    PRIMARY KEY (event_id, account_id),
    CONSTRAINT ux_waiting_room_entries_position UNIQUE (event_id, position),
    CONSTRAINT ck_waiting_room_entries_admitted_placed CHECK (admitted_at IS NULL OR position IS NOT NULL)
);
