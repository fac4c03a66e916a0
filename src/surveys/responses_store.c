/*
 * SQL for responses: storing one (every answer in the same transaction
 * as its audit row, which records how it came in and never what it
 * said), paper copies typed in once or twice, and the counts results
 * are built from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_response_add =
    "INSERT INTO survey_responses (id, survey_id, version_id, channel, "
    "unit_id, site_id, reference, interviewer_id) VALUES "
    "(rt_next_id('survey_responses'), ?, ?, ?, nullif(?, 0), "
    "nullif(?, 0), ?, nullif(?, 0))";
static const char *sql_answer_add =
    "INSERT INTO survey_answers (response_id, question_id, value) "
    "SELECT ?1, q.id, ?3 FROM survey_questions q WHERE q.id = ?2 "
    "AND q.version_id = ?4 ON CONFLICT DO NOTHING";
static const char *sql_entries_of =
    "SELECT id, answers, ifnull(site_id, 0) AS site_id, response_id "
    "FROM survey_paper_entries "
    "WHERE survey_id = ? AND reference = ? ORDER BY id";
static const char *sql_entry_add =
    "INSERT INTO survey_paper_entries (survey_id, reference, unit_id, "
    "site_id, answers, entered_by) VALUES (?, ?, nullif(?, 0), "
    "nullif(?, 0), ?, ?)";
static const char *sql_entries_settle =
    "UPDATE survey_paper_entries SET response_id = ?3 "
    "WHERE survey_id = ?1 AND reference = ?2";
static const char *sql_pending =
    "SELECT reference, count(*) AS entries, "
    "count(DISTINCT answers) > 1 AS disagree "
    "FROM survey_paper_entries WHERE survey_id = ? AND response_id IS NULL "
    "GROUP BY reference ORDER BY reference";
static const char *sql_answer_counts =
    "SELECT q.id AS question_id, q.position, a.value, count(*) AS n "
    "FROM survey_questions q JOIN survey_answers a ON a.question_id = q.id "
    "WHERE q.version_id = ? GROUP BY q.id, a.value ORDER BY q.position";
static const char *sql_answered =
    "SELECT q.id AS question_id, count(DISTINCT a.response_id) AS n "
    "FROM survey_questions q JOIN survey_answers a ON a.question_id = q.id "
    "WHERE q.version_id = ? GROUP BY q.id";
/* Every respondent to the version is in a row, "Not answered" or "Not
 * recorded" included, so the column totals equal the question's counts. */
static const char *sql_by_place =
    "SELECT ifnull(u.name, 'Place not recorded') AS grp, a.value, "
    "count(*) AS n FROM survey_answers a "
    "JOIN survey_responses r ON r.id = a.response_id "
    "LEFT JOIN units u ON u.id = r.unit_id WHERE a.question_id = ? "
    "GROUP BY grp, a.value ORDER BY grp";
static const char *sql_by_site =
    "SELECT ifnull(si.name, 'Site not recorded') AS grp, a.value, "
    "count(*) AS n FROM survey_answers a "
    "JOIN survey_responses r ON r.id = a.response_id "
    "LEFT JOIN sites si ON si.id = r.site_id WHERE a.question_id = ? "
    "GROUP BY grp, a.value ORDER BY grp";
static const char *sql_by_question =
    "SELECT ifnull(b.value, 'Not answered') AS grp, a.value, count(*) AS n "
    "FROM survey_answers a LEFT JOIN survey_answers b "
    "ON b.response_id = a.response_id AND b.question_id = ?2 "
    "WHERE a.question_id = ?1 GROUP BY grp, a.value ORDER BY grp";
/* A survey's free-text answers in question order, then response; a
 * page of them is keyed by (position, response), which is unique: a
 * response answers one version, whose positions are distinct. */
