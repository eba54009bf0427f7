ALTER TABLE `applications` ADD `feedback_locale` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_ky` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_ru` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_en` text;