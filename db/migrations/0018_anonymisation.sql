ALTER TABLE `competitions` ADD `closed_at` integer;--> statement-breakpoint
-- Competitions closed before the column existed: the instant of the audit line that closed them.
UPDATE `competitions` SET `closed_at` = (
  SELECT max(`created_at`) FROM `audit_log`
  WHERE `entity_type` = 'competition' AND `entity_id` = CAST(`competitions`.`id` AS text)
    AND `action` = 'competition.status-changed' AND json_extract(`after`, '$.status') = 'closed'
) WHERE `status` = 'closed';
--> statement-breakpoint
-- Anonymisation redacts a line's personal fields (issue 16): the only edit allowed, recorded by
-- the chain itself. A redacted line keeps its id, action, subject, time and MAC (the link of the
-- next line); it turns to mac_version 3, whose content a later audit.lines-redacted line vouches
-- for (app/services/audit-integrity.server.ts). A redacted line is never edited again.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  OLD.`mac_version` IN (1, 2) AND NEW.`mac_version` = 3
  AND NEW.`id` = OLD.`id` AND NEW.`hash` = OLD.`hash` AND NEW.`prev_hash` = OLD.`prev_hash`
  AND NEW.`action` = OLD.`action` AND NEW.`entity_type` = OLD.`entity_type`
  AND NEW.`entity_id` IS OLD.`entity_id` AND NEW.`actor_user_id` IS OLD.`actor_user_id`
  AND NEW.`created_at` = OLD.`created_at`
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
