/*
 * SQL for logged conversations, their topics, and the option lists the
 * log form offers.  A log's text never goes into the audit chain: the
 * audit records that a log was made and its outcome, not what was said.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../db/shared_rows.h"
#include "../render/parts.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT site_id, ifnull(group_id, 0) FROM conversations WHERE id = ?";
static const char *sql_insert =
    "INSERT INTO conversations (id, site_id, unit_id, author_id, occurred_at, "
    "channel, raised, consent, outcome, escalated_to, service_id, "
    "on_behalf, from_paper, entered_by) VALUES (rt_next_id('conversations'), ?, ?, ?, ? || 'T' || ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char *sql_topic_link =
    "INSERT INTO conversation_topics (conversation_id, topic_id) "
    "VALUES (?, ?) ON CONFLICT DO NOTHING";
static const char *sql_load =
    "SELECT c.id, c.site_id, c.unit_id, c.group_id, c.author_id, "
    "c.occurred_at, replace(c.occurred_at, 'T', ' at ') AS when_label, "
    "substr(c.occurred_at, 12, 5) AS at_time, "
    "c.channel, c.raised, c.consent, c.outcome, "
    "c.escalated_to, c.service_id, c.on_behalf, c.from_paper, c.issue_id, "
    "substr(c.created_at, 1, 10) AS created_on, s.name AS site_name, "
    "u.name AS unit_name, a.display_name AS author_name, "
    "sv.name AS service_name, i.title AS issue_title, "
    "(SELECT group_concat(t.name, ', ') FROM conversation_topics ct "
    "  JOIN topics t ON t.id = ct.topic_id WHERE ct.conversation_id = c.id) "
    "  AS topics, "
    /* For the page: each topic marked as every site's (worded in the
     * reader's language) or a site's own (voice_topics_said). */
    "(SELECT group_concat(CASE WHEN t.site_id IS NULL THEN '*' ELSE '-' "
    "  END || t.name, '" LIST_APART "') FROM conversation_topics ct "
    "  JOIN topics t ON t.id = ct.topic_id WHERE ct.conversation_id = c.id) "
    "  AS topics_listed, "
    "CASE WHEN c.entered_by != c.author_id THEN e.display_name END "
    "  AS typist_name "
    "FROM conversations c JOIN sites s ON s.id = c.site_id "
    "JOIN accounts a ON a.id = c.author_id "
    "LEFT JOIN accounts e ON e.id = c.entered_by "
    "LEFT JOIN units u ON u.id = c.unit_id "
    "LEFT JOIN services sv ON sv.id = c.service_id "
    "LEFT JOIN issues i ON i.id = c.issue_id WHERE c.id = ?";

/* Filters: ?1 me, ?2 all, ?3 sites, ?4 groups, then the user's choices. */
#define LIST_WHERE(match) \
    "WHERE (c.author_id = ?1 OR ?2 <> 0 OR c.site_id IN " \
    "  (SELECT value FROM json_each(?3)) OR c.group_id IN " \
    "  (SELECT value FROM json_each(?4))) " \
    "AND (CAST(?5 AS TEXT) IS NULL OR " match ") " \
    "AND (?6 = 0 OR c.site_id = ?6) AND (?7 = 0 OR c.unit_id = ?7) " \
    "AND (?8 = 0 OR c.id IN (SELECT conversation_id FROM " \
    "  conversation_topics WHERE topic_id = ?8)) " \
    "AND (CAST(?9 AS TEXT) IS NULL OR c.occurred_at >= ?9) " \
    "AND (CAST(?10 AS TEXT) IS NULL OR c.occurred_at < ?10 || 'T99') " \
    "AND (CAST(?11 AS TEXT) IS NULL OR c.outcome = ?11) " \
    "AND (CAST(?12 AS TEXT) IS NULL OR (?12 = 'yes') = (c.issue_id IS NOT NULL)) "

#define LIST_SQL(match) \
    "SELECT c.id, c.occurred_at, replace(c.occurred_at, 'T', ' at ') " \
    "AS when_label, substr(c.occurred_at, 12, 5) AS at_time, " \
    "c.channel, c.outcome, c.consent, " \
    "substr(c.raised, 1, 160) AS raised, c.issue_id, c.author_id, " \
    "s.name AS site_name, u.name AS unit_name, " \
    "substr(c.created_at, 1, 10) AS created_on " \
    "FROM conversations c JOIN sites s ON s.id = c.site_id " \
    "LEFT JOIN units u ON u.id = c.unit_id " LIST_WHERE(match) \
    "AND (c.occurred_at, c.id) < (?14, ?13) " \
    "ORDER BY c.occurred_at DESC, c.id DESC LIMIT ?15"
DB_SQL(sql_list, LIST_SQL(FTS_MATCH_SQLITE("conversations", "c", "?5")),
    LIST_SQL(FTS_MATCH_PG("conversations", "c", "?5")));
/* Each worded by the form in its reader's language, its day in words
 * (msgid); label is the same in English for the JSON. */
