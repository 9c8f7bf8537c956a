-- The audit trail: every insert, update and delete on the record tables is appended to
-- audit_log by a trigger, so no write path (this application, a future one, or a hand-run SQL
-- statement) can skip it; the log itself refuses UPDATE and DELETE. Who made the change is read
-- from audit_actor, which the application sets to the user's name when it opens the database.

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    table_name    TEXT NOT NULL,
    row_id        INTEGER,
    campaign_id   INTEGER,
    nomination_id INTEGER,
    action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    before        TEXT,
    after         TEXT
);
CREATE INDEX audit_by_campaign ON audit_log (campaign_id, id);
CREATE INDEX audit_by_nomination ON audit_log (nomination_id, id);

CREATE TABLE audit_actor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    actor TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm; không được sửa.');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm; không được xóa.');
END;

CREATE TRIGGER audit_campaigns_insert AFTER INSERT ON campaigns
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'campaigns', NEW.id, NEW.id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'period_start', NEW.period_start, 'period_end', NEW.period_end, 'deadline', NEW.deadline, 'settings', NEW.settings, 'created_at', NEW.created_at));
END;

CREATE TRIGGER audit_campaigns_update AFTER UPDATE ON campaigns
WHEN json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'period_start', OLD.period_start, 'period_end', OLD.period_end, 'deadline', OLD.deadline, 'settings', OLD.settings, 'created_at', OLD.created_at) IS NOT json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'period_start', NEW.period_start, 'period_end', NEW.period_end, 'deadline', NEW.deadline, 'settings', NEW.settings, 'created_at', NEW.created_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'campaigns', NEW.id, NEW.id, NULL, 'update',
            json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'period_start', OLD.period_start, 'period_end', OLD.period_end, 'deadline', OLD.deadline, 'settings', OLD.settings, 'created_at', OLD.created_at),
            json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'period_start', NEW.period_start, 'period_end', NEW.period_end, 'deadline', NEW.deadline, 'settings', NEW.settings, 'created_at', NEW.created_at));
END;

CREATE TRIGGER audit_campaigns_delete AFTER DELETE ON campaigns
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'campaigns', OLD.id, OLD.id, NULL, 'delete',
            json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'period_start', OLD.period_start, 'period_end', OLD.period_end, 'deadline', OLD.deadline, 'settings', OLD.settings, 'created_at', OLD.created_at),
            NULL);
END;

CREATE TRIGGER audit_units_insert AFTER INSERT ON units
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position));
END;

CREATE TRIGGER audit_units_update AFTER UPDATE ON units
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'kind', NEW.kind, 'position', NEW.position));
END;

CREATE TRIGGER audit_units_delete AFTER DELETE ON units
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'units', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'kind', OLD.kind, 'position', OLD.position),
            NULL);
END;

CREATE TRIGGER audit_criteria_insert AFTER INSERT ON criteria
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'criteria', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'nominee_kind', NEW.nominee_kind, 'number', NEW.number, 'label', NEW.label, 'text', NEW.text, 'max_half_points', NEW.max_half_points, 'indicators', NEW.indicators));
END;

CREATE TRIGGER audit_criteria_update AFTER UPDATE ON criteria
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'nominee_kind', OLD.nominee_kind, 'number', OLD.number, 'label', OLD.label, 'text', OLD.text, 'max_half_points', OLD.max_half_points, 'indicators', OLD.indicators) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'nominee_kind', NEW.nominee_kind, 'number', NEW.number, 'label', NEW.label, 'text', NEW.text, 'max_half_points', NEW.max_half_points, 'indicators', NEW.indicators)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'criteria', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'nominee_kind', OLD.nominee_kind, 'number', OLD.number, 'label', OLD.label, 'text', OLD.text, 'max_half_points', OLD.max_half_points, 'indicators', OLD.indicators),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'nominee_kind', NEW.nominee_kind, 'number', NEW.number, 'label', NEW.label, 'text', NEW.text, 'max_half_points', NEW.max_half_points, 'indicators', NEW.indicators));
END;

