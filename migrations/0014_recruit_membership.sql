-- The membership a recruit's activation made, so that leaving the
-- pipeline from "active" ends that role alone, not every role the person
-- holds in the group (they may have been added directly as well).
-- NULL when activation made none (they were already in the group).
ALTER TABLE recruits ADD COLUMN membership_id INTEGER
    REFERENCES memberships(id);

-- Recruits already active: activation made a role in their position from
-- the day they became active.
UPDATE recruits SET membership_id = (SELECT min(m.id) FROM memberships m
    WHERE m.group_id = recruits.group_id
    AND m.person_id = recruits.person_id
    AND m.position = recruits.position AND m.from_on = recruits.stage_on)
    WHERE stage = 'active';
