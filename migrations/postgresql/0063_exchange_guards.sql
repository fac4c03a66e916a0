-- The guards of migrations/0063_exchange_guards.sql, in the same words:
-- who may write what once places exchange (docs/exchange.md).  A
-- PostgreSQL database does not yet exchange, so it is always a hub with
-- no stations and these never refuse; they are here so that the day it
-- does, the rules are the same.

CREATE TABLE exchange_applying (
	id		BIGINT PRIMARY KEY CHECK (id = 1)
);

CREATE FUNCTION exchange_free() RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT NOT EXISTS (SELECT 1 FROM exchange_applying)
$$;

CREATE FUNCTION exchange_role() RETURNS text LANGUAGE sql STABLE AS $$
	SELECT role FROM place WHERE id = 1
$$;

-- The refusal itself, shared by the guards of what the hub keeps.
CREATE FUNCTION exchange_hub_refuses() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE =
	    'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.';
END
$$;

CREATE FUNCTION exchange_kept_by_hub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF exchange_free() AND exchange_role() = 'station' THEN
		PERFORM exchange_hub_refuses();
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

CREATE FUNCTION exchange_update_kept_by_hub() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF exchange_free() AND exchange_role() = 'station' AND
	    (SELECT proposal_id FROM actions WHERE id = (CASE WHEN
	    TG_OP = 'DELETE' THEN OLD.action_id ELSE NEW.action_id END))
	    IS NOT NULL THEN
		PERFORM exchange_hub_refuses();
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

CREATE FUNCTION exchange_kept_by_station() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF exchange_free() AND exchange_role() = 'hub' AND NEW.site_id IN
	    (SELECT site_id FROM exchange_peer_sites) THEN
		RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE =
		    'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.';
	END IF;
	RETURN NEW;
END
$$;

-- TG_ARGV[0]: the column naming the account that made the record.
CREATE FUNCTION exchange_travels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF exchange_role() = 'station' AND (to_jsonb(NEW) ->> TG_ARGV[0])::bigint
	    >= (SELECT origin FROM place WHERE id = 1) * 1099511627776 THEN
		RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE =
		    'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.';
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER sites_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON sites
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER units_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON units
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER groups_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON groups
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER topics_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON topics
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER services_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON services
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER service_sites_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON service_sites
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER responses_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE ON responses
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER grants_kept_by_hub_insert BEFORE INSERT ON grants
    FOR EACH ROW WHEN (NEW.scope <> 'organisation')
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER grants_kept_by_hub_update BEFORE UPDATE ON grants
    FOR EACH ROW WHEN (OLD.scope <> 'organisation' OR NEW.scope <> 'organisation')
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER grants_kept_by_hub_delete BEFORE DELETE ON grants
    FOR EACH ROW WHEN (OLD.scope <> 'organisation')
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER actions_kept_by_hub_insert BEFORE INSERT ON actions
    FOR EACH ROW WHEN (NEW.proposal_id IS NOT NULL)
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER actions_kept_by_hub_change BEFORE UPDATE OR DELETE ON actions
    FOR EACH ROW WHEN (OLD.proposal_id IS NOT NULL)
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER action_updates_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE
    ON action_updates FOR EACH ROW
    EXECUTE FUNCTION exchange_update_kept_by_hub();
CREATE TRIGGER conversations_kept_by_station BEFORE INSERT ON conversations
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_station();
CREATE TRIGGER issues_kept_by_station BEFORE INSERT ON issues
    FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_station();
CREATE TRIGGER conversations_author_id_travels BEFORE INSERT ON conversations
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('author_id');
CREATE TRIGGER conversations_entered_by_travels BEFORE INSERT ON conversations
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('entered_by');
CREATE TRIGGER issues_created_by_travels BEFORE INSERT ON issues
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
CREATE TRIGGER proposals_created_by_travels BEFORE INSERT ON proposals
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
CREATE TRIGGER proposal_comments_author_id_travels BEFORE INSERT ON proposal_comments
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('author_id');
CREATE TRIGGER proposal_events_actor_id_travels BEFORE INSERT ON proposal_events
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('actor_id');
