-- Door staff: people an event's organizer lets check tickets in at that event only (they manage nothing else).
CREATE TABLE event_staff (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_by uuid REFERENCES users (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX ix_event_staff_user ON event_staff (user_id);
