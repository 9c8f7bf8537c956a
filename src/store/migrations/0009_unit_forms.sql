-- The forms of a unit's name that documents put inside sentences: who a letter is addressed to
-- ("Ủy ban nhân dân xã Cẩm Giàng") and the unit named inside a sentence ("xã Cẩm Giàng"). Empty
-- means the default for the unit's kind. The audit triggers of units are made again to log them.
ALTER TABLE units ADD COLUMN addressee TEXT;
ALTER TABLE units ADD COLUMN in_sentence TEXT;

DROP TRIGGER audit_units_insert;
DROP TRIGGER audit_units_update;
DROP TRIGGER audit_units_delete;

CREATE TRIGGER audit_units_insert AFTER INSERT ON units
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position, 'addressee', NEW.addressee, 'in_sentence', NEW.in_sentence));
END;

CREATE TRIGGER audit_units_update AFTER UPDATE ON units
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position, 'addressee', OLD.addressee, 'in_sentence', OLD.in_sentence) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position, 'addressee', NEW.addressee, 'in_sentence', NEW.in_sentence)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position, 'addressee', OLD.addressee, 'in_sentence', OLD.in_sentence),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position, 'addressee', NEW.addressee, 'in_sentence', NEW.in_sentence));
END;

CREATE TRIGGER audit_units_delete AFTER DELETE ON units
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position, 'addressee', OLD.addressee, 'in_sentence', OLD.in_sentence),
            NULL);
END;
