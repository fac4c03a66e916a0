-- The guards of migrations/0064_exchange_meetings.sql, in the same words:
-- a meeting of a group at a site a station holds, its agenda items and
-- its decisions are recorded on the station; no meeting record that
-- travels may name the station's own administrator.  As with 0063, a
-- PostgreSQL database is a hub with no stations for now, so these never
-- refuse there yet.

-- A row of a site a station holds, made (changed, removed) at the hub:
-- refused.  TG_ARGV[0] says how the row leads to its site: 'group' (it
-- names its group: a meeting, an arrival), 'meeting' (it names its
-- meeting: an agenda item, a decision), 'arrival' (an arrival's step).
CREATE FUNCTION exchange_site_kept_by_station() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	r	jsonb;
	site	BIGINT;
BEGIN
	IF exchange_free() AND exchange_role() = 'hub' THEN
		IF TG_OP = 'DELETE' THEN
			r := to_jsonb(OLD);
		ELSE
			r := to_jsonb(NEW);
		END IF;
		IF TG_ARGV[0] = 'group' THEN
			SELECT g.site_id INTO site FROM groups g
			    WHERE g.id = (r ->> 'group_id')::bigint;
		ELSIF TG_ARGV[0] = 'meeting' THEN
			SELECT g.site_id INTO site FROM meetings m
			    JOIN groups g ON g.id = m.group_id
			    WHERE m.id = (r ->> 'meeting_id')::bigint;
		ELSE
			SELECT g.site_id INTO site FROM arrivals a
			    JOIN groups g ON g.id = a.group_id
			    WHERE a.id = (r ->> 'arrival_id')::bigint;
		END IF;
		IF site IN (SELECT site_id FROM exchange_peer_sites) THEN
			RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE =
			    'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.';
		END IF;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER meetings_kept_by_station BEFORE INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION exchange_site_kept_by_station('group');
CREATE TRIGGER agenda_items_kept_by_station BEFORE INSERT ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION exchange_site_kept_by_station('meeting');
CREATE TRIGGER meeting_decisions_kept_by_station BEFORE INSERT
    ON meeting_decisions FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('meeting');
CREATE TRIGGER meetings_created_by_travels BEFORE INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
CREATE TRIGGER meetings_invited_id_travels BEFORE INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('invited_id');
CREATE TRIGGER papers_uploaded_by_travels BEFORE INSERT ON papers
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('uploaded_by');
CREATE TRIGGER meeting_decisions_created_by_travels BEFORE INSERT
    ON meeting_decisions FOR EACH ROW
    EXECUTE FUNCTION exchange_travels('created_by');
