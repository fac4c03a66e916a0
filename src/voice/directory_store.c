/*
 * SQL for the signposting directory: services inside and outside, the
 * sites each serves, and when someone last checked the entry was true.
 */
#include <stdlib.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"

static const char *sql_insert =
    "INSERT INTO services (id, name, offer, eligibility, referral, contact, "
    "opening, after_release, checked_on) VALUES (rt_next_id('services'), ?, ?, ifnull(?, ''), "
    "ifnull(?, ''), ifnull(?, ''), ifnull(?, ''), ?, ?)";
static const char *sql_update =
    "UPDATE services SET name = ?, offer = ?, eligibility = ifnull(?, ''), "
    "referral = ifnull(?, ''), contact = ifnull(?, ''), "
    "opening = ifnull(?, ''), after_release = ?, checked_on = ? WHERE id = ?";
static const char *sql_sites_clear =
    "DELETE FROM service_sites WHERE service_id = ?1 AND (?2 <> 0 OR site_id IN "
    "(SELECT value FROM json_each(?3)))";
static const char *sql_sites_add =
    "INSERT INTO service_sites (service_id, site_id) SELECT ?, "
    "value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING";
static const char *sql_load =
    "SELECT sv.id, sv.name, sv.offer, sv.eligibility, sv.referral, "
    "sv.contact, sv.opening, sv.after_release, sv.checked_on, sv.retired_on, "
    "(SELECT json_group_array(site_id) FROM service_sites "
    "  WHERE service_id = sv.id) AS site_ids_json, "
    "(SELECT group_concat(s.name, ', ') FROM service_sites ss "
    "  JOIN sites s ON s.id = ss.site_id WHERE ss.service_id = sv.id) "
    "  AS site_names FROM services sv WHERE sv.id = ?";
static const char *sql_checked =
    "UPDATE services SET checked_on = ? WHERE id = ?";
static const char *sql_list =
    "SELECT sv.id, sv.name, sv.offer, sv.eligibility, sv.referral, "
    "sv.contact, sv.opening, sv.after_release, sv.checked_on, "
    "(SELECT group_concat(s.name, ', ') FROM service_sites ss "
    "  JOIN sites s ON s.id = ss.site_id WHERE ss.service_id = sv.id) "
    "  AS site_names FROM services sv WHERE sv.retired_on IS NULL "
    "AND EXISTS (SELECT 1 FROM service_sites ss WHERE ss.service_id = sv.id "
    "  AND (?1 <> 0 OR ss.site_id IN (SELECT value FROM json_each(?2))) "
    "  AND (?3 = 0 OR ss.site_id = ?3)) ORDER BY sv.name";

#define SEARCH_SQL(match)						\
    "SELECT sv.id, sv.name, substr(sv.offer, 1, 160) AS offer "		\
    "FROM services sv WHERE sv.retired_on IS NULL AND " match " "		\
    "AND EXISTS (SELECT 1 FROM service_sites ss WHERE ss.service_id = sv.id " \
    "AND (?1 <> 0 OR ss.site_id IN (SELECT value FROM json_each(?2)))) "	\
    "ORDER BY sv.name LIMIT ?4"
DB_SQL(sql_search, SEARCH_SQL(FTS_MATCH_SQLITE("services", "sv", "?3")),
    SEARCH_SQL(FTS_MATCH_PG("services", "sv", "?3")));

#define V(name)	json_object_get(v, name)

int
service_save(struct db *db, int64_t actor, const struct scope_filter *f,
    int64_t id, json_t *v, int64_t *out)
{
	char	*sites;
	int	 rc, created = id == 0;

	if (created)
		rc = db_exec(db, sql_insert, "jjjjjjdj", V("name"), V("offer"),
		    V("eligibility"), V("referral"), V("contact"), V("opening"),
		    json_is_true(V("after_release")), V("checked_on"));
	else
		rc = db_exec(db, sql_update, "jjjjjjdji", V("name"), V("offer"),
		    V("eligibility"), V("referral"), V("contact"), V("opening"),
		    json_is_true(V("after_release")), V("checked_on"), id);
	if (rc != DB_OK)
		return rc;
	if (created)
		id = db_last_id(db);
	else if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((sites = json_dumps(V("site_ids"), JSON_COMPACT)) == NULL)
		return DB_ERROR;
	/* Sites outside the editor's scope keep the service. */
	rc = db_exec(db, sql_sites_clear, "idt", id, f ? f->all : 1,
	    f ? f->site_ids : "[]");
	if (rc == DB_OK)
		rc = db_exec(db, sql_sites_add, "it", id, sites);
	free(sites);
	if (rc != DB_OK)
		return rc;
	if (out != NULL)
		*out = id;
	return audit_append(db, actor, created ? "service.create" :
	    "service.update", "service", id, json_string_value(V("name")));
}

int
service_load(struct db *db, int64_t id, json_t **out)
{
	json_t	*sites;
	int	 rc;

	if ((rc = db_row(db, out, sql_load, "i", id)) <= 0)
		return rc;
	/* The form wants the served sites as an array of ids. */
	sites = json_loads(json_string_value(json_object_get(*out,
	    "site_ids_json")), 0, NULL);
	json_object_set_new(*out, "site_ids", sites ? sites : json_array());
	json_object_del(*out, "site_ids_json");
	return rc;
}

int
service_checked(struct db *db, int64_t actor, int64_t id, const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_checked, "ti", today, id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "service.checked", "service", id, today);
}

json_t *
service_search(struct db *db, const struct scope_filter *f, const char *fts,
    int limit)
{
	return db_rows(db, sql_search, "dttd", f->all, f->site_ids, fts, limit);
}

json_t *
service_list(struct db *db, const struct scope_filter *f, int64_t site_id)
{
	return db_rows(db, sql_list, "dti", f->all, f->site_ids, site_id);
}
