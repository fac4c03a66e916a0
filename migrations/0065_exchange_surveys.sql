-- Surveys travel between the hub and its stations (docs/exchange.md):
-- the hub writes them, the station collects the responses.  The guards
-- of 0063 extended to them.
--
-- At a station, a survey, its versions and its questions arrive only in
-- the hub's bundles: making, changing or removing one there is refused.
--
-- At the hub, a response for a site a station holds is collected on the
-- station: making one at the hub is refused.  Its answers are made only
-- with it.
--
-- As in 0063, the station's own administrator never travels, so no
-- response that travels may name them as its interviewer.

CREATE TRIGGER surveys_kept_by_hub_insert BEFORE INSERT ON surveys
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER surveys_kept_by_hub_update BEFORE UPDATE ON surveys
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER surveys_kept_by_hub_delete BEFORE DELETE ON surveys
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_versions_kept_by_hub_insert BEFORE INSERT ON survey_versions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_versions_kept_by_hub_update BEFORE UPDATE ON survey_versions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_versions_kept_by_hub_delete BEFORE DELETE ON survey_versions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_questions_kept_by_hub_insert BEFORE INSERT ON survey_questions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_questions_kept_by_hub_update BEFORE UPDATE ON survey_questions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_questions_kept_by_hub_delete BEFORE DELETE ON survey_questions
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'station'
BEGIN SELECT RAISE(ABORT, 'exchange: This record is kept at the hub: make the change there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_responses_kept_by_station BEFORE INSERT ON survey_responses
WHEN NOT EXISTS (SELECT 1 FROM exchange_applying)
    AND (SELECT role FROM place) = 'hub'
    AND NEW.site_id IN (SELECT site_id FROM exchange_peer_sites)
BEGIN SELECT RAISE(ABORT, 'exchange: This site''s records are kept on its station: record it there, and it arrives here with the next bundle.'); END;

CREATE TRIGGER survey_responses_interviewer_id_travels BEFORE INSERT ON survey_responses
WHEN (SELECT role FROM place) = 'station'
    AND NEW.interviewer_id >= (SELECT origin FROM place) * 1099511627776
BEGIN SELECT RAISE(ABORT, 'exchange: The station''s own administrator cannot make records that travel to the hub: sign in with your own account.'); END;
