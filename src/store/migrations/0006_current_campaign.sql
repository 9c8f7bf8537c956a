-- The campaign the secretary is working on, when it is not simply the newest one: chosen in the
-- window or with `thidua campaign use CODE`. A preference of this database, not a record, so it is
-- not in the audit trail.
CREATE TABLE current_campaign (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id)
);
