-- Who may write what, once places exchange (docs/exchange.md).
--
-- At a station, what the hub owns arrives only in the hub's bundles:
-- making, changing or removing such a record there is refused (a
-- decision maker's answer, an action on a proposal and its progress
-- among them).  Accounts, grants over the whole organisation and a
-- meeting's own action points may be made there: the station's own
-- administrator, numbered in the station's range, never travels.
--
-- At the hub, a site that a station holds has its conversations and
-- issues recorded on the station: making one at the hub is refused.
--
-- Every refusal's message begins "exchange: ", which the server shows
-- the person in place of the page (src/server/dispatch.c).
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
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER sites_kept_by_hub_update BEFORE UPDATE ON sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER sites_kept_by_hub_delete BEFORE DELETE ON sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER units_kept_by_hub_insert BEFORE INSERT ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER units_kept_by_hub_update BEFORE UPDATE ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER units_kept_by_hub_delete BEFORE DELETE ON units
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER groups_kept_by_hub_insert BEFORE INSERT ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER groups_kept_by_hub_update BEFORE UPDATE ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER groups_kept_by_hub_delete BEFORE DELETE ON groups
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER grants_kept_by_hub_insert BEFORE INSERT ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND NEW.scope != 'organisation'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER grants_kept_by_hub_update BEFORE UPDATE ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND (OLD.scope != 'organisation' OR NEW.scope != 'organisation')
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER grants_kept_by_hub_delete BEFORE DELETE ON grants
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND OLD.scope != 'organisation'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER topics_kept_by_hub_insert BEFORE INSERT ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER topics_kept_by_hub_update BEFORE UPDATE ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER topics_kept_by_hub_delete BEFORE DELETE ON topics
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER services_kept_by_hub_insert BEFORE INSERT ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER services_kept_by_hub_update BEFORE UPDATE ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER services_kept_by_hub_delete BEFORE DELETE ON services
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER service_sites_kept_by_hub_insert BEFORE INSERT ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER service_sites_kept_by_hub_update BEFORE UPDATE ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER service_sites_kept_by_hub_delete BEFORE DELETE ON service_sites
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER responses_kept_by_hub_insert BEFORE INSERT ON responses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER responses_kept_by_hub_update BEFORE UPDATE ON responses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER responses_kept_by_hub_delete BEFORE DELETE ON responses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER actions_kept_by_hub_insert BEFORE INSERT ON actions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station' AND NEW.proposal_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER actions_kept_by_hub_update BEFORE UPDATE ON actions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station' AND OLD.proposal_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER actions_kept_by_hub_delete BEFORE DELETE ON actions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station' AND OLD.proposal_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER action_updates_kept_by_hub_insert BEFORE INSERT ON action_updates
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND (SELECT proposal_id FROM actions WHERE id = NEW.action_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER action_updates_kept_by_hub_update BEFORE UPDATE ON action_updates
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND (SELECT proposal_id FROM actions WHERE id = OLD.action_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER action_updates_kept_by_hub_delete BEFORE DELETE ON action_updates
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
    AND (SELECT proposal_id FROM actions WHERE id = OLD.action_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER conversations_kept_by_station BEFORE INSERT ON conversations
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND NEW.site_id IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER issues_kept_by_station BEFORE INSERT ON issues
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND NEW.site_id IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

-- The station's own accounts (its administrator, numbered in its range)
-- never travel, so no record that travels may name one: the hub could
-- not hold it, and every bundle after would be refused.
CREATE TRIGGER conversations_author_id_travels BEFORE INSERT ON conversations
WHEN (SELECT role FROM place) = 'station'
    AND NEW.author_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER conversations_entered_by_travels BEFORE INSERT ON conversations
WHEN (SELECT role FROM place) = 'station'
    AND NEW.entered_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER issues_created_by_travels BEFORE INSERT ON issues
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER proposals_created_by_travels BEFORE INSERT ON proposals
WHEN (SELECT role FROM place) = 'station'
    AND NEW.created_by >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER proposal_comments_author_id_travels BEFORE INSERT ON proposal_comments
WHEN (SELECT role FROM place) = 'station'
    AND NEW.author_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;

CREATE TRIGGER proposal_events_actor_id_travels BEFORE INSERT ON proposal_events
WHEN (SELECT role FROM place) = 'station'
    AND NEW.actor_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
