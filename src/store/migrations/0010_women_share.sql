-- A collective's share of women (in %), optional: where nominees tie at the cut of the
-- shortlist, the decree prefers a woman or a collective with at least 70 % women. The audit
-- triggers of nominations are made again to log it.
ALTER TABLE nominations ADD COLUMN women_percent INTEGER CHECK (women_percent IS NULL OR women_percent BETWEEN 0 AND 100);

DROP TRIGGER audit_nominations_insert;
DROP TRIGGER audit_nominations_update;
DROP TRIGGER audit_nominations_delete;

CREATE TRIGGER audit_nominations_insert AFTER INSERT ON nominations
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', NEW.id, NEW.campaign_id, NEW.id, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'women_percent', NEW.women_percent, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_nominations_update AFTER UPDATE ON nominations
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'women_percent', OLD.women_percent, 'recorded_at', OLD.recorded_at) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'women_percent', NEW.women_percent, 'recorded_at', NEW.recorded_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', NEW.id, NEW.campaign_id, NEW.id, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'women_percent', OLD.women_percent, 'recorded_at', OLD.recorded_at),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'women_percent', NEW.women_percent, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_nominations_delete AFTER DELETE ON nominations
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', OLD.id, OLD.campaign_id, OLD.id, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'women_percent', OLD.women_percent, 'recorded_at', OLD.recorded_at),
            NULL);
END;
