-- Consultations and group training (issue 12).
-- consultation_slots: times a consultant publishes; the (consultant, start) index serves her agenda,
--   (locality, start) the families' list of open times by village, (status, start) the staff list.
-- consultation_bookings: (slot, status) makes the capacity check in the conditional booking insert an
--   index range count; (household, status) serves "one family, no two bookings at once / at most N
--   open"; the partial unique index makes a second live place for the same family in one slot
--   impossible even if two requests race.
-- training_attendance: (member, present) counts a grant holder's sessions for the eligibility check.
-- competitions: the programme's booking limits and the consultation requirement, per competition.
CREATE TABLE `consultation_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`booked_by_id` integer NOT NULL,
	`status` text NOT NULL,
	`help_with` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`waiting_since` integer,
	`cancelled_at` integer,
	`cancelled_by_id` integer,
	`cancel_reason` text,
	`attendance` text,
	`attendance_recorded_at` integer,
	`attendance_recorded_by_id` integer,
	`advice` text,
	`advice_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `consultation_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attendance_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_bookings_slot_status_idx` ON `consultation_bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE INDEX `consultation_bookings_household_status_idx` ON `consultation_bookings` (`household_id`,`status`);--> statement-breakpoint
CREATE INDEX `consultation_bookings_application_idx` ON `consultation_bookings` (`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_bookings_one_live_per_slot_idx` ON `consultation_bookings` (`slot_id`,`household_id`) WHERE status in ('booked', 'waiting');--> statement-breakpoint
CREATE TABLE `consultation_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultant_id` integer NOT NULL,
	`created_by_id` integer NOT NULL,
	`series_key` text,
	`starts_at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`mode` text NOT NULL,
	`place` text,
	`phone` text,
	`link` text,
	`locality_id` integer NOT NULL,
	`capacity` integer DEFAULT 1 NOT NULL,
	`topics` text NOT NULL,
	`languages` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`cancelled_at` integer,
	`cancelled_by_id` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consultant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_slots_consultant_start_idx` ON `consultation_slots` (`consultant_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `consultation_slots_locality_start_idx` ON `consultation_slots` (`locality_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `consultation_slots_start_idx` ON `consultation_slots` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `training_attendance` (
	`session_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`present` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `member_id`),
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `household_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_attendance_member_idx` ON `training_attendance` (`member_id`,`present`);--> statement-breakpoint
CREATE INDEX `training_attendance_household_idx` ON `training_attendance` (`household_id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`starts_at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`place` text NOT NULL,
	`locality_id` integer NOT NULL,
	`trainer_name` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_sessions_locality_start_idx` ON `training_sessions` (`locality_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `competitions` ADD `required_consultations` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `max_open_bookings` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `booking_cancel_notice_hours` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `booking_move_notice_hours` integer DEFAULT 24 NOT NULL;