CREATE TRIGGER audit_criteria_delete AFTER DELETE ON criteria
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'criteria', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'nominee_kind', OLD.nominee_kind, 'number', OLD.number, 'label', OLD.label, 'text', OLD.text, 'max_half_points', OLD.max_half_points, 'indicators', OLD.indicators),
            NULL);
END;

CREATE TRIGGER audit_nominations_insert AFTER INSERT ON nominations
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', NEW.id, NEW.campaign_id, NEW.id, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_nominations_update AFTER UPDATE ON nominations
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'recorded_at', OLD.recorded_at) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'recorded_at', NEW.recorded_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', NEW.id, NEW.campaign_id, NEW.id, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'recorded_at', OLD.recorded_at),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'unit_id', NEW.unit_id, 'kind', NEW.kind, 'name', NEW.name, 'name_folded', NEW.name_folded, 'gender', NEW.gender, 'position', NEW.position, 'submitted_at', NEW.submitted_at, 'proposal_letter', NEW.proposal_letter, 'minutes', NEW.minutes, 'achievement_report', NEW.achievement_report, 'summary', NEW.summary, 'decision', NEW.decision, 'status', NEW.status, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_nominations_delete AFTER DELETE ON nominations
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'nominations', OLD.id, OLD.campaign_id, OLD.id, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'unit_id', OLD.unit_id, 'kind', OLD.kind, 'name', OLD.name, 'name_folded', OLD.name_folded, 'gender', OLD.gender, 'position', OLD.position, 'submitted_at', OLD.submitted_at, 'proposal_letter', OLD.proposal_letter, 'minutes', OLD.minutes, 'achievement_report', OLD.achievement_report, 'summary', OLD.summary, 'decision', OLD.decision, 'status', OLD.status, 'recorded_at', OLD.recorded_at),
            NULL);
END;

CREATE TRIGGER audit_refusals_insert AFTER INSERT ON refusals
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'refusals', NEW.nomination_id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'insert',
            NULL,
            json_object('nomination_id', NEW.nomination_id, 'reason', NEW.reason, 'note', NEW.note, 'source', NEW.source));
END;

CREATE TRIGGER audit_refusals_update AFTER UPDATE ON refusals
WHEN json_object('nomination_id', OLD.nomination_id, 'reason', OLD.reason, 'note', OLD.note, 'source', OLD.source) IS NOT json_object('nomination_id', NEW.nomination_id, 'reason', NEW.reason, 'note', NEW.note, 'source', NEW.source)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'refusals', NEW.nomination_id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'update',
            json_object('nomination_id', OLD.nomination_id, 'reason', OLD.reason, 'note', OLD.note, 'source', OLD.source),
            json_object('nomination_id', NEW.nomination_id, 'reason', NEW.reason, 'note', NEW.note, 'source', NEW.source));
END;

CREATE TRIGGER audit_refusals_delete AFTER DELETE ON refusals
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'refusals', OLD.nomination_id, (SELECT campaign_id FROM nominations WHERE id = OLD.nomination_id), OLD.nomination_id, 'delete',
            json_object('nomination_id', OLD.nomination_id, 'reason', OLD.reason, 'note', OLD.note, 'source', OLD.source),
            NULL);
END;

CREATE TRIGGER audit_council_members_insert AFTER INSERT ON council_members
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_members', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'position', NEW.position, 'role', NEW.role, 'sort_order', NEW.sort_order));
END;

CREATE TRIGGER audit_council_members_update AFTER UPDATE ON council_members
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'position', OLD.position, 'role', OLD.role, 'sort_order', OLD.sort_order) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'position', NEW.position, 'role', NEW.role, 'sort_order', NEW.sort_order)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_members', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'position', OLD.position, 'role', OLD.role, 'sort_order', OLD.sort_order),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'name', NEW.name, 'name_folded', NEW.name_folded, 'position', NEW.position, 'role', NEW.role, 'sort_order', NEW.sort_order));
END;

CREATE TRIGGER audit_council_members_delete AFTER DELETE ON council_members
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_members', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'name', OLD.name, 'name_folded', OLD.name_folded, 'position', OLD.position, 'role', OLD.role, 'sort_order', OLD.sort_order),
            NULL);
END;

