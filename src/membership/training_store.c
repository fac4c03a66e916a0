/*
 * SQL for training: the catalogue of courses, sessions held at a site,
 * completions (with their accreditation and renewal date), and the
 * matrix of who is trained for what.
 */
#include <stdio.h>
#include <string.h>

#include "membership.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../util/view.h"

#define V(name)	json_object_get(v, name)

static const char *sql_session_target =
    "SELECT site_id, 0 FROM course_sessions WHERE id = ?";
static const char *sql_completion_target =
    "SELECT p.site_id, 0 FROM completions c JOIN people p "
    "ON p.id = c.person_id WHERE c.id = ?";
static const char *sql_course_list =
    "SELECT c.id, c.name, c.accredited, c.renew_months, (SELECT count(*) "
    "FROM completions x WHERE x.course_id = c.id) AS completions "
    "FROM courses c WHERE c.retired_on IS NULL ORDER BY c.name";
static const char *sql_course_options =
    "SELECT id AS value, name AS label FROM courses "
    "WHERE retired_on IS NULL ORDER BY name";
static const char *sql_course_insert =
    "INSERT INTO courses (id, name, accredited, renew_months) "
    "VALUES (rt_next_id('courses'), ?, ?, ?)";
static const char *sql_course_months =
    "SELECT ifnull(renew_months, 0) FROM courses WHERE id = ?";
static const char *sql_session_insert =
    "INSERT INTO course_sessions (id, course_id, site_id, held_on, place, "
    "trainer, created_by) VALUES (rt_next_id('course_sessions'), ?, ?, ?, "
    "ifnull(?, ''), ifnull(?, ''), ?)";
static const char *sql_session_load =
    "SELECT s.id, s.course_id, s.site_id, s.held_on, s.place, s.trainer, "
    "c.name AS course_name, c.accredited, st.name AS site_name "
    "FROM course_sessions s JOIN courses c ON c.id = s.course_id "
    "JOIN sites st ON st.id = s.site_id WHERE s.id = ?";
static const char *sql_session_list =
    "SELECT s.id, s.held_on, s.place, s.trainer, c.name AS course_name, "
    "(SELECT count(*) FROM completions x WHERE x.session_id = s.id) "
    "AS completions FROM course_sessions s JOIN courses c "
    "ON c.id = s.course_id WHERE s.site_id = ? ORDER BY s.held_on DESC, s.id";
static const char *sql_session_completions =
    "SELECT c.id, c.completed_on, c.accreditation, c.renew_on, c.graduation, "
    "p.display_name FROM completions c JOIN people p ON p.id = c.person_id "
    "WHERE c.session_id = ? ORDER BY p.display_name";
static const char *sql_completion_insert =
    "INSERT INTO completions (id, course_id, person_id, session_id, "
    "completed_on, accreditation, renew_on, graduation, created_by) "
    "VALUES (rt_next_id('completions'), ?, ?, nullif(?, 0), ?, "
    "ifnull(?, ''), nullif(?, ''), ?, ?)";
static const char *sql_completion_load =
    "SELECT c.id, c.course_id, c.person_id, c.completed_on, c.accreditation, "
    "c.renew_on, c.graduation, co.name AS course_name, co.accredited, "
    "p.display_name, p.site_id, s.name AS site_name, "
    "(SELECT name FROM organisation WHERE id = 1) AS organisation_name "
    "FROM completions c JOIN courses co ON co.id = c.course_id "
    "JOIN people p ON p.id = c.person_id JOIN sites s ON s.id = p.site_id "
    "WHERE c.id = ?";
static const char *sql_person_completions =
    "SELECT c.id, c.completed_on, c.accreditation, c.renew_on, c.graduation, "
    "co.name AS course_name, c.renew_on IS NOT NULL AND c.renew_on < ?2 "
    "AS expired FROM completions c JOIN courses co ON co.id = c.course_id "
    "WHERE c.person_id = ?1 ORDER BY c.completed_on DESC, c.id DESC";
/* People at the site who are in a group or its pipeline, by course. */
static const char *sql_matrix =
    "SELECT p.id AS person_id, p.display_name, co.id AS course_id, "
    "(SELECT x.completed_on FROM completions x WHERE x.person_id = p.id "
    " AND x.course_id = co.id ORDER BY x.completed_on DESC, x.id DESC "
    " LIMIT 1) AS completed_on, "
    "(SELECT x.renew_on FROM completions x WHERE x.person_id = p.id "
    " AND x.course_id = co.id ORDER BY x.completed_on DESC, x.id DESC "
    " LIMIT 1) AS renew_on FROM (SELECT id, display_name FROM people p "
    " WHERE p.site_id = ?1 AND p.left_on IS NULL "
    " AND (EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id "
    "  AND m.to_on IS NULL) OR EXISTS (SELECT 1 FROM recruits r "
    "  WHERE r.person_id = p.id AND r.stage != 'left')) "
    " AND (p.display_name, p.id) > (?3, ?2) "
    " ORDER BY p.display_name, p.id LIMIT ?4) p "
    "CROSS JOIN courses co WHERE co.retired_on IS NULL "
    "ORDER BY p.display_name, p.id, co.name, co.id";
