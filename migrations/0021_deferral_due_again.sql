-- A deferral that runs out makes the answer due again on the day it
-- ends: deferring now sets due_on to deferred_until, and proposals
-- deferred before that get the same deadline, so the overdue lists and
-- the escalation count from the day the deferral ended.
UPDATE proposals SET due_on = deferred_until
WHERE state = 'deferred' AND deferred_until IS NOT NULL;
