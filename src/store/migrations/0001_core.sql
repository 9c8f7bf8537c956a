-- The core schema: campaigns, their units and criteria, nominations and refusal reasons.
-- Times are UTC in RFC 3339 with milliseconds and a Z, so that text order is time order.

PRAGMA application_id = 1414087764; -- "THDU": marks the file as a Thi đua database

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    settings     TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('office', 'mass_organisation', 'commune')),
    position    INTEGER NOT NULL,
    UNIQUE (campaign_id, name_folded)
);

CREATE TABLE criteria (
    id              INTEGER PRIMARY KEY,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns(id),
    nominee_kind    TEXT NOT NULL CHECK (nominee_kind IN ('collective', 'individual')),
    number          INTEGER NOT NULL CHECK (number >= 1),
    label           TEXT NOT NULL,
    text            TEXT NOT NULL,
    max_half_points INTEGER NOT NULL CHECK (max_half_points >= 0),
    indicators      TEXT NOT NULL DEFAULT '[]',
    UNIQUE (campaign_id, nominee_kind, number)
);

CREATE TABLE nominations (
    id                 INTEGER PRIMARY KEY,
    campaign_id        INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id            INTEGER NOT NULL REFERENCES units(id),
    kind               TEXT NOT NULL CHECK (kind IN ('collective', 'individual')),
    name               TEXT NOT NULL,
    name_folded        TEXT NOT NULL,
    gender             TEXT CHECK (gender IN ('male', 'female')),
    position           TEXT,
    submitted_at       TEXT NOT NULL,
    proposal_letter    TEXT NOT NULL CHECK (proposal_letter IN ('present', 'missing', 'wrong_form')),
    minutes            TEXT NOT NULL CHECK (minutes IN ('present', 'missing', 'wrong_form')),
    achievement_report TEXT NOT NULL CHECK (achievement_report IN ('present', 'missing', 'wrong_form')),
    summary            TEXT NOT NULL DEFAULT '',
    decision           TEXT CHECK (decision IN ('accepted', 'refused')),
    status             TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'refused')),
    recorded_at        TEXT NOT NULL
);
CREATE INDEX nominations_by_unit ON nominations (campaign_id, unit_id);
CREATE INDEX nominations_by_name ON nominations (name_folded);

CREATE TABLE refusals (
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    reason        TEXT NOT NULL CHECK (reason IN ('late', 'incomplete', 'wrong_form', 'over_quota', 'criteria_not_met')),
    note          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('intake', 'appraisal')),
    PRIMARY KEY (nomination_id, reason)
);
