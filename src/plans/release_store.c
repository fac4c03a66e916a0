/*
 * SQL for continuity of care: the release plan (a date and where the
 * person goes), referrals to directory services by need and their
 * progress, the needs each service meets, and the map of provision.
 * The audit chain records the need and the stage, never the person's
 * circumstances.
 */
#include <stdio.h>
#include <string.h>

#include "plans.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"

#define V(name)	json_object_get(v, name)

static const char *sql_release =
    "SELECT r.person_id, r.release_on, r.to_site_id, s.name AS to_site_name "
    "FROM release_plans r JOIN sites s ON s.id = r.to_site_id "
    "WHERE r.person_id = ?";
static const char *sql_release_save =
    "INSERT INTO release_plans (person_id, release_on, to_site_id, "
    "created_by) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id) DO UPDATE "
    "SET release_on = ?2, to_site_id = ?3";
static const char *sql_referrals =
    "SELECT r.id, r.need, r.service_id, sv.name AS service_name, "
    "sv.contact AS service_contact, r.procedure, r.made_on, "
    "r.acknowledged_on, r.offered_on, r.attended_on FROM referrals r "
    "JOIN services sv ON sv.id = r.service_id WHERE r.person_id = ? "
    "ORDER BY r.need, r.id LIMIT ?";
static const char *sql_referral =
    "SELECT r.id, r.person_id, r.need, r.service_id, sv.name AS "
    "service_name, r.made_on, r.acknowledged_on, r.offered_on, "
    "r.attended_on, p.display_name, p.site_id FROM referrals r "
    "JOIN services sv ON sv.id = r.service_id JOIN people p ON p.id = "
    "r.person_id WHERE r.id = ?";
static const char *sql_referral_target =
    "SELECT p.site_id FROM referrals r JOIN people p ON p.id = r.person_id "
    "WHERE r.id = ?";
static const char *sql_need_services =
    "SELECT sv.id AS value, sv.name AS label, sv.referral FROM services sv "
    "JOIN service_needs n ON n.service_id = sv.id WHERE n.need = ?1 "
    "AND sv.retired_on IS NULL AND EXISTS (SELECT 1 FROM service_sites ss "
    "WHERE ss.service_id = sv.id AND ss.site_id = ?2) ORDER BY sv.name";
static const char *sql_referral_insert =
    "INSERT INTO referrals (person_id, need, service_id, procedure, "
    "made_on, made_by) VALUES (?, ?, ?, ?, ?, ?)";
/* Each stage only after the one before (the table's CHECKs say the
 * same), never twice, never before the referral was made. */
static const char *sql_acknowledged =
    "UPDATE referrals SET acknowledged_on = ?2 WHERE id = ?1 AND "
    "acknowledged_on IS NULL AND ?2 >= made_on";
static const char *sql_offered =
    "UPDATE referrals SET offered_on = ?2 WHERE id = ?1 AND "
    "offered_on IS NULL AND acknowledged_on IS NOT NULL AND "
    "?2 >= acknowledged_on";
static const char *sql_attended =
    "UPDATE referrals SET attended_on = ?2, attended_by = ?3 WHERE id = ?1 "
    "AND attended_on IS NULL AND offered_on IS NOT NULL AND ?2 >= offered_on";
/* Unacknowledged while release is near: acknowledgement was due
 * REFERRAL_ACK_LEAD_DAYS before the release date. */
static const char *sql_escalating =
    "SELECT r.id, r.need, r.made_on, r.person_id, p.reference, "
    "p.display_name, sv.name AS service_name, rp.release_on, "
    "date(rp.release_on, '-' || ?5 || ' days') AS due_on FROM referrals r "
    "JOIN release_plans rp ON rp.person_id = r.person_id "
    "JOIN people p ON p.id = r.person_id JOIN services sv ON sv.id = "
    "r.service_id WHERE r.acknowledged_on IS NULL "
    "AND date(rp.release_on, '-' || ?5 || ' days') <= ?4 "
    "AND (?1 <> 0 OR p.site_id IN (SELECT value FROM json_each(?2)) OR "
    "rp.to_site_id IN (SELECT value FROM json_each(?2))) "
    "AND NOT EXISTS (SELECT 1 FROM treating_declarations d WHERE "
    "d.person_id = r.person_id AND d.account_id = ?3) "
    "AND (rp.release_on, r.id) > (?7, ?6) "
    "ORDER BY rp.release_on, r.id LIMIT ?8";
/* Every need at every site of the filter, with its services and the
 * referrals made there (counted by stage reached). */
