-- How each account reads the pages: "standard", or "easy" (easy read:
-- short sentences, one idea a line, a picture beside each key point,
-- large text; server/easy_read.h); "" until chosen, when the sign-in
-- page's choice (?read=, kept in a cookie) holds.
ALTER TABLE accounts ADD COLUMN reading TEXT NOT NULL DEFAULT ''
    CHECK (reading IN ('', 'standard', 'easy'));
