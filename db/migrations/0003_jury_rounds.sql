CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`juror_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`assigned_by_id` integer,
	`recused_at` integer,
	`recusal_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`juror_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_unique_idx` ON `assignments` (`round_id`,`application_id`,`juror_id`);--> statement-breakpoint
CREATE INDEX `assignments_juror_idx` ON `assignments` (`round_id`,`juror_id`);--> statement-breakpoint
CREATE TABLE `juror_conflicts` (
	`competition_id` integer NOT NULL,
	`juror_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`competition_id`, `juror_id`, `household_id`),
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`juror_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `round_applications` (
	`round_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`advanced_at` integer,
	PRIMARY KEY(`round_id`, `application_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `round_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_ky` text,
	`title_ru` text,
	`title_en` text,
	`description_ky` text,
	`description_ru` text,
	`description_en` text,
	`max_points` integer NOT NULL,
	`weight` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_criteria_round_idx` ON `round_criteria` (`round_id`);--> statement-breakpoint
CREATE TABLE `round_jurors` (
	`round_id` integer NOT NULL,
	`juror_id` integer NOT NULL,
	`conflicts_declared_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `juror_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`jurors_per_application` integer NOT NULL,
	`is_blind` integer DEFAULT true NOT NULL,
	`exclude_own_locality` integer DEFAULT true NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`disagreement_threshold` integer DEFAULT 25 NOT NULL,
	`normalise` integer DEFAULT false NOT NULL,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_number_idx` ON `rounds` (`competition_id`,`number`);--> statement-breakpoint
CREATE TABLE `score_items` (
	`score_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`points` integer,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`score_id`, `criterion_id`),
	FOREIGN KEY (`score_id`) REFERENCES `scores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `round_criteria`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`overall_comment` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`reopened_at` integer,
	`reopened_by_id` integer,
	`reopen_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reopened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scores_assignmentId_unique` ON `scores` (`assignment_id`);