-- Reference lists (sites, places, topics, services, staff and their grants,
-- groups) are cached per server process (src/db/shared_rows.c).  Every change
-- to them bumps this counter inside the writing transaction, so a reader that
-- sees the counter in its own snapshot knows whether a cached list is current,
-- whoever wrote: a page, a command, another process.
CREATE TABLE reference_generation (n INTEGER NOT NULL);
INSERT INTO reference_generation (n) VALUES (1);
CREATE TRIGGER reference_generation_one BEFORE INSERT ON reference_generation
BEGIN SELECT RAISE(ABORT, 'reference_generation has one row'); END;
CREATE TRIGGER sites_insert_generation AFTER INSERT ON sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER sites_update_generation AFTER UPDATE ON sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER sites_delete_generation AFTER DELETE ON sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER units_insert_generation AFTER INSERT ON units
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER units_update_generation AFTER UPDATE ON units
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER units_delete_generation AFTER DELETE ON units
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER topics_insert_generation AFTER INSERT ON topics
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER topics_update_generation AFTER UPDATE ON topics
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER topics_delete_generation AFTER DELETE ON topics
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER services_insert_generation AFTER INSERT ON services
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER services_update_generation AFTER UPDATE ON services
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER services_delete_generation AFTER DELETE ON services
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER service_sites_insert_generation AFTER INSERT ON service_sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER service_sites_update_generation AFTER UPDATE ON service_sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER service_sites_delete_generation AFTER DELETE ON service_sites
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER accounts_insert_generation AFTER INSERT ON accounts
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER accounts_update_generation AFTER UPDATE ON accounts
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER accounts_delete_generation AFTER DELETE ON accounts
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER grants_insert_generation AFTER INSERT ON grants
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER grants_update_generation AFTER UPDATE ON grants
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER grants_delete_generation AFTER DELETE ON grants
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER groups_insert_generation AFTER INSERT ON groups
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER groups_update_generation AFTER UPDATE ON groups
BEGIN UPDATE reference_generation SET n = n + 1; END;
CREATE TRIGGER groups_delete_generation AFTER DELETE ON groups
BEGIN UPDATE reference_generation SET n = n + 1; END;
