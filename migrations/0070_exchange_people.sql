-- The people registered at a station's site, their memberships of its
-- groups, its training sessions, the completions and supervisions of its
-- people, and the attendance at its meetings travel between the station and its hub (docs/exchange.md,
-- "Who owns what"); the guards of 0063 to 0066 extended to them.
--
-- They are recorded on the station: at the hub, registering, changing
-- or removing a person of a site a station holds is refused, and so is
-- a membership of one of its groups, a session at that site, a completion or supervision of one of its
-- people, or attendance at one of its groups' meetings.  The catalogue
-- of courses is the organisation's: at a station, making, changing or
-- retiring a course is refused.
--
-- As in 0063, no record that travels may name the station's own
-- administrator.

CREATE TRIGGER people_kept_by_station_insert BEFORE INSERT ON people
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (NEW.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER people_kept_by_station_update BEFORE UPDATE ON people
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (OLD.site_id IN (SELECT site_id FROM exchange_peer_sites) OR NEW.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER people_kept_by_station_delete BEFORE DELETE ON people
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (OLD.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER memberships_kept_by_station_insert BEFORE INSERT ON memberships
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER memberships_kept_by_station_update BEFORE UPDATE ON memberships
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM groups WHERE id = OLD.group_id)
	IN (SELECT site_id FROM exchange_peer_sites) OR (SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER memberships_kept_by_station_delete BEFORE DELETE ON memberships
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM groups WHERE id = OLD.group_id)
	IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER course_sessions_kept_by_station_insert BEFORE INSERT ON course_sessions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (NEW.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER course_sessions_kept_by_station_update BEFORE UPDATE ON course_sessions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (OLD.site_id IN (SELECT site_id FROM exchange_peer_sites) OR NEW.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER course_sessions_kept_by_station_delete BEFORE DELETE ON course_sessions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (OLD.site_id IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER completions_kept_by_station_insert BEFORE INSERT ON completions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = NEW.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER completions_kept_by_station_update BEFORE UPDATE ON completions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = OLD.person_id) IN (SELECT site_id FROM exchange_peer_sites) OR (SELECT site_id FROM people WHERE id = NEW.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER completions_kept_by_station_delete BEFORE DELETE ON completions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = OLD.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER supervisions_kept_by_station_insert BEFORE INSERT ON supervisions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = NEW.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER supervisions_kept_by_station_update BEFORE UPDATE ON supervisions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = OLD.person_id) IN (SELECT site_id FROM exchange_peer_sites) OR (SELECT site_id FROM people WHERE id = NEW.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER supervisions_kept_by_station_delete BEFORE DELETE ON supervisions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT site_id FROM people WHERE id = OLD.person_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER attendance_kept_by_station_insert BEFORE INSERT ON attendance
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = NEW.meeting_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER attendance_kept_by_station_update BEFORE UPDATE ON attendance
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = OLD.meeting_id) IN (SELECT site_id FROM exchange_peer_sites) OR (SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = NEW.meeting_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER attendance_kept_by_station_delete BEFORE DELETE ON attendance
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND ((SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = OLD.meeting_id) IN (SELECT site_id FROM exchange_peer_sites))
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER courses_kept_by_hub_insert BEFORE INSERT ON courses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER courses_kept_by_hub_update BEFORE UPDATE ON courses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER courses_kept_by_hub_delete BEFORE DELETE ON courses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER course_sessions_created_by_travels BEFORE INSERT ON course_sessions
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER completions_created_by_travels BEFORE INSERT ON completions
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER supervisions_supervisor_id_travels BEFORE INSERT ON supervisions
WHEN (SELECT role FROM place) = 'station'
    AND NEW.supervisor_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
