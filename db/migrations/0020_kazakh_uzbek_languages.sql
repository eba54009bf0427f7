ALTER TABLE `competitions` ADD `title_kk` text;--> statement-breakpoint
ALTER TABLE `competitions` ADD `title_uz` text;--> statement-breakpoint
ALTER TABLE `competitions` ADD `description_kk` text;--> statement-breakpoint
ALTER TABLE `competitions` ADD `description_uz` text;--> statement-breakpoint
ALTER TABLE `competitions` ADD `default_locale` text;--> statement-breakpoint
ALTER TABLE `round_criteria` ADD `title_kk` text;--> statement-breakpoint
ALTER TABLE `round_criteria` ADD `title_uz` text;--> statement-breakpoint
ALTER TABLE `round_criteria` ADD `description_kk` text;--> statement-breakpoint
ALTER TABLE `round_criteria` ADD `description_uz` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_kk` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_uz` text;--> statement-breakpoint
ALTER TABLE `users` ADD `locale_chosen_at` integer;