CREATE TABLE `competition_tranche_plans` (
	`competition_id` integer PRIMARY KEY NOT NULL,
	`steps` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `grant_tranches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`condition` text NOT NULL,
	`amount` integer NOT NULL,
	`receipts_verified_at` integer,
	`receipts_verified_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipts_verified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_tranches_position_idx` ON `grant_tranches` (`grant_id`,`position`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`beneficiary_member_id` integer,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'awaiting-signature' NOT NULL,
	`signed_on` integer,
	`signed_by_name` text,
	`witness_name` text,
	`scan_path` text,
	`signing_recorded_by_id` integer,
	`payment_method` text,
	`wallet_provider` text,
	`wallet_phone` text,
	`bank_account` text,
	`per_operation_limit` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beneficiary_member_id`) REFERENCES `household_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signing_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "grants_amount_positive" CHECK("grants"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grants_application_idx` ON `grants` (`application_id`);--> statement-breakpoint
CREATE INDEX `grants_competition_idx` ON `grants` (`competition_id`,`status`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`tranche_id` integer,
	`money_request_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`method` text NOT NULL,
	`reference` text NOT NULL,
	`paid_at` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`approved_by_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`reverses_entry_id` integer,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tranche_id`) REFERENCES `grant_tranches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`money_request_id`) REFERENCES `money_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_entries_four_eyes" CHECK("ledger_entries"."approved_by_id" <> "ledger_entries"."recorded_by_id"),
	CONSTRAINT "ledger_entries_nonzero" CHECK("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_idempotency_idx` ON `ledger_entries` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_request_idx` ON `ledger_entries` (`money_request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_reverses_idx` ON `ledger_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_grant_idx` ON `ledger_entries` (`grant_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_tranche_idx` ON `ledger_entries` (`tranche_id`);--> statement-breakpoint
CREATE TABLE `money_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`tranche_id` integer,
	`reverses_entry_id` integer,
	`amount` integer NOT NULL,
	`method` text NOT NULL,
	`paid_on` integer NOT NULL,
	`reference` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`decided_by_id` integer,
	`decided_at` integer,
	`rejection_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tranche_id`) REFERENCES `grant_tranches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_entry_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "money_requests_amount_positive" CHECK("money_requests"."amount" > 0),
	CONSTRAINT "money_requests_four_eyes" CHECK("money_requests"."decided_by_id" is null or "money_requests"."decided_by_id" <> "money_requests"."recorded_by_id")
);
--> statement-breakpoint
CREATE INDEX `money_requests_grant_idx` ON `money_requests` (`grant_id`,`status`);--> statement-breakpoint
CREATE INDEX `money_requests_status_idx` ON `money_requests` (`status`);--> statement-breakpoint
-- The money ledger is append-only, like the audit log: a mistake is corrected by a reversing entry.
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
