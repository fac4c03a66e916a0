/*
 * SQL for surveys, their versions and questions, and the access targets
 * (the survey's group and site) the route table checks.  Every change
 * to the questions goes through editable_version(), which starts a new
 * version when the current one already has responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../auth/audit.h"
#include "../auth/secret.h"
#include "../auth/scoped.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/view.h"

#define CURRENT_VERSION \
	"(SELECT max(id) FROM survey_versions WHERE survey_id = s.id)"

/* An organisation-wide survey (site_id NULL) is "All sites"; its
 * target is site 0, which only organisation-wide grants and the group's
 * own members cover, as for any organisation-wide group. */
#define SITE_NAME	"ifnull(si.name, 'All sites') AS site_name"

static const char *sql_target =
    "SELECT ifnull(site_id, 0), group_id FROM surveys WHERE id = ?";
static const char *sql_question_target =
    "SELECT ifnull(s.site_id, 0), s.group_id FROM survey_questions q "
    "JOIN survey_versions v ON v.id = q.version_id "
    "JOIN surveys s ON s.id = v.survey_id WHERE q.id = ?";
static const char *sql_theme_target =
    "SELECT ifnull(s.site_id, 0), s.group_id FROM survey_themes t "
    "JOIN surveys s ON s.id = t.survey_id WHERE t.id = ?";

static const char *sql_add =
    "INSERT INTO surveys (id, group_id, site_id, title, intro, consent, "
    "title_cy, intro_cy, consent_cy, double_entry, token, created_by) "
    "SELECT rt_next_id('surveys'), g.id, g.site_id, ?, ?, ?, ifnull(?, ''), "
    "ifnull(?, ''), ifnull(?, ''), ?, ?, ? FROM groups g WHERE g.id = ?";
static const char *sql_version_add =
    "INSERT INTO survey_versions (id, survey_id, number) SELECT "
    "rt_next_id('survey_versions'), ?1, ifnull(max(number), 0) + 1 "
    "FROM survey_versions WHERE survey_id = ?1";
static const char *sql_update =
    "UPDATE surveys SET title = ?, intro = ?, consent = ?, "
    "title_cy = ifnull(?, ''), intro_cy = ifnull(?, ''), "
    "consent_cy = ifnull(?, ''), double_entry = ? WHERE id = ?";
static const char *sql_load =
    "SELECT s.id, s.group_id, s.site_id, s.title, s.intro, s.consent, "
    "s.title_cy, s.intro_cy, s.consent_cy, s.double_entry, s.state, s.token, substr(s.created_at, 1, 10) AS "
    "created_on, g.name AS group_name, " SITE_NAME ", "
    "s.site_id IS NULL AS org_wide, " CURRENT_VERSION " AS version_id, "
    "(SELECT max(number) FROM survey_versions WHERE survey_id = s.id) "
    "AS version, (SELECT count(*) FROM survey_responses r WHERE "
    "r.survey_id = s.id) AS responses, "
    /* What a kiosk or the link reads in for someone who chose none. */
    "coalesce(nullif(g.language, ''), nullif(si.language, ''), "
    "(SELECT nullif(language, '') FROM sites WHERE id = g.site_id), '') "
    "AS place_language FROM surveys s "
    "JOIN groups g ON g.id = s.group_id LEFT JOIN sites si ON si.id = s.site_id "
    "WHERE s.id = ?";
static const char *sql_by_token =
    "SELECT id FROM surveys WHERE token = ? AND state = 'open'";
static const char *sql_state =
    "UPDATE surveys SET state = ?3 WHERE id = ?1 AND state = ?2";
static const char *sql_list =
    "SELECT s.id, s.title, s.title_cy, s.state, g.name AS group_name, "
    SITE_NAME ", (SELECT count(*) FROM survey_responses r "
    "WHERE r.survey_id = s.id) AS responses FROM surveys s "
    "JOIN groups g ON g.id = s.group_id LEFT JOIN sites si ON si.id = s.site_id "
    "WHERE ?1 <> 0 OR s.site_id IN (SELECT value FROM json_each(?2)) "
    "OR s.group_id IN (SELECT value FROM json_each(?3)) "
    "ORDER BY s.state = 'closed', s.id DESC";
