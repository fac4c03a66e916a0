-- The language each account reads the program in ("" until chosen: the
-- sign-in page's choice, then English).  server/language.h says which
-- wins.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT ''
    CHECK (language IN ('', 'en', 'cy'));
