CREATE TABLE `application_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_attachments_storageKey_unique` ON `application_attachments` (`storage_key`);--> statement-breakpoint
CREATE INDEX `application_attachments_application_idx` ON `application_attachments` (`application_id`);--> statement-breakpoint
CREATE TABLE `application_budget_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `application_budget_items_application_idx` ON `application_budget_items` (`application_id`);--> statement-breakpoint
CREATE TABLE `application_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`changed_by_id` integer,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_status_history_application_idx` ON `application_status_history` (`application_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`reference` text,
	`beneficiary_member_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`sector` text,
	`description` text DEFAULT '' NOT NULL,
	`market` text DEFAULT '' NOT NULL,
	`experience` text DEFAULT '' NOT NULL,
	`own_contribution` integer DEFAULT 0 NOT NULL,
	`requested_amount` integer DEFAULT 0 NOT NULL,
	`expected_monthly_revenue` integer,
	`expected_monthly_costs` integer,
	`jobs_created` integer,
	`entered_by_id` integer NOT NULL,
	`consent_id` integer,
	`submitted_at` integer,
	`submitted_by_id` integer,
	`withdrawn_at` integer,
	`screened_by_id` integer,
	`screened_at` integer,
	`ineligible_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beneficiary_member_id`) REFERENCES `household_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `household_consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_unique` ON `applications` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_one_per_household_idx` ON `applications` (`competition_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`competition_id`,`status`);--> statement-breakpoint
CREATE TABLE `competition_localities` (
	`competition_id` integer NOT NULL,
	`locality_id` integer NOT NULL,
	`quota` integer,
	PRIMARY KEY(`competition_id`, `locality_id`),
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_ky` text,
	`title_ru` text,
	`title_en` text,
	`description_ky` text,
	`description_ru` text,
	`description_en` text,
	`currency` text DEFAULT 'KGS' NOT NULL,
	`budget_total` integer NOT NULL,
	`min_grant` integer NOT NULL,
	`max_grant` integer NOT NULL,
	`timezone` text DEFAULT 'Asia/Bishkek' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`require_social_benefits` integer DEFAULT true NOT NULL,
	`required_training_sessions` integer DEFAULT 0 NOT NULL,
	`beneficiary_relations` text NOT NULL,
	`beneficiary_sex` text DEFAULT 'female' NOT NULL,
	`beneficiary_adult_only` integer DEFAULT true NOT NULL,
	`reference_prefix` text NOT NULL,
	`next_reference_number` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competitions_status_idx` ON `competitions` (`status`);--> statement-breakpoint
CREATE TABLE `household_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`given_by` text NOT NULL,
	`method` text NOT NULL,
	`given_at` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_consents_household_idx` ON `household_consents` (`household_id`);--> statement-breakpoint
CREATE TABLE `household_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`households_created` integer,
	`committed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `household_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_year` integer NOT NULL,
	`relation` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `household_members_household_idx` ON `household_members` (`household_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`locality_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`receives_social_benefits` integer DEFAULT false NOT NULL,
	`benefit_register_number` text,
	`phone` text,
	`user_id` integer,
	`source` text NOT NULL,
	`registered_by_id` integer,
	`anonymised_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_benefitRegisterNumber_unique` ON `households` (`benefit_register_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `households_userId_unique` ON `households` (`user_id`);--> statement-breakpoint
CREATE INDEX `households_locality_idx` ON `households` (`locality_id`);