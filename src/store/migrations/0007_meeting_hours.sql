-- The hours a council meeting started and ended (Vietnam time, "HH:MM"), for its minutes; empty
-- when the meeting is typed in afterwards and nobody noted them. The audit triggers of meetings
-- are made again to log the two new fields.
ALTER TABLE meetings ADD COLUMN started_at TEXT CHECK (started_at IS NULL OR started_at GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE meetings ADD COLUMN ended_at TEXT CHECK (ended_at IS NULL OR ended_at GLOB '[0-2][0-9]:[0-5][0-9]');

DROP TRIGGER audit_meetings_insert;
DROP TRIGGER audit_meetings_update;
DROP TRIGGER audit_meetings_delete;

CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at));
END;

CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at));
END;

CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at),
            NULL);
END;
