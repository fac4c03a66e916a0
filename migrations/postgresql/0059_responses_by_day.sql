-- Answers by the day they were given (the SQLite migration of the same
-- name says why).
CREATE INDEX responses_by_day ON responses (responded_on, on_time, days_taken);
