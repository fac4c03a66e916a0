-- An optional age band on an arrival, so a plan for older people (the
-- over-50s forum's) can be followed up for those it is meant for.  A
-- band, never a date of birth.
ALTER TABLE arrivals ADD COLUMN age_band TEXT CHECK (age_band IS NULL OR
    age_band IN ('under_25', '25_49', '50_64', '65_plus'));
