-- Attachments: the scanned files of a dossier. The files live beside the database in
-- attachments/, named by their SHA-256 digest (the same scan attached twice is stored once);
-- the rows say which dossier a file belongs to and under what name it was attached.

CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    bytes         INTEGER NOT NULL CHECK (bytes >= 0),
    added_at      TEXT NOT NULL
);
CREATE INDEX attachments_by_nomination ON attachments (nomination_id);

CREATE TRIGGER audit_attachments_insert AFTER INSERT ON attachments
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'attachments', NEW.id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'insert',
            NULL,
            json_object('id', NEW.id, 'nomination_id', NEW.nomination_id, 'file_name', NEW.file_name, 'sha256', NEW.sha256, 'bytes', NEW.bytes, 'added_at', NEW.added_at));
END;

CREATE TRIGGER audit_attachments_update AFTER UPDATE ON attachments
WHEN json_object('id', OLD.id, 'nomination_id', OLD.nomination_id, 'file_name', OLD.file_name, 'sha256', OLD.sha256, 'bytes', OLD.bytes, 'added_at', OLD.added_at) IS NOT json_object('id', NEW.id, 'nomination_id', NEW.nomination_id, 'file_name', NEW.file_name, 'sha256', NEW.sha256, 'bytes', NEW.bytes, 'added_at', NEW.added_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'attachments', NEW.id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'update',
            json_object('id', OLD.id, 'nomination_id', OLD.nomination_id, 'file_name', OLD.file_name, 'sha256', OLD.sha256, 'bytes', OLD.bytes, 'added_at', OLD.added_at),
            json_object('id', NEW.id, 'nomination_id', NEW.nomination_id, 'file_name', NEW.file_name, 'sha256', NEW.sha256, 'bytes', NEW.bytes, 'added_at', NEW.added_at));
END;

CREATE TRIGGER audit_attachments_delete AFTER DELETE ON attachments
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'attachments', OLD.id, (SELECT campaign_id FROM nominations WHERE id = OLD.nomination_id), OLD.nomination_id, 'delete',
            json_object('id', OLD.id, 'nomination_id', OLD.nomination_id, 'file_name', OLD.file_name, 'sha256', OLD.sha256, 'bytes', OLD.bytes, 'added_at', OLD.added_at),
            NULL);
END;
