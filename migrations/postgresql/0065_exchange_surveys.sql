-- The guards of migrations/0065_exchange_surveys.sql, in the same words:
-- the hub writes surveys, the station collects the responses for its
-- site; no response that travels may name the station's own
-- administrator.  As with 0063, a PostgreSQL database is a hub with no
-- stations for now, so these never refuse there yet.

CREATE TRIGGER surveys_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE
    ON surveys FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER survey_versions_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE
    ON survey_versions FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER survey_questions_kept_by_hub BEFORE INSERT OR UPDATE OR DELETE
    ON survey_questions FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_hub();
CREATE TRIGGER survey_responses_kept_by_station BEFORE INSERT
    ON survey_responses FOR EACH ROW EXECUTE FUNCTION exchange_kept_by_station();
CREATE TRIGGER survey_responses_interviewer_id_travels BEFORE INSERT
    ON survey_responses FOR EACH ROW
    EXECUTE FUNCTION exchange_travels('interviewer_id');
