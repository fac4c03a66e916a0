-- migrations/0072_agenda_titles_without_kind.sql, word for word: an
-- agenda item made from a record loses the English of its kind that it
-- once stored in front of its title ("Action point: "), now worded when
-- the item is shown, in its reader's language (agenda_list).  substr
-- and length count characters on both engines.

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
