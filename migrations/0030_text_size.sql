-- Each account chooses the size of text it reads: on the pages and in
-- every document it prints (large print: at least 16 pt).
ALTER TABLE accounts ADD COLUMN text_size TEXT NOT NULL DEFAULT 'standard'
    CHECK (text_size IN ('standard', 'large'));
