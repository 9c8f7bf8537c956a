-- Tamper evidence for the audit trail. The application seals each entry with a SHA-256 of the
-- previous entry's seal and its own content, a chain: an entry edited by hand, replaced (REPLACE
-- INTO fires no trigger) or removed breaks the chain there, and `thidua check` finds it. The only
-- update the trail accepts is setting a seal that is not set yet, on an entry left as it was.
ALTER TABLE audit_log ADD COLUMN seal TEXT;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.seal IS NULL AND NEW.seal IS NOT NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at
          AND NEW.actor IS OLD.actor AND NEW.table_name IS OLD.table_name AND NEW.row_id IS OLD.row_id
          AND NEW.campaign_id IS OLD.campaign_id AND NEW.nomination_id IS OLD.nomination_id
          AND NEW.action IS OLD.action AND NEW.before IS OLD.before AND NEW.after IS OLD.after)
BEGIN
    SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm; không được sửa.');
END;