#define SQL_TEXT_ANSWERS \
    "SELECT a.response_id, a.question_id, q.position, q.prompt, " \
    "q.prompt_cy, q.instrument, a.value, " \
    "a.response_id AS id, CAST(q.position AS TEXT) AS page_key, " \
    "(SELECT group_concat(t.name, ', ') FROM survey_answer_themes at " \
    "  JOIN survey_themes t ON t.id = at.theme_id WHERE at.response_id = " \
    "  a.response_id AND at.question_id = a.question_id) AS themes " \
    "FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id " \
    "JOIN survey_responses r ON r.id = a.response_id " \
    "WHERE r.survey_id = ?1 AND q.kind = 'text' "
static const char *sql_text_answers =
    SQL_TEXT_ANSWERS "ORDER BY q.position, a.response_id";
static const char *sql_text_answers_page =
    SQL_TEXT_ANSWERS "AND (?2 = 0 OR (q.position, a.response_id) > "
    "(CAST(nullif(?3, '') AS INTEGER), ?2)) ORDER BY q.position, a.response_id "
    "LIMIT ?4";
/* A place with fewer responses (to this version) than the threshold is
 * left blank: with the answers beside it, it would point at people. */
static const char *sql_responses =
    "SELECT r.id, r.channel, CASE WHEN (SELECT count(*) FROM "
    "survey_responses p WHERE p.version_id = r.version_id AND "
    "p.unit_id IS NOT DISTINCT FROM r.unit_id) >= ?3 THEN ifnull(u.name, '') ELSE '' END "
    "AS place, "
    "q.position, group_concat(a.value, '; ') AS value "
    "FROM survey_responses r LEFT JOIN units u ON u.id = r.unit_id "
    "JOIN survey_answers a ON a.response_id = r.id "
    "JOIN survey_questions q ON q.id = a.question_id "
    "WHERE r.survey_id = ?1 AND r.version_id = ?2 "
    "GROUP BY r.id, q.position, u.name ORDER BY r.id, q.position";
static const char *sql_instrument =
    "SELECT a.response_id, q.item_key, a.value FROM survey_answers a "
    "JOIN survey_questions q ON q.id = a.question_id "
    "JOIN survey_responses r ON r.id = a.response_id "
    "WHERE r.version_id = ? AND q.instrument = ? ORDER BY a.response_id";
static const char *sql_themes =
    "SELECT t.id, t.name, t.issue_id, (SELECT count(*) FROM "
    "survey_answer_themes at WHERE at.theme_id = t.id) AS answers "
    "FROM survey_themes t WHERE t.survey_id = ? ORDER BY t.name";
static const char *sql_theme_add =
    "INSERT INTO survey_themes (survey_id, name) SELECT ?1, ?2 "
    "WHERE (SELECT count(*) FROM survey_themes WHERE survey_id = ?1) < ?3";
static const char *sql_theme_find =
    "SELECT id FROM survey_themes WHERE survey_id = ? AND name = ?";
static const char *sql_answer_of =
    "SELECT 1 FROM survey_answers a JOIN survey_responses r ON r.id = "
    "a.response_id JOIN survey_questions q ON q.id = a.question_id "
    "WHERE r.survey_id = ? AND a.response_id = ? AND a.question_id = ? "
    "AND q.kind = 'text'";
static const char *sql_theme_tag =
    "INSERT INTO survey_answer_themes (theme_id, response_id, "
    "question_id) SELECT t.id, a.response_id, a.question_id "
    "FROM survey_themes t JOIN survey_answers a ON a.response_id = ?2 "
    "AND a.question_id = ?3 JOIN survey_responses r ON r.id = "
    "a.response_id AND r.survey_id = t.survey_id WHERE t.id = ?1 "
    "ON CONFLICT DO NOTHING";
static const char *sql_theme_load =
    "SELECT t.id, t.survey_id, t.name, t.issue_id, s.site_id, s.group_id, "
    "s.title AS survey_title, (SELECT count(*) FROM survey_answer_themes at "
    "WHERE at.theme_id = t.id) AS answers FROM survey_themes t "
    "JOIN surveys s ON s.id = t.survey_id WHERE t.id = ?";
static const char *sql_issue_add =
    "INSERT INTO issues (id, site_id, group_id, title, statement, created_by) "
    "VALUES (rt_next_id('issues'), ?, ?, ?, ?, ?)";
