-- A decision maker invited to a meeting, and whether they came: one of
-- the measures of top-level support.
ALTER TABLE meetings ADD COLUMN invited_id INTEGER REFERENCES accounts(id);
ALTER TABLE meetings ADD COLUMN invited_attended INTEGER
    CHECK (invited_attended IN (0, 1));
