-- Who may write what, once places exchange (docs/exchange.md).
--
-- At a station, what the hub owns arrives only in the hub's bundles:
-- making, changing or removing such a record there is refused.  Accounts,
-- and grants over the whole organisation, may be made there: the
-- station's own administrator, numbered in the station's range, who
-- never travels.
--
-- At the hub, a site that a station holds has its conversations and
-- issues recorded on the station: making one at the hub is refused.
--
-- exchange_applying holds its one row only inside the transaction that
-- applies a bundle (exchange_import), which is how the other place's
-- records come in; no other connection ever sees it.

CREATE TABLE exchange_applying (
	id		INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TRIGGER sites_kept_by_hub_insert BEFORE INSERT ON sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER sites_kept_by_hub_update BEFORE UPDATE ON sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER sites_kept_by_hub_delete BEFORE DELETE ON sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER units_kept_by_hub_insert BEFORE INSERT ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER units_kept_by_hub_update BEFORE UPDATE ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER units_kept_by_hub_delete BEFORE DELETE ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER groups_kept_by_hub_insert BEFORE INSERT ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER groups_kept_by_hub_update BEFORE UPDATE ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER groups_kept_by_hub_delete BEFORE DELETE ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER grants_kept_by_hub_insert BEFORE INSERT ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND NEW.scope != 'organisation'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER grants_kept_by_hub_update BEFORE UPDATE ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND OLD.scope != 'organisation'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER grants_kept_by_hub_delete BEFORE DELETE ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND OLD.scope != 'organisation'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER topics_kept_by_hub_insert BEFORE INSERT ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER topics_kept_by_hub_update BEFORE UPDATE ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER topics_kept_by_hub_delete BEFORE DELETE ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER services_kept_by_hub_insert BEFORE INSERT ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER services_kept_by_hub_update BEFORE UPDATE ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER services_kept_by_hub_delete BEFORE DELETE ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER service_sites_kept_by_hub_insert BEFORE INSERT ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER service_sites_kept_by_hub_update BEFORE UPDATE ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER service_sites_kept_by_hub_delete BEFORE DELETE ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'kept by the hub: change it there'); END;

CREATE TRIGGER conversations_kept_by_station BEFORE INSERT ON conversations
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND NEW.site_id IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'kept by the site''s station: record it there'); END;

CREATE TRIGGER issues_kept_by_station BEFORE INSERT ON issues
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND NEW.site_id IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'kept by the site''s station: record it there'); END;
