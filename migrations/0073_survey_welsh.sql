-- A survey's own words in Welsh (issue 20), each optional: "" when none
-- was written, and a Welsh reader then reads the English, marked as
-- English.  choices_cy holds one line per line of choices, in the same
-- order; an answer is stored as the English choice it stands beside
-- (the choice's identity), whichever language it was given in, so
-- counts never split by language.  The same text runs on PostgreSQL
-- (migrations/postgresql/0073_survey_welsh.sql).
ALTER TABLE surveys ADD COLUMN title_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE surveys ADD COLUMN intro_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE surveys ADD COLUMN consent_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN section_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN prompt_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN choices_cy TEXT NOT NULL DEFAULT '';
