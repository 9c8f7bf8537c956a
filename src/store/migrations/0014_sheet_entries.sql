-- Where each member's sheet came from in a meeting: sent from the member's phone in the meeting
-- room, or typed from the paper sheet, with the name of the person who typed it. The latest
-- entry of a sheet is kept; every score itself is in the audit log with its author.
CREATE TABLE sheet_entries (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    member_id   INTEGER NOT NULL REFERENCES council_members(id),
    source      TEXT NOT NULL CHECK (source IN ('phone', 'paper')),
    operator    TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

-- The secretary shows the ranking on the members' phones (never before this is set).
ALTER TABLE meetings ADD COLUMN results_shown INTEGER NOT NULL DEFAULT 0 CHECK (results_shown IN (0, 1));

DROP TRIGGER audit_meetings_insert;
DROP TRIGGER audit_meetings_update;
DROP TRIGGER audit_meetings_delete;

CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked, 'results_shown', NEW.results_shown));
END;

CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked, 'results_shown', OLD.results_shown) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked, 'results_shown', NEW.results_shown)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked, 'results_shown', OLD.results_shown),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked, 'results_shown', NEW.results_shown));
END;

CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked, 'results_shown', OLD.results_shown),
            NULL);
END;
