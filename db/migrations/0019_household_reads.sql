CREATE TABLE `household_reads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`viewer_user_id` integer NOT NULL,
	`viewer_role` text NOT NULL,
	`what` text NOT NULL,
	`subject_id` integer,
	`ip_address` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`viewer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_reads_household_idx` ON `household_reads` (`household_id`,`id`);