-- A binding mistake stored an address instead of the date a poll was
-- closed (db.h now refuses such a call at build time).  The day it was
-- closed is not recorded elsewhere; the last day of voting is the
-- nearest true date, and a poll is closed on or after it.
UPDATE elections SET closed_on = voting_closes_on
WHERE closed_on IS NOT NULL
  AND closed_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*';
