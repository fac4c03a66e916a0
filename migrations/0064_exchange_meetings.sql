-- Meetings travel between a station and its hub (docs/exchange.md), with
-- their agenda and minutes, papers and decisions; the guards of 0063
-- extended to them.
--
-- A meeting is held in the prison, so a group at a site a station holds
-- has its meetings, agenda items and decisions recorded on the station:
-- making one at the hub is refused.  Papers may be added at both places
-- (the organisation's own report for the forum's meeting), and either
-- may correct a record: they are shared, the station's version standing
-- where both changed one.
--
-- As in 0063, the station's own administrator never travels, so no
-- meeting record that travels may name them.

CREATE TRIGGER meetings_kept_by_station BEFORE INSERT ON meetings
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER agenda_items_kept_by_station BEFORE INSERT ON agenda_items
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = NEW.meeting_id) IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER meeting_decisions_kept_by_station BEFORE INSERT ON meeting_decisions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT g.site_id FROM meetings m JOIN groups g ON g.id = m.group_id
	WHERE m.id = NEW.meeting_id) IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER meetings_created_by_travels BEFORE INSERT ON meetings
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER meetings_invited_id_travels BEFORE INSERT ON meetings
WHEN (SELECT role FROM place) = 'station'
    AND NEW.invited_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER papers_uploaded_by_travels BEFORE INSERT ON papers
WHEN (SELECT role FROM place) = 'station'
    AND NEW.uploaded_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER meeting_decisions_created_by_travels BEFORE INSERT ON meeting_decisions
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
