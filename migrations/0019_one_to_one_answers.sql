-- An answer given at a meeting (the monthly one-to-one of a forum chair
-- and a decision maker) links to that meeting, so the proposal shows
-- where it was answered and the meeting what was answered there.

ALTER TABLE responses ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
CREATE INDEX responses_meeting ON responses(meeting_id);
