CREATE TABLE `family_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`sent_by_id` integer NOT NULL,
	`business_status` text NOT NULL,
	`monthly_revenue` integer,
	`question` text,
	`read_at` integer,
	`read_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "family_reports_revenue" CHECK("family_reports"."monthly_revenue" is null or "family_reports"."monthly_revenue" >= 0)
);
--> statement-breakpoint
CREATE INDEX `family_reports_grant_idx` ON `family_reports` (`grant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `grant_baselines` (
	`grant_id` integer PRIMARY KEY NOT NULL,
	`monthly_household_income` integer NOT NULL,
	`income_sources` text NOT NULL,
	`has_savings` integer NOT NULL,
	`decides_own_earnings` text,
	`decides_large_purchases` text,
	`decides_business_money` text,
	`say_in_money` integer,
	`recorded_on` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "grant_baselines_income" CHECK("grant_baselines"."monthly_household_income" >= 0),
	CONSTRAINT "grant_baselines_say" CHECK("grant_baselines"."say_in_money" is null or "grant_baselines"."say_in_money" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `monitoring_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`month` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'due' NOT NULL,
	`visited_on` text,
	`recorded_by_id` integer,
	`recorded_at` integer,
	`business_status` text,
	`status_reason` text,
	`monthly_revenue` integer,
	`monthly_costs` integer,
	`jobs_women_hundredths` integer,
	`jobs_men_hundredths` integer,
	`monthly_household_income` integer,
	`asset_state` text,
	`notes` text,
	`decides_own_earnings` text,
	`decides_large_purchases` text,
	`decides_business_money` text,
	`say_in_money` integer,
	`latitude` text,
	`longitude` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "monitoring_visits_month" CHECK("monitoring_visits"."month" in (3, 6, 12)),
	CONSTRAINT "monitoring_visits_say" CHECK("monitoring_visits"."say_in_money" is null or "monitoring_visits"."say_in_money" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_visits_grant_month_idx` ON `monitoring_visits` (`grant_id`,`month`);--> statement-breakpoint
CREATE INDEX `monitoring_visits_due_idx` ON `monitoring_visits` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `outcome_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`visit_id` integer,
	`report_id` integer,
	`storage_path` text NOT NULL,
	`content_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `monitoring_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `family_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outcome_photos_owner" CHECK(("outcome_photos"."visit_id" is null) <> ("outcome_photos"."report_id" is null))
);
--> statement-breakpoint
CREATE INDEX `outcome_photos_visit_idx` ON `outcome_photos` (`visit_id`);--> statement-breakpoint
CREATE INDEX `outcome_photos_report_idx` ON `outcome_photos` (`report_id`);--> statement-breakpoint
CREATE TABLE `safeguarding_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`visit_id` integer,
	`note` text NOT NULL,
	`raised_by_id` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` integer,
	`resolution` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `monitoring_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_flags_grant_idx` ON `safeguarding_flags` (`grant_id`);