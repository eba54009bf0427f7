ALTER TABLE `grants` ADD `identity_document_kind` text;--> statement-breakpoint
ALTER TABLE `grants` ADD `identity_document_number` text;