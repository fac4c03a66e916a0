-- The language a site and a group read in by default (issue 20): who has
-- not chosen one (on their account, or by the switch in this browser)
-- reads its pages in their group's or site's, and a kiosk its survey's;
-- "" none (English).  server/language.h says which wins.
ALTER TABLE sites ADD COLUMN language TEXT NOT NULL DEFAULT ''
    CHECK (language IN ('', 'en', 'cy'));
ALTER TABLE groups ADD COLUMN language TEXT NOT NULL DEFAULT ''
    CHECK (language IN ('', 'en', 'cy'));
