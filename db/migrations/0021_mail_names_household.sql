-- A notice to someone other than the family that names her (a consultant's booking notices, a
-- facilitator's visit reminders, staff's "a report came") carries her household, so anonymising
-- her scrubs it (app/models/anonymisation.server.ts).
ALTER TABLE `mail_outbox` ADD `household_id` integer REFERENCES households(id);--> statement-breakpoint
CREATE INDEX `mail_outbox_household_idx` ON `mail_outbox` (`household_id`);--> statement-breakpoint
-- Notices written before the column: reminders by their job key (booking, visit)...
UPDATE `mail_outbox` SET `household_id` = (
  SELECT `b`.`household_id` FROM `consultation_bookings` `b`
  WHERE 'booking-reminder:' || `b`.`id` = `mail_outbox`.`job_key`
) WHERE `job_key` LIKE 'booking-reminder:%';
--> statement-breakpoint
UPDATE `mail_outbox` SET `household_id` = (
  SELECT `a`.`household_id` FROM `monitoring_visits` `v`
  JOIN `grants` `g` ON `g`.`id` = `v`.`grant_id`
  JOIN `applications` `a` ON `a`.`id` = `g`.`application_id`
  WHERE 'visit-reminder:' || `v`.`id` = `mail_outbox`.`job_key`
) WHERE `job_key` LIKE 'visit-reminder:%';
--> statement-breakpoint
-- ...and the other notices that name a family by the application reference in their subject.
UPDATE `mail_outbox` SET `household_id` = (
  SELECT `a`.`household_id` FROM `applications` `a`
  WHERE `a`.`reference` IS NOT NULL AND instr(`mail_outbox`.`subject`, `a`.`reference`) > 0
  LIMIT 1
) WHERE `household_id` IS NULL AND `template` IN (
  'visit-due', 'family-report-received', 'consultant-booking-new', 'consultant-booking-promoted',
  'consultant-booking-moved', 'consultant-booking-cancelled', 'consultant-booking-reminder'
);
