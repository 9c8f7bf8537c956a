-- Recusal marked or cleared by the secretary: a member linked to a nominee's unit is recused
-- for that nominee (found from the member's position, or marked here); `recused` 0 clears a
-- recusal the position would imply.
CREATE TABLE recusals (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
    member_id     INTEGER NOT NULL REFERENCES council_members(id),
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    recused       INTEGER NOT NULL CHECK (recused IN (0, 1)),
    PRIMARY KEY (member_id, nomination_id)
);

CREATE TRIGGER audit_recusals_insert AFTER INSERT ON recusals
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'recusals', NEW.member_id, NEW.campaign_id, NEW.nomination_id, 'insert',
            NULL,
            json_object('member_id', NEW.member_id, 'nomination_id', NEW.nomination_id, 'recused', NEW.recused));
END;

CREATE TRIGGER audit_recusals_update AFTER UPDATE ON recusals
WHEN OLD.recused IS NOT NEW.recused
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'recusals', NEW.member_id, NEW.campaign_id, NEW.nomination_id, 'update',
            json_object('member_id', OLD.member_id, 'nomination_id', OLD.nomination_id, 'recused', OLD.recused),
            json_object('member_id', NEW.member_id, 'nomination_id', NEW.nomination_id, 'recused', NEW.recused));
END;