static const char *sql_ungrouped =
    "SELECT c.id AS value, substr(c.occurred_at, 1, 10) || ', ' || "
    "ifnull(u.name, 'no place') || ': ' || substr(c.raised, 1, 80) AS label, "
    "substr(c.occurred_at, 1, 10) AS occurred_on, u.name AS place, "
    "substr(c.raised, 1, 80) AS raised, CASE WHEN u.name IS NULL THEN "
    "'{occurred_on | date}: {raised}' ELSE "
    "'{occurred_on | date}, {place}: {raised}' END AS msgid "
    "FROM conversations c LEFT JOIN units u ON u.id = c.unit_id "
    "WHERE c.site_id = ? AND c.issue_id IS NULL AND c.consent != 'do_not_share' "
    "ORDER BY c.occurred_at DESC LIMIT ?";
/* A topic every site has (voice_topic_words) is worded by the form in
 * its reader's language (msgid); a site's own, as the site named it. */
static const char *sql_topic_options =
    "SELECT t.id AS value, t.name || ifnull(' (' || s.name || ')', '') AS label, "
    "CASE WHEN t.site_id IS NULL THEN '{label | t}' END AS msgid "
    "FROM topics t LEFT JOIN sites s ON s.id = t.site_id "
    "WHERE t.retired_on IS NULL AND (t.site_id IS NULL OR ?1 <> 0 OR t.site_id IN "
    "(SELECT value FROM json_each(?2))) ORDER BY t.site_id IS NOT NULL, t.name";
static const char *sql_service_options =
    "SELECT DISTINCT sv.id AS value, sv.name AS label FROM services sv "
    "JOIN service_sites ss ON ss.service_id = sv.id "
    "WHERE sv.retired_on IS NULL AND (?1 <> 0 OR ss.site_id IN "
    "(SELECT value FROM json_each(?2))) ORDER BY sv.name";
static const char *sql_account_options =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE a.disabled_at IS NULL "
    "AND (g.scope = 'organisation' OR ?1 <> 0 OR coalesce(gr.site_id, g.site_id) "
    "IN (SELECT value FROM json_each(?2))) ORDER BY a.display_name";
static const char *sql_units_at =
    "SELECT id AS value, name AS label FROM units WHERE site_id = ? "
    "AND closed_on IS NULL ORDER BY name";
static const char *sql_last_unit =
    "SELECT unit_id FROM conversations WHERE author_id = ? "
    "AND unit_id IS NOT NULL ORDER BY id DESC LIMIT 1";

/* What a log refers to must belong to its site (?1). */
static const char *sql_fit_unit =
    "SELECT count(*) FROM units WHERE id = ?2 AND site_id = ?1";
static const char *sql_fit_topics =
    "SELECT count(*) FROM json_each(?2) j LEFT JOIN topics t ON t.id = j.value "
    "WHERE t.id IS NULL OR (t.site_id IS NOT NULL AND t.site_id != ?1)";
static const char *sql_fit_service =
    "SELECT count(*) FROM service_sites WHERE service_id = ?2 AND site_id = ?1";
/* A paper sheet's author: an active rep at the site. */
static const char *sql_fit_author =
    "SELECT count(*) FROM grants g JOIN accounts a ON a.id = g.account_id "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE g.account_id = ?2 "
    "AND a.disabled_at IS NULL AND g.role = 'rep' AND (g.scope = "
    "'organisation' OR coalesce(gr.site_id, g.site_id) = ?1)";
static const char *sql_rep_options =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE a.disabled_at IS NULL "
    "AND g.role = 'rep' AND (g.scope = 'organisation' OR ?1 <> 0 OR "
    "coalesce(gr.site_id, g.site_id) IN (SELECT value FROM json_each(?2))) "
    "ORDER BY a.display_name";
static const char *sql_fit_owner =
    "SELECT count(*) FROM grants g LEFT JOIN groups gr ON gr.id = g.group_id "
    "WHERE g.account_id = ?2 AND (g.scope = 'organisation' OR "
    "coalesce(gr.site_id, g.site_id) = ?1)";

static int
fits(struct db *db, const char *sql, int64_t site, const char *fmt_tail,
    const json_t *value, int64_t *n)
{
	char	*list = NULL;
	int	 rc;

	if (fmt_tail[0] == 't') {
		if ((list = json_dumps(value, JSON_COMPACT)) == NULL)
			return -1;
		rc = db_int(db, n, sql, "it", site, list);
		free(list);
		return rc;
	}
	return db_int(db, n, sql, "ij", site, value);
}

