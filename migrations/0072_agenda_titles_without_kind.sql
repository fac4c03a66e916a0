-- An agenda item made from a record (an action point, a proposal to
-- decide, a response received) once stored the English of its kind in
-- front of its title ("Action point: Fix the kettle").  The kind is now
-- worded when the item is shown, in its reader's language (agenda_list),
-- so the English goes, once, here, rather than on every read.  substr
-- compares exactly (LIKE ignores case), and the same text runs on
-- PostgreSQL (migrations/postgresql/0072_agenda_titles_without_kind.sql).

UPDATE agenda_items SET title = substr(title, length('Action point: ') + 1)
WHERE kind = 'action'
    AND substr(title, 1, length('Action point: ')) = 'Action point: ';

UPDATE agenda_items
SET title = substr(title, length('Proposal to decide: ') + 1)
WHERE kind = 'proposal'
    AND substr(title, 1, length('Proposal to decide: ')) =
	'Proposal to decide: ';

UPDATE agenda_items
SET title = substr(title, length('Response received: ') + 1)
WHERE kind = 'response'
    AND substr(title, 1, length('Response received: ')) =
	'Response received: ';
