-- The secretary locks the members' score sheets: from then on no sheet is changed, on a phone
-- in the meeting room or on the council screen. The audit triggers of meetings log it.
ALTER TABLE meetings ADD COLUMN sheets_locked INTEGER NOT NULL DEFAULT 0 CHECK (sheets_locked IN (0, 1));

DROP TRIGGER audit_meetings_insert;
DROP TRIGGER audit_meetings_update;
DROP TRIGGER audit_meetings_delete;

CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked));
END;

CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'sheets_locked', NEW.sheets_locked));
END;

CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'sheets_locked', OLD.sheets_locked),
            NULL);
END;
