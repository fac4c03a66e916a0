-- Arrivals, expense claims and elections' published results travel
-- between a station and its hub (docs/exchange.md); the guards of 0063
-- extended to them.
--
-- New arrivals are met on the wing: at the hub, a group at a site a
-- station holds has its arrivals, their steps and its standard plan for
-- them kept on the station.  So are its elections: the hub may not hold
-- one for such a group (only a published result ever travels).
--
-- An expense claim may be made at either place, but it is decided and
-- paid at the hub: at a station, changing a claim's decision is refused.
--
-- As in 0063, no record that travels may name the station's own
-- administrator.

CREATE TRIGGER arrivals_kept_by_station BEFORE INSERT ON arrivals
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER arrival_steps_kept_by_station_insert BEFORE INSERT ON arrival_steps
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT g.site_id FROM arrivals a JOIN groups g ON g.id = a.group_id
	WHERE a.id = NEW.arrival_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER arrival_steps_kept_by_station_update BEFORE UPDATE ON arrival_steps
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT g.site_id FROM arrivals a JOIN groups g ON g.id = a.group_id
	WHERE a.id = NEW.arrival_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER arrival_plan_steps_kept_by_station_insert BEFORE INSERT ON arrival_plan_steps
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER arrival_plan_steps_kept_by_station_delete BEFORE DELETE ON arrival_plan_steps
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT site_id FROM groups WHERE id = OLD.group_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER elections_kept_by_station BEFORE INSERT ON elections
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND (SELECT site_id FROM groups WHERE id = NEW.group_id)
	IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER expense_claims_decided_at_hub BEFORE UPDATE ON expense_claims
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND (NEW.state IS NOT OLD.state OR NEW.decided_by IS NOT OLD.decided_by
	OR NEW.decided_on IS NOT OLD.decided_on OR NEW.reason IS NOT OLD.reason
	OR NEW.paid_on IS NOT OLD.paid_on)
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER expense_claims_claimant_id_travels BEFORE INSERT ON expense_claims
WHEN (SELECT role FROM place) = 'station'
    AND NEW.claimant_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER arrivals_recorded_by_travels BEFORE INSERT ON arrivals
WHEN (SELECT role FROM place) = 'station'
    AND NEW.recorded_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER arrival_steps_done_by_travels BEFORE UPDATE ON arrival_steps
WHEN (SELECT role FROM place) = 'station'
    AND NEW.done_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER elections_created_by_travels BEFORE INSERT ON elections
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