static const char *sql_questions =
    "SELECT id, position, section, kind, prompt, choices, scale_max, "
    "required, instrument, item_key, skip_answer, skip_to, section_cy, "
    "prompt_cy, choices_cy FROM survey_questions WHERE version_id = ? "
    "ORDER BY position";
static const char *sql_version_responses =
    "SELECT count(*) FROM survey_responses WHERE version_id = ?";
/* One question a statement: rt_next_id numbers one row each time (an
 * INSERT of many rows from the same table would give them all one). */
static const char *sql_copy_question =
    "INSERT INTO survey_questions (id, version_id, position, section, "
    "kind, prompt, choices, scale_max, required, instrument, item_key, "
    "skip_answer, skip_to, section_cy, prompt_cy, choices_cy) SELECT "
    "rt_next_id('survey_questions'), ?2, position, section, kind, prompt, "
    "choices, scale_max, required, instrument, item_key, skip_answer, "
    "skip_to, section_cy, prompt_cy, choices_cy FROM survey_questions "
    "WHERE version_id = ?1 AND position = ?3";
static const char *sql_question_count =
    "SELECT count(*) FROM survey_questions WHERE version_id = ?";
static const char *sql_question_add =
    "INSERT INTO survey_questions (id, version_id, position, section, "
    "kind, prompt, choices, scale_max, required, instrument, item_key, "
    "skip_answer, skip_to, section_cy, prompt_cy, choices_cy) VALUES "
    "(rt_next_id('survey_questions'), ?1, (SELECT count(*) + 1 FROM "
    "survey_questions WHERE version_id = ?1), ifnull(?2, ''), ?3, ?4, "
    "ifnull(?5, ''), ?6, ?7, ?8, ?9, ?10, ?11, ifnull(?12, ''), "
    "ifnull(?13, ''), ifnull(?14, ''))";
static const char *sql_question_delete =
    "DELETE FROM survey_questions WHERE version_id = ? AND position = ?";
/* Positions move up one at a time from the lowest, so UNIQUE holds at
 * every step; skips to the removed question go. */
static const char *sql_unskip =
    "UPDATE survey_questions SET skip_answer = NULL, skip_to = NULL "
    "WHERE version_id = ? AND skip_to = ?";
static const char *sql_shift =
    "UPDATE survey_questions SET position = position - 1, "
    "skip_to = CASE WHEN skip_to > ?2 THEN skip_to - 1 ELSE skip_to END "
    "WHERE version_id = ?1 AND position = ?3";
static const char *sql_skips_up =
    "UPDATE survey_questions SET skip_to = skip_to - 1 "
    "WHERE version_id = ?1 AND position < ?2 AND skip_to > ?2";
static const char *sql_question_load =
    "SELECT q.id, q.position, q.prompt, v.survey_id FROM survey_questions q "
    "JOIN survey_versions v ON v.id = q.version_id WHERE q.id = ?";
static const char *sql_versions =
    "SELECT v.id, v.number, substr(v.created_at, 1, 10) AS created_on, "
    "(SELECT count(*) FROM survey_questions q WHERE q.version_id = v.id) "
    "AS questions, (SELECT count(*) FROM survey_responses r WHERE "
    "r.version_id = v.id) AS responses FROM survey_versions v "
    "WHERE v.survey_id = ? ORDER BY v.number DESC";

static const char *sql_version_number =
    "SELECT number FROM survey_versions WHERE id = ?";
static const char *sql_version_by_number =
    "SELECT id FROM survey_versions WHERE survey_id = ? AND number = ?";
