-- Answers by the day they were given, for the organisation's evidence:
-- its flows, median and "you said, we did" walk the period's answers
-- straight, instead of every proposal of every group (the organisation's
-- dashboard over the bench data: 171 ms to well under 100 ms).  Covers
-- what the flow and the median read.
CREATE INDEX responses_by_day ON responses (responded_on, on_time, days_taken);