static const char *sql_theme_issue =
    "UPDATE survey_themes SET issue_id = ? WHERE id = ? AND issue_id IS NULL";

int
response_add(struct db *db, int64_t actor, int64_t survey_id,
    int64_t version_id, const char *channel, int64_t unit_id,
    int64_t site_id, const char *reference, const json_t *answers,
    int64_t *id)
{
	const json_t	*a;
	size_t		 i;
	int		 rc;

	rc = db_exec(db, sql_response_add, "iitiiti", survey_id, version_id,
	    channel, unit_id, site_id, reference,
	    strcmp(channel, "interview") == 0 ? actor : (int64_t)0);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	json_array_foreach(answers, i, a) {
		rc = db_exec(db, sql_answer_add, "iiti", *id,
		    view_int(a, "question_id"), view_str(a, "value"),
		    version_id);
		if (rc != DB_OK)
			return rc;
	}
	/* How it came in, never what it said. */
	return audit_append(db, actor, "survey.response", "survey", survey_id,
	    channel);
}

/* Do two typed entries (JSON text of the answers) say the same?  Both
 * are made by the same code from the same form, so equal text is equal
 * answers.  The caller also requires the same site. */
static int
entries_agree(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

int
paper_entry_add(struct db *db, int64_t actor, json_t *survey,
    const char *reference, int64_t unit_id, int64_t site_id,
    const json_t *answers, const char **state)
{
	json_t	*earlier, *e;
	char	*text;
	int64_t	 response = 0, sid = view_int(survey, "id");
	size_t	 i;
	int	 rc = DB_ERROR, agreed = 0;

	if ((text = json_dumps(answers, JSON_COMPACT | JSON_SORT_KEYS)) ==
	    NULL)
		return DB_ERROR;
	if ((earlier = db_rows(db, sql_entries_of, "it", sid, reference)) ==
	    NULL)
		goto out;
	json_array_foreach(earlier, i, e) {
		if (json_is_integer(json_object_get(e, "response_id"))) {
			rc = DB_CONSTRAINT;	/* already counted */
			goto out;
		}
		if (entries_agree(view_str(e, "answers"), text) &&
		    view_int(e, "site_id") == site_id)
			agreed = 1;
	}
	if ((rc = db_exec(db, sql_entry_add, "itiiti", sid, reference,
	    unit_id, site_id, text, actor)) != DB_OK)
		goto out;
	*state = N_("waiting");
	if (!view_int(survey, "double_entry") || agreed) {
		rc = response_add(db, actor, sid, view_int(survey,
		    "version_id"), "paper", unit_id, site_id, reference, answers,
		    &response);
		if (rc == DB_OK)
			rc = db_exec(db, sql_entries_settle, "iti", sid,
			    reference, response);
		*state = N_("counted");
	} else if (json_array_size(earlier) > 0)
		*state = N_("disagree");
	if (rc == DB_OK)
		rc = audit_append(db, actor, "survey.paper_entry", "survey",
		    sid, *state);
out:
	json_decref(earlier);
	free(text);
	return rc;
}

json_t *
paper_entries_pending(struct db *db, int64_t survey_id)
{
	return db_rows(db, sql_pending, "i", survey_id);
}

json_t *
answer_counts(struct db *db, int64_t version_id)
{
	return db_rows(db, sql_answer_counts, "i", version_id);
}

json_t *
answered_counts(struct db *db, int64_t version_id)
{
	return db_rows(db, sql_answered, "i", version_id);
}

json_t *
answer_breakdown(struct db *db, int64_t q, int64_t by_q)
{
	if (by_q == BY_PLACE)
		return db_rows(db, sql_by_place, "i", q);
	if (by_q == BY_SITE)
		return db_rows(db, sql_by_site, "i", q);
	return db_rows(db, sql_by_question, "ii", q, by_q);
}

json_t *
text_answers(struct db *db, int64_t survey_id)
{
	return db_rows(db, sql_text_answers, "i", survey_id);
}

json_t *
text_answers_page(struct db *db, int64_t survey_id, const struct paging *pg)
{
	return db_rows(db, sql_text_answers_page, "iitd", survey_id,
	    pg->after_id, pg->after_key, paging_limit(pg));
}

json_t *
responses_rows(struct db *db, int64_t survey_id, int64_t version_id,
    int threshold)
{
	json_t	*cells, *rows, *row = NULL, *c;
	char	 key[24];
	size_t	 i;
	int64_t	 last = 0;

	if ((cells = db_rows(db, sql_responses, "iid", survey_id,
	    version_id, threshold)) == NULL)
		return NULL;
	rows = json_array();
	json_array_foreach(cells, i, c) {
		if (view_int(c, "id") != last) {
			last = view_int(c, "id");
			/* A row number, not the id: ids would tell the order
			 * across surveys. */
			row = json_pack("{s:I, s:O, s:O}", "response",
			    (json_int_t)json_array_size(rows) + 1, "channel",
			    json_object_get(c, "channel"), "place",
			    json_object_get(c, "place"));
			json_array_append_new(rows, row);
		}
		snprintf(key, sizeof(key), "q%lld", (long long)view_int(c,
		    "position"));
		json_object_set(row, key, json_object_get(c, "value"));
	}
	json_decref(cells);
	return rows;
}

json_t *
instrument_answers(struct db *db, int64_t version_id, const char *instrument)
{
	return db_rows(db, sql_instrument, "it", version_id, instrument);
}

json_t *
survey_themes(struct db *db, int64_t survey_id)
{
	return db_rows(db, sql_themes, "i", survey_id);
}

int
theme_add(struct db *db, int64_t actor, int64_t survey_id, const char *name,
    int64_t *id)
{
	int	 rc;

	if ((rc = db_int(db, id, sql_theme_find, "it", survey_id, name)) != 0)
		return rc < 0 ? DB_ERROR : DB_OK;
	rc = db_exec(db, sql_theme_add, "iti", survey_id, name,
	    (int64_t)SURVEY_THEMES_MAX);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	*id = db_last_id(db);
	return audit_append(db, actor, "survey.theme", "survey", survey_id,
	    name);
}

int
text_answer_of(struct db *db, int64_t survey_id, int64_t response_id,
    int64_t question_id)
{
	int64_t	 one;

	return db_int(db, &one, sql_answer_of, "iii", survey_id, response_id,
	    question_id);
}

int
theme_tag(struct db *db, int64_t actor, int64_t theme_id,
    int64_t response_id, int64_t question_id)
{
	int	 rc;

	rc = db_exec(db, sql_theme_tag, "iii", theme_id, response_id,
	    question_id);
	if (rc != DB_OK || db_changes(db) == 0)
		return rc;
	return audit_append(db, actor, "survey.theme_tag", "survey_theme",
	    theme_id, NULL);
}

int
theme_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_theme_load, "i", id);
}

int
theme_to_issue(struct db *db, int64_t actor, json_t *theme,
    int64_t *issue_id)
{
	char	*statement;
	int	 rc;

	/* No count: a small one could point to the people who wrote. */
	if (asprintf(&statement, "People answering the survey \"%s\" raised "
	    "this in their own words.", view_str(theme, "survey_title")) == -1)
		return DB_ERROR;
	rc = db_exec(db, sql_issue_add, "iitti", view_int(theme, "site_id"),
	    view_int(theme, "group_id"), view_str(theme, "name"), statement,
	    actor);
	free(statement);
	if (rc != DB_OK)
		return rc;
	*issue_id = db_last_id(db);
	if ((rc = db_exec(db, sql_theme_issue, "ii", *issue_id,
	    view_int(theme, "id"))) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = audit_append(db, actor, "issue.create", "issue", *issue_id,
	    view_str(theme, "name"))) != DB_OK)
		return rc;
	return audit_append(db, actor, "survey.theme_issue", "survey_theme",
	    view_int(theme, "id"), NULL);
}
