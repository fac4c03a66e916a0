-- A question's seal opens only when its panel is whole again.
--
-- 0010 counted active members only, so removing an evaluator for a
-- conflict could leave a question whose remaining members had all
-- submitted: the seal opened in the gap before the reserve joined.
--
-- "Whole" is defined by replacement, not by a number set up for the
-- lot (lots have no panel size): every member ever assigned to the
-- question and removed must have been replaced (replaced_by set; the
-- reserve takes over their questions).  A reserve who is removed in
-- turn needs a replacement too.  `vacant` counts the seats still
-- waiting; the seal needs it to be 0 (UNSEALED in scoring_store.c).
DROP VIEW question_seals;
CREATE VIEW question_seals AS
SELECT q.id AS question_id, q.lot_id,
	(SELECT count(*) FROM panel_questions pq JOIN panel_members pm
	    ON pm.id = pq.panel_member_id AND pm.state = 'active'
	    WHERE pq.question_id = q.id) AS assigned,
	(SELECT count(*) FROM bids b WHERE b.lot_id = q.lot_id) AS bids,
	(SELECT count(*) FROM scores s JOIN panel_members pm
	    ON pm.id = s.panel_member_id AND pm.state = 'active'
	    JOIN panel_questions pq ON pq.panel_member_id = pm.id
	    AND pq.question_id = s.question_id
	    WHERE s.question_id = q.id AND s.submitted_at IS NOT NULL)
	    AS submitted,
	(SELECT count(*) FROM panel_questions pq JOIN panel_members pm
	    ON pm.id = pq.panel_member_id AND pm.state = 'removed'
	    AND pm.replaced_by IS NULL
	    WHERE pq.question_id = q.id) AS vacant
FROM lot_questions q;
