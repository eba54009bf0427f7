ALTER TABLE `applications` ADD `awarded_amount` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `decision_reason` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `waitlist_position` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `feedback` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `publish_name_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `result_told_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `result_told_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `award_withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `award_withdrawn_reason` text;--> statement-breakpoint
ALTER TABLE `competitions` ADD `announced_at` integer;--> statement-breakpoint
ALTER TABLE `competitions` ADD `announced_by_id` integer REFERENCES users(id);