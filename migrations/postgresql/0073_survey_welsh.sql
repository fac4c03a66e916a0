-- migrations/0073_survey_welsh.sql, word for word: a survey's own words
-- in Welsh, each optional ("" none), choices_cy one line per line of
-- choices; answers stay stored as the English choice.
ALTER TABLE surveys ADD COLUMN title_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE surveys ADD COLUMN intro_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE surveys ADD COLUMN consent_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN section_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN prompt_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE survey_questions ADD COLUMN choices_cy TEXT NOT NULL DEFAULT '';
