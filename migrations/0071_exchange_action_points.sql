-- A meeting's own action points (an action with no proposal) travel with
-- their meeting, and so does the progress recorded on them
-- (docs/exchange.md).  They are made at the meeting, on the station: at
-- the hub, setting one for a meeting of a group at a site a station
-- holds is refused (its progress may be recorded at both places).  The
-- actions set on proposals stay the hub's (migration 0063).
--
-- As in 0063, no record that travels may name the station's own
-- administrator: not as the one who will do the point, nor as the author
-- of its progress.

CREATE TRIGGER action_points_kept_by_station BEFORE INSERT ON actions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub' AND NEW.proposal_id IS NULL
    AND (SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = NEW.meeting_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER actions_owner_id_travels BEFORE INSERT ON actions
WHEN (SELECT role FROM place) = 'station'
    AND NEW.owner_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER action_updates_author_id_travels BEFORE INSERT ON action_updates
WHEN (SELECT role FROM place) = 'station'
    AND NEW.author_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