int
log_fits_site(struct db *db, const json_t *v, json_t *errors)
{
	int64_t		 site = view_int(v, "site_id");
	const json_t	*x;
	json_t		*topics;
	int64_t		 n;

	if (json_is_integer(x = json_object_get(v, "unit_id")) &&
	    (fits(db, sql_fit_unit, site, "j", x, &n) < 0 || n == 0))
		form_error(errors, "unit_id", N_("Select a wing or place at the "
		    "site you chose"));
	topics = json_array();
	if (json_is_array(json_object_get(v, "topic_ids")))
		json_array_extend(topics, json_object_get(v, "topic_ids"));
	if (fits(db, sql_fit_topics, site, "t", topics, &n) < 0 || n > 0)
		form_error(errors, "topic_ids", N_("Select topics used at the site "
		    "you chose"));
	json_decref(topics);
	if (json_object_get(v, "author_id") != NULL &&
	    (fits(db, sql_fit_author, site, "j", json_object_get(v,
	    "author_id"), &n) < 0 || n == 0))
		form_error(errors, "author_id", N_("Select the rep at the site you "
		    "chose whose sheet it is"));
	if (json_is_integer(x = json_object_get(v, "service_id")) &&
	    (fits(db, sql_fit_service, site, "j", x, &n) < 0 || n == 0))
		form_error(errors, "service_id", N_("Select a service that serves "
		    "the site you chose"));
	if (json_string_value(json_object_get(v, "followup_action")) != NULL &&
	    json_is_integer(x = json_object_get(v, "followup_owner")) &&
	    (fits(db, sql_fit_owner, site, "j", x, &n) < 0 || n == 0))
		form_error(errors, "followup_owner", N_("Select someone who works "
		    "at the site you chose"));
	return 0;
}

int
conversation_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

#define V(name)	json_object_get(v, name)

int
conversation_add(struct db *db, int64_t author, int64_t entered_by,
    json_t *v, int from_paper, int64_t *id)
{
	json_t	*topics, *t;
	size_t	 i;
	int	 rc;

	rc = db_exec(db, sql_insert, "jjijjjjjjjjddi", V("site_id"),
	    V("unit_id"), author, V("occurred_on"), V("occurred_time"),
	    V("channel"), V("raised"), V("consent"), V("outcome"),
	    V("escalated_to"), V("service_id"), json_is_true(V("on_behalf")),
	    from_paper, entered_by);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	topics = V("topic_ids");
	json_array_foreach(topics, i, t)
		if ((rc = db_exec(db, sql_topic_link, "ij", *id, t)) != DB_OK)
			return rc;
	if (json_string_value(V("followup_action")) != NULL &&
	    (rc = followup_add(db, entered_by, json_integer_value(V("site_id")),
	    *id, json_string_value(V("followup_action")),
	    json_integer_value(V("followup_owner")),
	    json_string_value(V("followup_due")))) != DB_OK)
		return rc;
	return audit_append(db, entered_by, "conversation.create", "conversation",
	    *id, json_string_value(V("outcome")));
}

int
conversation_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

static int
filter_id(const json_t *filters, const char *key)
{
	return (int)json_integer_value(json_object_get(filters, key));
}

static const char *
filter_text(const json_t *filters, const char *key)
{
	return json_string_value(json_object_get(filters, key));
}

json_t *
conversation_list(struct db *db, int64_t me, const struct scope_filter *f,
    const json_t *filters, const struct paging *pg)
{
	return db_rows(db, sql_list, "idtttiiittttitd", me, f->all,
	    f->site_ids, f->group_ids, filter_text(filters, "fts"),
	    (int64_t)filter_id(filters, "site"),
	    (int64_t)filter_id(filters, "place"),
	    (int64_t)filter_id(filters, "topic"), filter_text(filters, "from"),
	    filter_text(filters, "to"), filter_text(filters, "outcome"),
	    filter_text(filters, "grouped"), paging_seek_id(pg, 1),
	    paging_seek_key(pg, 1), paging_limit(pg));
}

json_t *
conversation_ungrouped(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_ungrouped, "id", site_id, UNGROUPED_LOGS_MAX);
}

json_t *
topic_options(struct db *db, const struct scope_filter *f,
    const struct catalogue *words)
{
	json_t	*o = db_rows_shared(db, sql_topic_options, f->all, f->site_ids);

	topics_in_words_order(o, words);
	return o;
}

json_t *
service_options(struct db *db, const struct scope_filter *f)
{
	return db_rows_shared(db, sql_service_options, f->all, f->site_ids);
}

json_t *
account_options(struct db *db, const struct scope_filter *f)
{
	return db_rows_shared(db, sql_account_options, f->all, f->site_ids);
}

json_t *
rep_options(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_rep_options, "dt", f->all, f->site_ids);
}

json_t *
account_options_at(struct db *db, int64_t site_id)
{
	struct scope_filter	 f = { 0, NULL, NULL };
	char			 site[32];

	snprintf(site, sizeof(site), "[%lld]", (long long)site_id);
	f.site_ids = site;
	return account_options(db, &f);
}

json_t *
unit_options_at(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_units_at, "i", site_id);
}

int64_t
last_unit_used(struct db *db, int64_t author_id)
{
	int64_t	 unit = 0;

	(void)db_int(db, &unit, sql_last_unit, "i", author_id);
	return unit;
}