CREATE TRIGGER audit_council_rules_insert AFTER INSERT ON council_rules
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_rules', NEW.campaign_id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('campaign_id', NEW.campaign_id, 'rules', NEW.rules));
END;

CREATE TRIGGER audit_council_rules_update AFTER UPDATE ON council_rules
WHEN json_object('campaign_id', OLD.campaign_id, 'rules', OLD.rules) IS NOT json_object('campaign_id', NEW.campaign_id, 'rules', NEW.rules)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_rules', NEW.campaign_id, NEW.campaign_id, NULL, 'update',
            json_object('campaign_id', OLD.campaign_id, 'rules', OLD.rules),
            json_object('campaign_id', NEW.campaign_id, 'rules', NEW.rules));
END;

CREATE TRIGGER audit_council_rules_delete AFTER DELETE ON council_rules
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'council_rules', OLD.campaign_id, OLD.campaign_id, NULL, 'delete',
            json_object('campaign_id', OLD.campaign_id, 'rules', OLD.rules),
            NULL);
END;

CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed));
END;

CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
WHEN json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed) IS NOT json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', NEW.id, NEW.campaign_id, NULL, 'update',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed),
            json_object('id', NEW.id, 'campaign_id', NEW.campaign_id, 'held_on', NEW.held_on, 'place', NEW.place, 'closed', NEW.closed));
END;

CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meetings', OLD.id, OLD.campaign_id, NULL, 'delete',
            json_object('id', OLD.id, 'campaign_id', OLD.campaign_id, 'held_on', OLD.held_on, 'place', OLD.place, 'closed', OLD.closed),
            NULL);
END;

CREATE TRIGGER audit_meeting_attendance_insert AFTER INSERT ON meeting_attendance
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meeting_attendance', NEW.member_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NULL, 'insert',
            NULL,
            json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id));
END;

CREATE TRIGGER audit_meeting_attendance_update AFTER UPDATE ON meeting_attendance
WHEN json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id) IS NOT json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meeting_attendance', NEW.member_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NULL, 'update',
            json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id),
            json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id));
END;

CREATE TRIGGER audit_meeting_attendance_delete AFTER DELETE ON meeting_attendance
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'meeting_attendance', OLD.member_id, (SELECT campaign_id FROM meetings WHERE id = OLD.meeting_id), NULL, 'delete',
            json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id),
            NULL);
END;

CREATE TRIGGER audit_scores_insert AFTER INSERT ON scores
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'scores', NEW.nomination_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NEW.nomination_id, 'insert',
            NULL,
            json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id, 'nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'half_points', NEW.half_points));
END;

CREATE TRIGGER audit_scores_update AFTER UPDATE ON scores
WHEN json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id, 'nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'half_points', OLD.half_points) IS NOT json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id, 'nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'half_points', NEW.half_points)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'scores', NEW.nomination_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NEW.nomination_id, 'update',
            json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id, 'nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'half_points', OLD.half_points),
            json_object('meeting_id', NEW.meeting_id, 'member_id', NEW.member_id, 'nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'half_points', NEW.half_points));
END;

CREATE TRIGGER audit_scores_delete AFTER DELETE ON scores
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'scores', OLD.nomination_id, (SELECT campaign_id FROM meetings WHERE id = OLD.meeting_id), OLD.nomination_id, 'delete',
            json_object('meeting_id', OLD.meeting_id, 'member_id', OLD.member_id, 'nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'half_points', OLD.half_points),
            NULL);
END;

CREATE TRIGGER audit_votes_insert AFTER INSERT ON votes
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'votes', NEW.nomination_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NEW.nomination_id, 'insert',
            NULL,
            json_object('meeting_id', NEW.meeting_id, 'nomination_id', NEW.nomination_id, 'agree', NEW.agree, 'disagree', NEW.disagree, 'blank', NEW.blank));
END;