static const char *sql_provision =
    "WITH needs(ord, need) AS (VALUES (1, 'mental_health'), "
    "(2, 'substance_use'), (3, 'housing'), (4, 'gp'), (5, 'medication'), "
    "(6, 'benefits')) "
    "SELECT s.id AS site_id, s.name AS site_name, s.kind AS site_kind, "
    "n.need, (SELECT count(*) FROM service_needs sn JOIN services sv ON "
    "sv.id = sn.service_id JOIN service_sites ss ON ss.service_id = sv.id "
    "WHERE sn.need = n.need AND ss.site_id = s.id AND sv.retired_on IS NULL) "
    "AS services, "
    "(SELECT count(*) FROM referrals r JOIN release_plans rp ON "
    "rp.person_id = r.person_id WHERE rp.to_site_id = s.id AND r.need = "
    "n.need AND r.acknowledged_on IS NULL) AS waiting, "
    "(SELECT count(*) FROM referrals r JOIN release_plans rp ON "
    "rp.person_id = r.person_id WHERE rp.to_site_id = s.id AND r.need = "
    "n.need AND r.acknowledged_on IS NOT NULL AND r.offered_on IS NULL) "
    "AS acknowledged, "
    "(SELECT count(*) FROM referrals r JOIN release_plans rp ON "
    "rp.person_id = r.person_id WHERE rp.to_site_id = s.id AND r.need = "
    "n.need AND r.offered_on IS NOT NULL AND r.attended_on IS NULL) "
    "AS offered, "
    "(SELECT count(*) FROM referrals r JOIN release_plans rp ON "
    "rp.person_id = r.person_id WHERE rp.to_site_id = s.id AND r.need = "
    "n.need AND r.attended_on IS NOT NULL) AS attended "
    "FROM sites s, needs n WHERE s.id IN (SELECT id FROM sites WHERE "
    "closed_on IS NULL AND (?1 <> 0 OR id IN (SELECT value FROM json_each(?2))) "
    "AND (name, id) > (?4, ?3) ORDER BY name, id LIMIT ?5) "
    "ORDER BY s.name, s.id, n.ord";
static const char *sql_service_needs =
    "SELECT need FROM service_needs WHERE service_id = ? ORDER BY need";
static const char *sql_service_needs_clear =
    "DELETE FROM service_needs WHERE service_id = ?";
static const char *sql_service_need_add =
    "INSERT INTO service_needs (service_id, need) VALUES (?, ?)";

int
release_load(struct db *db, int64_t person_id, json_t **out)
{
	return db_row(db, out, sql_release, "i", person_id);
}

int
release_save(struct db *db, int64_t actor, int64_t person_id, json_t *v,
    const char *today, const char *now)
{
	int	 rc;

	(void)today;
	(void)now;
	if ((rc = db_exec(db, sql_release_save, "ijji", person_id,
	    V("release_on"), V("to_site_id"), actor)) != DB_OK)
		return rc;
	return audit_append(db, actor, "release.plan", "person", person_id,
	    json_string_value(V("release_on")));
}

json_t *
referral_list(struct db *db, int64_t person_id)
{
	json_t	*rows = db_rows(db, sql_referrals, "id", person_id,
	    LIST_ROWS_MAX), *row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "stage",
		    json_string(referral_stage(row)));
		json_object_set_new(row, "checklist", referral_checklist(
		    json_string_value(json_object_get(row, "procedure"))));
	}
	plans_labels_all(rows);
	return rows;
}

int
referral_load(struct db *db, int64_t id, json_t **out)
{
	int	 rc = plans_row_load(db, sql_referral, id, out);

	if (rc > 0)
		json_object_set_new(*out, "stage",
		    json_string(referral_stage(*out)));
	return rc;
}

int
referral_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return db_int(db, &t->site_id, sql_referral_target, "i", ids[0]);
}

json_t *
need_services(struct db *db, const char *need, int64_t site_id)
{
	return db_rows(db, sql_need_services, "ti", need, site_id);
}

int
referral_add(struct db *db, int64_t actor, int64_t person_id,
    const char *need, int64_t service_id, const char *procedure,
    const char *made_on, const char *now)
{
	int	 rc;

	(void)now;
	if ((rc = db_exec(db, sql_referral_insert, "ititti", person_id, need,
	    service_id, procedure, made_on, actor)) != DB_OK)
		return rc;
	return audit_append(db, actor, "referral.make", "person", person_id,
	    need);
}

int
referral_progress(struct db *db, int64_t actor, int64_t id,
    const char *stage, const char *on, const char *now)
{
	int	 rc;

	(void)now;
	if (strcmp(stage, "acknowledged") == 0)
		rc = db_exec(db, sql_acknowledged, "it", id, on);
	else if (strcmp(stage, "offered") == 0)
		rc = db_exec(db, sql_offered, "it", id, on);
	else if (strcmp(stage, "attended") == 0)
		rc = db_exec(db, sql_attended, "iti", id, on, actor);
	else
		return DB_CONSTRAINT;
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "referral.progress", "referral", id,
	    stage);
}

json_t *
referrals_escalating(struct db *db, const struct scope_filter *f,
    int64_t reader, const char *today, const struct paging *pg)
{
	json_t	*rows = db_rows(db, sql_escalating, "dtitditd", f->all,
	    f->site_ids, reader, today, REFERRAL_ACK_LEAD_DAYS, pg->after_id,
	    pg->after_key, paging_limit(pg));

	plans_labels_all(rows);
	return rows;
}

json_t *
provision_rows(struct db *db, const struct scope_filter *f, int64_t after_id,
    const char *after_key, int places)
{
	json_t	*rows = db_rows(db, sql_provision, "dtitd", f->all,
	    f->site_ids, after_id, after_key, places);

	plans_labels_all(rows);
	return rows;
}

json_t *
service_need_list(struct db *db, int64_t service_id)
{
	return db_rows(db, sql_service_needs, "i", service_id);
}

int
service_needs_save(struct db *db, int64_t actor, int64_t service_id,
    const json_t *needs)
{
	json_t	*need;
	size_t	 i;
	int	 rc;

	if ((rc = db_exec(db, sql_service_needs_clear, "i", service_id)) !=
	    DB_OK)
		return rc;
	json_array_foreach(needs, i, need)
		if ((rc = db_exec(db, sql_service_need_add, "ij", service_id,
		    need)) != DB_OK)
			return rc;
	return audit_append(db, actor, "service.needs", "service", service_id,
	    NULL);
}
