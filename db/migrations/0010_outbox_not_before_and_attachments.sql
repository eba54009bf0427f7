ALTER TABLE `mail_outbox` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attachments` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `job_key` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_job_key_idx` ON `mail_outbox` (`job_key`,`status`);