CREATE TRIGGER audit_votes_update AFTER UPDATE ON votes
WHEN json_object('meeting_id', OLD.meeting_id, 'nomination_id', OLD.nomination_id, 'agree', OLD.agree, 'disagree', OLD.disagree, 'blank', OLD.blank) IS NOT json_object('meeting_id', NEW.meeting_id, 'nomination_id', NEW.nomination_id, 'agree', NEW.agree, 'disagree', NEW.disagree, 'blank', NEW.blank)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'votes', NEW.nomination_id, (SELECT campaign_id FROM meetings WHERE id = NEW.meeting_id), NEW.nomination_id, 'update',
            json_object('meeting_id', OLD.meeting_id, 'nomination_id', OLD.nomination_id, 'agree', OLD.agree, 'disagree', OLD.disagree, 'blank', OLD.blank),
            json_object('meeting_id', NEW.meeting_id, 'nomination_id', NEW.nomination_id, 'agree', NEW.agree, 'disagree', NEW.disagree, 'blank', NEW.blank));
END;

CREATE TRIGGER audit_votes_delete AFTER DELETE ON votes
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'votes', OLD.nomination_id, (SELECT campaign_id FROM meetings WHERE id = OLD.meeting_id), OLD.nomination_id, 'delete',
            json_object('meeting_id', OLD.meeting_id, 'nomination_id', OLD.nomination_id, 'agree', OLD.agree, 'disagree', OLD.disagree, 'blank', OLD.blank),
            NULL);
END;

CREATE TRIGGER audit_indicator_figures_insert AFTER INSERT ON indicator_figures
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'indicator_figures', NEW.nomination_id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'insert',
            NULL,
            json_object('nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'indicator_index', NEW.indicator_index, 'figure_tenths', NEW.figure_tenths));
END;

CREATE TRIGGER audit_indicator_figures_update AFTER UPDATE ON indicator_figures
WHEN json_object('nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'indicator_index', OLD.indicator_index, 'figure_tenths', OLD.figure_tenths) IS NOT json_object('nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'indicator_index', NEW.indicator_index, 'figure_tenths', NEW.figure_tenths)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'indicator_figures', NEW.nomination_id, (SELECT campaign_id FROM nominations WHERE id = NEW.nomination_id), NEW.nomination_id, 'update',
            json_object('nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'indicator_index', OLD.indicator_index, 'figure_tenths', OLD.figure_tenths),
            json_object('nomination_id', NEW.nomination_id, 'criterion_number', NEW.criterion_number, 'indicator_index', NEW.indicator_index, 'figure_tenths', NEW.figure_tenths));
END;

CREATE TRIGGER audit_indicator_figures_delete AFTER DELETE ON indicator_figures
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'indicator_figures', OLD.nomination_id, (SELECT campaign_id FROM nominations WHERE id = OLD.nomination_id), OLD.nomination_id, 'delete',
            json_object('nomination_id', OLD.nomination_id, 'criterion_number', OLD.criterion_number, 'indicator_index', OLD.indicator_index, 'figure_tenths', OLD.figure_tenths),
            NULL);
END;

CREATE TRIGGER audit_shortlist_insert AFTER INSERT ON shortlist
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'shortlist', NEW.nomination_id, NEW.campaign_id, NEW.nomination_id, 'insert',
            NULL,
            json_object('campaign_id', NEW.campaign_id, 'nomination_id', NEW.nomination_id, 'position', NEW.position, 'reason', NEW.reason, 'added_at', NEW.added_at));
END;

CREATE TRIGGER audit_shortlist_update AFTER UPDATE ON shortlist
WHEN json_object('campaign_id', OLD.campaign_id, 'nomination_id', OLD.nomination_id, 'position', OLD.position, 'reason', OLD.reason, 'added_at', OLD.added_at) IS NOT json_object('campaign_id', NEW.campaign_id, 'nomination_id', NEW.nomination_id, 'position', NEW.position, 'reason', NEW.reason, 'added_at', NEW.added_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'shortlist', NEW.nomination_id, NEW.campaign_id, NEW.nomination_id, 'update',
            json_object('campaign_id', OLD.campaign_id, 'nomination_id', OLD.nomination_id, 'position', OLD.position, 'reason', OLD.reason, 'added_at', OLD.added_at),
            json_object('campaign_id', NEW.campaign_id, 'nomination_id', NEW.nomination_id, 'position', NEW.position, 'reason', NEW.reason, 'added_at', NEW.added_at));
