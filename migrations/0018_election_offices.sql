-- Elections end in office.  A published result gives each winner the
-- position for the term: a membership row from the day of the result,
-- with the day the term ends (term_ends_on; to_on stays NULL, so the
-- holder is current until someone takes over), and ends the previous
-- holder's row, who stays on as an ordinary member.  The term is set per
-- election, twelve months unless the group says otherwise.

ALTER TABLE memberships ADD COLUMN term_ends_on TEXT;
ALTER TABLE elections ADD COLUMN term_months INTEGER NOT NULL DEFAULT 12
    CHECK (term_months BETWEEN 1 AND 60);
