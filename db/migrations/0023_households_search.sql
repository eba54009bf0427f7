-- The households list's search (migration 0022's search_text) read every household's text with a
-- LIKE: 3 ms at 10,000 households, which held a search view to a third of /login's requests per
-- second. A trigram full-text index finds any run of three or more letters through the index
-- instead (under 1 ms): households_search holds one row per household, its rowid the household's
-- id. It is contentless (content=''), so families' names are not stored a second time, with
-- contentless_delete so a row can be deleted by rowid, and secure-delete so a deleted or changed
-- name leaves no trace in the index (anonymisation relies on that). search_text is already folded
-- to lower case by fold(); the list's search folds what is typed the same way, and a search of one
-- or two letters, too short for trigrams, still uses the LIKE. One trigger keeps it: every write
-- that changes search_text (a household added, a member added, renamed, moved or removed, the
-- register number changed, anonymisation) goes through an UPDATE of households.search_text.
CREATE VIRTUAL TABLE `households_search` USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
INSERT INTO `households_search`(`households_search`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `households_search_update` AFTER UPDATE OF search_text ON households BEGIN
  DELETE FROM households_search WHERE rowid = old.id;
  INSERT INTO households_search(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `households_search_delete` AFTER DELETE ON households BEGIN
  DELETE FROM households_search WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `households_search`(rowid, search_text) SELECT id, search_text FROM households;