END;

CREATE TRIGGER audit_shortlist_delete AFTER DELETE ON shortlist
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'shortlist', OLD.nomination_id, OLD.campaign_id, OLD.nomination_id, 'delete',
            json_object('campaign_id', OLD.campaign_id, 'nomination_id', OLD.nomination_id, 'position', OLD.position, 'reason', OLD.reason, 'added_at', OLD.added_at),
            NULL);
END;

-- The documents' tables (decision record, certificate stock offsets).

CREATE TRIGGER audit_decisions_insert AFTER INSERT ON decisions
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'decisions', NEW.campaign_id, NEW.campaign_id, NULL, 'insert',
            NULL,
            json_object('campaign_id', NEW.campaign_id, 'number', NEW.number, 'signed_on', NEW.signed_on, 'signer_name', NEW.signer_name, 'signer_title', NEW.signer_title, 'signer_behalf', NEW.signer_behalf, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_decisions_update AFTER UPDATE ON decisions
WHEN json_object('campaign_id', OLD.campaign_id, 'number', OLD.number, 'signed_on', OLD.signed_on, 'signer_name', OLD.signer_name, 'signer_title', OLD.signer_title, 'signer_behalf', OLD.signer_behalf, 'recorded_at', OLD.recorded_at) IS NOT json_object('campaign_id', NEW.campaign_id, 'number', NEW.number, 'signed_on', NEW.signed_on, 'signer_name', NEW.signer_name, 'signer_title', NEW.signer_title, 'signer_behalf', NEW.signer_behalf, 'recorded_at', NEW.recorded_at)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'decisions', NEW.campaign_id, NEW.campaign_id, NULL, 'update',
            json_object('campaign_id', OLD.campaign_id, 'number', OLD.number, 'signed_on', OLD.signed_on, 'signer_name', OLD.signer_name, 'signer_title', OLD.signer_title, 'signer_behalf', OLD.signer_behalf, 'recorded_at', OLD.recorded_at),
            json_object('campaign_id', NEW.campaign_id, 'number', NEW.number, 'signed_on', NEW.signed_on, 'signer_name', NEW.signer_name, 'signer_title', NEW.signer_title, 'signer_behalf', NEW.signer_behalf, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER audit_decisions_delete AFTER DELETE ON decisions
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'decisions', OLD.campaign_id, OLD.campaign_id, NULL, 'delete',
            json_object('campaign_id', OLD.campaign_id, 'number', OLD.number, 'signed_on', OLD.signed_on, 'signer_name', OLD.signer_name, 'signer_title', OLD.signer_title, 'signer_behalf', OLD.signer_behalf, 'recorded_at', OLD.recorded_at),
            NULL);
END;

CREATE TRIGGER audit_certificate_offsets_insert AFTER INSERT ON certificate_offsets
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'certificate_offsets', NULL, NULL, NULL, 'insert',
            NULL,
            json_object('field', NEW.field, 'dx', NEW.dx, 'dy', NEW.dy));
END;

CREATE TRIGGER audit_certificate_offsets_update AFTER UPDATE ON certificate_offsets
WHEN json_object('field', OLD.field, 'dx', OLD.dx, 'dy', OLD.dy) IS NOT json_object('field', NEW.field, 'dx', NEW.dx, 'dy', NEW.dy)
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'certificate_offsets', NULL, NULL, NULL, 'update',
            json_object('field', OLD.field, 'dx', OLD.dx, 'dy', OLD.dy),
            json_object('field', NEW.field, 'dx', NEW.dx, 'dy', NEW.dy));
END;

CREATE TRIGGER audit_certificate_offsets_delete AFTER DELETE ON certificate_offsets
BEGIN
    INSERT INTO audit_log (at, actor, table_name, row_id, campaign_id, nomination_id, action, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE((SELECT actor FROM audit_actor WHERE id = 1), ''), 'certificate_offsets', NULL, NULL, NULL, 'delete',
            json_object('field', OLD.field, 'dx', OLD.dx, 'dy', OLD.dy),
            NULL);
END;
