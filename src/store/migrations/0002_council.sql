-- The council: members per campaign, working rules, meetings with attendance, scores, votes,
-- indicator figures and the provincial shortlist.

CREATE TABLE council_members (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    position    TEXT,
    role        TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'secretary_member')),
    sort_order  INTEGER NOT NULL,
    UNIQUE (campaign_id, name_folded)
);

CREATE TABLE council_rules (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id),
    rules       TEXT NOT NULL
);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    held_on     TEXT NOT NULL,
    place       TEXT,
    closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
);

CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    member_id  INTEGER NOT NULL REFERENCES council_members(id),
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE scores (
    meeting_id       INTEGER NOT NULL REFERENCES meetings(id),
    member_id        INTEGER NOT NULL REFERENCES council_members(id),
    nomination_id    INTEGER NOT NULL REFERENCES nominations(id),
    criterion_number INTEGER NOT NULL CHECK (criterion_number >= 1),
    half_points      INTEGER NOT NULL CHECK (half_points >= 0),
    PRIMARY KEY (meeting_id, member_id, nomination_id, criterion_number)
) WITHOUT ROWID;

CREATE TABLE votes (
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    agree         INTEGER NOT NULL CHECK (agree >= 0),
    disagree      INTEGER NOT NULL CHECK (disagree >= 0),
    blank         INTEGER NOT NULL CHECK (blank >= 0),
    PRIMARY KEY (meeting_id, nomination_id)
);

CREATE TABLE indicator_figures (
    nomination_id    INTEGER NOT NULL REFERENCES nominations(id),
    criterion_number INTEGER NOT NULL,
    indicator_index  INTEGER NOT NULL,
    figure_tenths    INTEGER NOT NULL CHECK (figure_tenths >= 0),
    PRIMARY KEY (nomination_id, criterion_number, indicator_index)
);

CREATE TABLE shortlist (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    position      INTEGER NOT NULL,
    reason        TEXT,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (campaign_id, nomination_id)
);
