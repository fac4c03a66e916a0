-- A claim may name the meeting it was for (optional): finance and the
-- coordinator see which journey paid for which meeting.
ALTER TABLE expense_claims ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
