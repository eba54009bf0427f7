-- The decision board at 10,000 applications: round_ranks stores the final ranking of a closed round
-- (rank-ordered pages and rank ranges read through round_ranks_rank_idx instead of re-ranking
-- 180,000 scored criteria per view); assignments_application_idx lets the jurors' comments on a
-- page of applications be read by application instead of scanning every assignment.
CREATE TABLE `round_ranks` (
	`round_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`score` real,
	`normalised` integer NOT NULL,
	PRIMARY KEY(`round_id`, `application_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_ranks_rank_idx` ON `round_ranks` (`round_id`,`rank`);--> statement-breakpoint
CREATE INDEX `assignments_application_idx` ON `assignments` (`application_id`);