static const char *sql_site_people =
    "SELECT id AS value, display_name || ' (' || reference || ')' AS label "
    "FROM people WHERE site_id = ? AND left_on IS NULL "
    "ORDER BY display_name";

int
session_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_session_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
completion_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_completion_target, ids[0], &t->site_id,
	    &t->group_id);
}

json_t *
course_list(struct db *db)
{
	return db_rows(db, sql_course_list, "");
}

json_t *
course_options(struct db *db)
{
	return db_rows(db, sql_course_options, "");
}

int
course_add(struct db *db, int64_t actor, json_t *v, int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_course_insert, "jdj", V("name"),
	    json_is_true(V("accredited")), V("renew_months"));
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "course.create", "course", *id, NULL);
}

int
session_add(struct db *db, int64_t actor, int64_t site_id, json_t *v,
    int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_session_insert, "jijjji", V("course_id"), site_id,
	    V("held_on"), V("place"), V("trainer"), actor);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "course_session.create",
	    "course_session", *id, NULL);
}

int
session_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_session_load, "i", id);
}

json_t *
session_list(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_session_list, "i", site_id);
}

json_t *
session_completions(struct db *db, int64_t session_id)
{
	return db_rows(db, sql_session_completions, "i", session_id);
}

int
completion_add(struct db *db, int64_t actor, int64_t person_id,
    int64_t session_id, json_t *v, int64_t *id)
{
	char	 renew[DATE_CHARS + 1];
	int64_t	 months = 0;
	int	 rc;

	if ((rc = db_int(db, &months, sql_course_months, "i",
	    view_int(v, "course_id"))) <= 0)
		return rc < 0 ? DB_ERROR : DB_CONSTRAINT;
	training_renew_on(view_str(v, "completed_on"), (int)months, renew);
	rc = db_exec(db, sql_completion_insert, "jiijjtdi", V("course_id"),
	    person_id, session_id, V("completed_on"), V("accreditation"),
	    renew, json_is_true(V("graduation")), actor);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "completion.create", "completion", *id,
	    json_string_value(V("completed_on")));
}

int
completion_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_completion_load, "i", id);
}

json_t *
person_completions(struct db *db, int64_t person_id, const char *today)
{
	return db_rows(db, sql_person_completions, "it", person_id, today);
}

/* One cell's state: trained, due for renewal, or not trained. */
static json_t *
matrix_cell(const json_t *row, const char *today)
{
	const char	*done = json_string_value(json_object_get(row,
	    "completed_on"));
	const char	*renew = json_string_value(json_object_get(row,
	    "renew_on"));
	const char	*state = "none";

	if (done != NULL)
		state = renew != NULL && strcmp(renew, today) < 0 ?
		    "expired" : "current";
	return json_pack("{s:s, s:s?, s:s?, s:b, s:b}", "state", state,
	    "completed_on", done, "renew_on", renew,
	    "current", strcmp(state, "current") == 0,
	    "expired", strcmp(state, "expired") == 0);
}

json_t *
training_matrix(struct db *db, int64_t site_id, const char *today,
    const struct paging *pg)
{
	json_t	*rows, *row, *people, *person = NULL;
	int64_t	 last = 0;
	size_t	 i;

	if ((rows = db_rows(db, sql_matrix, "iitd", site_id, pg->after_id,
	    pg->after_key, paging_limit(pg))) == NULL ||
	    (people = json_array()) == NULL) {
		json_decref(rows);
		return NULL;
	}
	json_array_foreach(rows, i, row) {
		if (person == NULL || view_int(row, "person_id") != last) {
			last = view_int(row, "person_id");
			person = json_pack("{s:I, s:I, s:O, s:[]}", "id",
			    (json_int_t)last, "person_id", (json_int_t)last,
			    "display_name",
			    json_object_get(row, "display_name"), "cells");
			json_array_append_new(people, person);
		}
		json_array_append_new(json_object_get(person, "cells"),
		    matrix_cell(row, today));
	}
	json_decref(rows);
	return json_pack("{s:o, s:o}", "courses", course_list(db), "people",
	    people);
}

json_t *
site_people_options(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_site_people, "i", site_id);
}