static const char *sql_version_answered =
    "SELECT v.id FROM survey_versions v WHERE v.survey_id = ? AND EXISTS "
    "(SELECT 1 FROM survey_responses r WHERE r.version_id = v.id) "
    "ORDER BY v.number DESC LIMIT 1";
static const char *sql_sites =
    "SELECT id AS value, name AS label FROM sites WHERE closed_on IS NULL "
    "ORDER BY name";
static const char *sql_places =
    "SELECT id AS value, name AS label FROM units WHERE site_id = ? "
    "AND closed_on IS NULL ORDER BY name";

json_t *
survey_places(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_places, "i", site_id);
}

json_t *
survey_sites(struct db *db)
{
	return db_rows(db, sql_sites, "");
}

int64_t
survey_place_of(const json_t *places, int64_t unit_id)
{
	json_t	*p;
	size_t	 i;

	json_array_foreach(places, i, p)
		if (view_int(p, "value") == unit_id)
			return unit_id;
	return 0;
}

static int
target_pair(struct db *db, const char *sql, int64_t id, struct target *t)
{
	return db_pair(db, sql, id, &t->site_id, &t->group_id);
}

int
survey_target(struct db *db, const int64_t *ids, struct target *t)
{
	return target_pair(db, sql_target, ids[0], t);
}

int
survey_question_target(struct db *db, const int64_t *ids, struct target *t)
{
	return target_pair(db, sql_question_target, ids[0], t);
}

int
survey_theme_target(struct db *db, const int64_t *ids, struct target *t)
{
	return target_pair(db, sql_theme_target, ids[0], t);
}

#define V(k)	json_object_get(v, k)

int
survey_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	char	 token[TOKEN_CHARS + 1];
	int	 rc;

	token_new(token);
	rc = db_exec(db, sql_add, "jjjjjjdtii", V("title"), V("intro"),
	    V("consent"), V("title_cy"), V("intro_cy"), V("consent_cy"),
	    json_is_true(V("double_entry")), token, actor,
	    group_id);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* no such group */
	*id = db_last_id(db);
	if ((rc = db_exec(db, sql_version_add, "i", *id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "survey.create", "survey", *id,
	    json_string_value(V("title")));
}

int
survey_update(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_update, "jjjjjjdi", V("title"), V("intro"),
	    V("consent"), V("title_cy"), V("intro_cy"), V("consent_cy"),
	    json_is_true(V("double_entry")), id);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "survey.update", "survey", id, NULL);
}

int
survey_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

int
survey_by_token(struct db *db, const char *token, json_t **out)
{
	int64_t	 id;
	int	 rc;

	if (token == NULL || !token_wellformed(token))
		return 0;
	if ((rc = db_int(db, &id, sql_by_token, "t", token)) <= 0)
		return rc;
	return survey_load(db, id, out);
}

int
survey_set_state(struct db *db, int64_t actor, int64_t id, const char *from,
    const char *to)
{
	char	 action[32];
	int	 rc;

	if ((rc = db_exec(db, sql_state, "itt", id, from, to)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	snprintf(action, sizeof(action), "survey.%s", to);
	return audit_append(db, actor, action, "survey", id, NULL);
}

json_t *
survey_list(struct db *db, const struct principal *who)
{
	return scoped_rows(db, who, ROLES_ALL, sql_list);
}

json_t *
survey_questions(struct db *db, int64_t version_id)
{
	return db_rows(db, sql_questions, "i", version_id);
}

json_t *
survey_versions(struct db *db, int64_t survey_id)
{
	return db_rows(db, sql_versions, "i", survey_id);
}

int
survey_question_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_question_load, "i", id);
}

/* The version to change: the current one, or a copy of it when it has
 * responses (they keep the questions they answered); *count receives
 * its number of questions. */
