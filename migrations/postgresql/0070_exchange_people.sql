-- The guards of migrations/0070_exchange_people.sql, in the same words:
-- a person of a site a station holds, a membership of one of its
-- groups, a session at that site, the
-- completions and supervisions of its people and the attendance at its
-- groups' meetings are recorded on the station; the catalogue of courses
-- is the hub's; no record that travels may name the station's own
-- administrator.  As with 0063, a PostgreSQL database is a hub with no
-- stations for now, so these never refuse there yet.

-- Migration 0064's function, learning two more ways from a row to its
-- site: 'site' (it names its site: a person, a session) and 'person'
-- (it names its person: a completion, a supervision).
CREATE OR REPLACE FUNCTION exchange_site_kept_by_station() RETURNS trigger
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
		ELSIF TG_ARGV[0] = 'site' THEN
			site := (r ->> 'site_id')::bigint;
		ELSIF TG_ARGV[0] = 'person' THEN
			SELECT p.site_id INTO site FROM people p
			    WHERE p.id = (r ->> 'person_id')::bigint;
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

CREATE TRIGGER people_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON people FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('site');
CREATE TRIGGER course_sessions_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON course_sessions FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('site');
CREATE TRIGGER completions_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON completions FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('person');
CREATE TRIGGER supervisions_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON supervisions FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('person');
CREATE TRIGGER attendance_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON attendance FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('meeting');
CREATE TRIGGER memberships_kept_by_station BEFORE INSERT OR UPDATE OR DELETE
    ON memberships FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('group');
CREATE TRIGGER courses_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE
    ON courses FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER course_sessions_created_by_travels BEFORE INSERT ON course_sessions
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
CREATE TRIGGER completions_created_by_travels BEFORE INSERT ON completions
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
CREATE TRIGGER supervisions_supervisor_id_travels BEFORE INSERT ON supervisions
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('supervisor_id');
