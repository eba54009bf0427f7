-- The staff round page at 30,000 assignments counted each juror's active and submitted
-- assignments by reading every assignment row and its score row (80-115 ms per view). With the
-- status in assignments_juror_idx and scores_assignment_status_idx, those counts read the two
-- indexes alone (about a third of the time). The status is deliberately after juror_id: an index
-- starting (round_id, status) made SQLite pick it for the 'application not yet covered' check and
-- that query went from 30 ms to 45 s.
DROP INDEX `assignments_juror_idx`;--> statement-breakpoint
CREATE INDEX `assignments_juror_idx` ON `assignments` (`round_id`,`juror_id`,`status`);--> statement-breakpoint
CREATE INDEX `scores_assignment_status_idx` ON `scores` (`assignment_id`,`status`);