static int
editable_version(struct db *db, int64_t actor, int64_t survey_id,
    int64_t *version, int64_t *count)
{
	json_t	*s;
	int64_t	 n, old, questions, pos;
	char	 detail[32];
	int	 rc;

	if ((rc = survey_load(db, survey_id, &s)) <= 0)
		return rc < 0 ? DB_ERROR : DB_CONSTRAINT;
	old = view_int(s, "version_id");
	json_decref(s);
	if (db_int(db, &n, sql_version_responses, "i", old) < 0)
		return DB_ERROR;
	*version = old;
	if (n > 0) {
		if ((rc = db_exec(db, sql_version_add, "i", survey_id)) !=
		    DB_OK)
			return rc;
		*version = db_last_id(db);
		if (db_int(db, &questions, sql_question_count, "i", old) < 0)
			return DB_ERROR;
		/* Positions run from 1 without a gap (sql_shift). */
		for (pos = 1; pos <= questions; pos++)
			if ((rc = db_exec(db, sql_copy_question, "iii", old,
			    *version, pos)) != DB_OK)
				return rc;
		snprintf(detail, sizeof(detail), "%lld", (long long)n);
		if ((rc = audit_append(db, actor, "survey.version", "survey",
		    survey_id, detail)) != DB_OK)
			return rc;
	}
	return db_int(db, count, sql_question_count, "i", *version) < 0 ?
	    DB_ERROR : DB_OK;
}

int
survey_questions_add(struct db *db, int64_t actor, int64_t survey_id,
    const json_t *rows)
{
	const json_t	*v;
	int64_t		 version, count;
	size_t		 i;
	char		 detail[32];
	int		 rc;

	if ((rc = editable_version(db, actor, survey_id, &version, &count)) !=
	    DB_OK)
		return rc;
	if (count + (int64_t)json_array_size(rows) > SURVEY_QUESTIONS_MAX)
		return DB_CONSTRAINT;
	json_array_foreach(rows, i, v) {
		rc = db_exec(db, sql_question_add, "ijjjjjdjjjjjjj", version,
		    V("section"), V("kind"), V("prompt"), V("choices"),
		    V("scale_max"), json_is_true(V("required")),
		    V("instrument"), V("item_key"), V("skip_answer"),
		    V("skip_to"), V("section_cy"), V("prompt_cy"),
		    V("choices_cy"));
		if (rc != DB_OK)
			return rc;
	}
	snprintf(detail, sizeof(detail), "%zu", json_array_size(rows));
	return audit_append(db, actor, "survey.questions", "survey",
	    survey_id, detail);
}

int
survey_question_remove(struct db *db, int64_t actor, int64_t survey_id,
    int64_t position)
{
	int64_t	 version, count, p;
	char	 detail[32];
	int	 rc;

	if ((rc = editable_version(db, actor, survey_id, &version, &count)) !=
	    DB_OK)
		return rc;
	if ((rc = db_exec(db, sql_unskip, "ii", version, position)) != DB_OK ||
	    (rc = db_exec(db, sql_question_delete, "ii", version,
	    position)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = db_exec(db, sql_skips_up, "ii", version, position)) != DB_OK)
		return rc;
	for (p = position + 1; p <= count; p++)
		if ((rc = db_exec(db, sql_shift, "iii", version, position, p)) !=
		    DB_OK)
			return rc;
	snprintf(detail, sizeof(detail), "%lld", (long long)position);
	return audit_append(db, actor, "survey.question_remove", "survey",
	    survey_id, detail);
}

int64_t
version_responses(struct db *db, int64_t version_id)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_version_responses, "i", version_id) < 0 ?
	    0 : n;
}

int64_t
version_number(struct db *db, int64_t version_id)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_version_number, "i", version_id) < 0 ? 0 : n;
}

int64_t
results_version(struct db *db, const json_t *survey, int64_t number)
{
	int64_t	 id = 0;

	if (number > 0 && db_int(db, &id, sql_version_by_number, "ii",
	    view_int(survey, "id"), number) > 0)
		return id;
	if (db_int(db, &id, sql_version_answered, "i", view_int(survey,
	    "id")) > 0)
		return id;
	return view_int(survey, "version_id");
}
