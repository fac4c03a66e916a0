-- The guards of migrations/0066_exchange_arrivals_claims_elections.sql,
-- in the same words: a group's arrivals, their steps, its plan for them
-- and its elections are kept on the station holding its site; a claim
-- is decided at the hub; no record that travels may name the station's
-- own administrator.  As with 0063, a PostgreSQL database is a hub with
-- no stations for now, so these never refuse there yet.

-- exchange_site_kept_by_station is migration 0064's.
CREATE TRIGGER arrivals_kept_by_station BEFORE INSERT ON arrivals
    FOR EACH ROW EXECUTE FUNCTION exchange_site_kept_by_station('group');
CREATE TRIGGER arrival_steps_kept_by_station BEFORE INSERT OR UPDATE
    ON arrival_steps FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('arrival');
CREATE TRIGGER arrival_plan_steps_kept_by_station BEFORE INSERT OR DELETE
    ON arrival_plan_steps FOR EACH ROW
    EXECUTE FUNCTION exchange_site_kept_by_station('group');
CREATE TRIGGER elections_kept_by_station BEFORE INSERT ON elections
    FOR EACH ROW EXECUTE FUNCTION exchange_site_kept_by_station('group');
CREATE TRIGGER expense_claims_decided_at_hub BEFORE UPDATE ON expense_claims
    FOR EACH ROW WHEN (NEW.state IS DISTINCT FROM OLD.state
	OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
	OR NEW.decided_on IS DISTINCT FROM OLD.decided_on
	OR NEW.reason IS DISTINCT FROM OLD.reason
	OR NEW.paid_on IS DISTINCT FROM OLD.paid_on)
    EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER expense_claims_claimant_id_travels BEFORE INSERT
    ON expense_claims FOR EACH ROW
    EXECUTE FUNCTION exchange_travels('claimant_id');
CREATE TRIGGER arrivals_recorded_by_travels BEFORE INSERT ON arrivals
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('recorded_by');
CREATE TRIGGER arrival_steps_done_by_travels BEFORE UPDATE ON arrival_steps
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('done_by');
CREATE TRIGGER elections_created_by_travels BEFORE INSERT ON elections
    FOR EACH ROW EXECUTE FUNCTION exchange_travels('created_by');
