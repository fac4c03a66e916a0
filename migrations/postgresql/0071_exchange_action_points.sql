-- The guards of migrations/0071_exchange_action_points.sql, in the same
-- words: a meeting's own action point is set on the station holding its
-- group's site; no action point or progress that travels may name the
-- station's own administrator.  As with 0063, a PostgreSQL database is a
-- hub with no stations for now, so these never refuse there yet.

-- exchange_site_kept_by_station is migration 0064's (and 0070's).
CREATE TRIGGER action_points_kept_by_station BEFORE INSERT ON actions
    FOR EACH ROW WHEN (NEW.proposal_id IS NULL)
    EXECUTE FUNCTION exchange_site_kept_by_station('meeting');
CREATE TRIGGER actions_owner_id_travels BEFORE INSERT ON actions
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('owner_id');
CREATE TRIGGER action_updates_author_id_travels BEFORE INSERT
    ON action_updates FOR EACH ROW
    EXECUTE FUNCTION exchange_travels('author_id');
