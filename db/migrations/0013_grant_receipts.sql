CREATE TABLE `grant_receipt_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tranche_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tranche_id`) REFERENCES `grant_tranches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grant_receipt_events_tranche_idx` ON `grant_receipt_events` (`tranche_id`,`id`);--> statement-breakpoint
CREATE TABLE `grant_receipt_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_line_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`receipt_line_id`) REFERENCES `grant_receipt_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_receipt_files_storageKey_unique` ON `grant_receipt_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `grant_receipt_files_line_idx` ON `grant_receipt_files` (`receipt_line_id`);--> statement-breakpoint
CREATE TABLE `grant_receipt_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`tranche_id` integer NOT NULL,
	`budget_item_id` integer NOT NULL,
	`actual_amount` integer NOT NULL,
	`reason` text,
	`entered_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tranche_id`) REFERENCES `grant_tranches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`budget_item_id`) REFERENCES `application_budget_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "grant_receipt_lines_actual_nonnegative" CHECK("grant_receipt_lines"."actual_amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_receipt_lines_line_idx` ON `grant_receipt_lines` (`tranche_id`,`budget_item_id`);--> statement-breakpoint
CREATE INDEX `grant_receipt_lines_grant_idx` ON `grant_receipt_lines` (`grant_id`);