/*
 * The tables the exchange carries.  A hub owns what the organisation
 * decides or keeps for a site (its places, groups, accounts and grants,
 * topics, the directory, surveys, the course catalogue, decision makers'
 * answers); the station, the survey responses it collects, its arrivals,
 * and its people register with what is recorded about them there
 * (memberships, attendance, training, supervision); the forum's records
 * (conversations, issues, proposals, meetings, elections' results) are
 * shared, the station's version standing, and so are expense claims and
 * actions, the hub's standing.  Each side sends what it owns and
 * what is shared, and accepts from the other only those, and only rows
 * of the sites the pair shares.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exchange_tables.h"

/* The sites a peer shares, in every scope below. */
#define SHARED	"(SELECT site_id FROM main.exchange_peer_sites WHERE origin = ?1)"
#define SHARED_GROUPS	"(SELECT id FROM main.groups WHERE site_id IN " SHARED ")"

/* Rows of the forum's records at the shared sites, and what they name:
 * a record travels with the accounts, groups and services it refers to,
 * or the other side could not hold it. */
#define SHARED_LOGS	"(SELECT id FROM main.conversations WHERE site_id IN " \
	SHARED ")"
#define SHARED_PROPOSALS "(SELECT id FROM main.proposals WHERE group_id IN " \
	SHARED_GROUPS ")"
#define SHARED_MEETINGS	"(SELECT id FROM main.meetings WHERE group_id IN " \
	SHARED_GROUPS ")"
/* The actions set on the shared proposals, and the shared meetings' own
 * action points. */
#define SHARED_ACTIONS	"(SELECT id FROM main.actions WHERE proposal_id IN " \
	SHARED_PROPOSALS " OR proposal_id IS NULL AND meeting_id IN " \
	SHARED_MEETINGS ")"
/* Surveys run at the shared sites, and the organisation's own, run at
 * every site; and the responses collected at the shared sites. */
#define SHARED_SURVEYS	"(SELECT id FROM main.surveys WHERE site_id IS NULL " \
	"OR site_id IN " SHARED ")"
#define SHARED_RESPONSES "(SELECT id FROM main.survey_responses WHERE " \
	"site_id IN " SHARED ")"
#define SHARED_ARRIVALS	"(SELECT id FROM main.arrivals WHERE group_id IN " \
	SHARED_GROUPS ")"
/* The people registered at the shared sites: what is recorded about one
 * of them travels with them. */
#define SHARED_PEOPLE	"(SELECT id FROM main.people WHERE site_id IN " \
	SHARED ")"
/* Only an election's published result travels, never while it runs. */
#define PUBLISHED	"group_id IN " SHARED_GROUPS " AND state = 'published'"
#define GRANTED	"(SELECT account_id FROM main.grants WHERE site_id IN " \
	SHARED " OR group_id IN " SHARED_GROUPS ")"
#define NAMED_ACCOUNTS	"(SELECT author_id FROM main.conversations WHERE " \
	"site_id IN " SHARED " UNION SELECT entered_by FROM main.conversations " \
	"WHERE site_id IN " SHARED " UNION SELECT created_by FROM main.issues " \
	"WHERE site_id IN " SHARED " UNION SELECT created_by FROM " \
	"main.proposals WHERE id IN " SHARED_PROPOSALS " UNION SELECT " \
	"decision_maker_id FROM main.proposals WHERE id IN " SHARED_PROPOSALS \
	" UNION SELECT author_id FROM main.proposal_comments WHERE " \
	"proposal_id IN " SHARED_PROPOSALS " UNION SELECT actor_id FROM " \
	"main.proposal_events WHERE proposal_id IN " SHARED_PROPOSALS \
	" UNION SELECT responder_id FROM main.responses WHERE proposal_id IN " \
	SHARED_PROPOSALS " UNION SELECT referred_to FROM main.responses WHERE " \
	"proposal_id IN " SHARED_PROPOSALS " UNION SELECT owner_id FROM " \
	"main.actions WHERE id IN " SHARED_ACTIONS " UNION SELECT author_id " \
	"FROM main.action_updates WHERE action_id IN " SHARED_ACTIONS \
	" UNION SELECT created_by FROM main.meetings WHERE id IN " \
	SHARED_MEETINGS " UNION SELECT invited_id FROM main.meetings WHERE " \
	"id IN " SHARED_MEETINGS " UNION SELECT uploaded_by FROM main.papers " \
	"WHERE meeting_id IN " SHARED_MEETINGS " UNION SELECT created_by " \
	"FROM main.meeting_decisions WHERE meeting_id IN " SHARED_MEETINGS \
	" UNION SELECT created_by FROM main.surveys WHERE id IN " \
	SHARED_SURVEYS " UNION SELECT interviewer_id FROM " \
	"main.survey_responses WHERE id IN " SHARED_RESPONSES " UNION SELECT " \
	"recorded_by FROM main.arrivals WHERE id IN " SHARED_ARRIVALS \
	" UNION SELECT done_by FROM main.arrival_steps WHERE arrival_id IN " \
	SHARED_ARRIVALS " UNION SELECT claimant_id FROM main.expense_claims " \
	"WHERE group_id IN " SHARED_GROUPS " UNION SELECT decided_by FROM " \
	"main.expense_claims WHERE group_id IN " SHARED_GROUPS " UNION SELECT " \
	"created_by FROM main.elections WHERE " PUBLISHED " UNION SELECT " \
	"created_by FROM main.course_sessions WHERE site_id IN " SHARED \
	" UNION SELECT created_by FROM main.completions WHERE person_id IN " \
	SHARED_PEOPLE " UNION SELECT supervisor_id FROM main.supervisions " \
	"WHERE person_id IN " SHARED_PEOPLE ")"
#define NAMED_GROUPS	"(SELECT group_id FROM main.conversations WHERE " \
	"site_id IN " SHARED " UNION SELECT group_id FROM main.issues WHERE " \
	"site_id IN " SHARED " UNION SELECT group_id FROM main.surveys WHERE " \
	"id IN " SHARED_SURVEYS ")"

/*
 * The hub owns what the organisation decides or keeps for a site (and
 * the surveys it runs there); the station owns the survey responses it
 * collects and its arrivals.  The forum's records, meetings and
 * elections' results are shared: made at the station (the hub refuses
 * new logs, issues, meetings and elections for a site its station
 * holds), changed at both (an issue resolved when its action is done at
 * the hub, a proposal's state moved by the decision maker's answer), the
 * station's version standing where both changed one row.  Expense
 * claims are shared the other way: made at both, decided at the hub.
 */
const struct exchange_table exchange_tables[] = {
	{ .name = "sites", .owner = OWNER_HUB, .scope = "id IN " SHARED },
	{ .name = "units", .owner = OWNER_HUB, .scope = "site_id IN " SHARED },
	{ .name = "groups", .owner = OWNER_HUB,
	    .scope = "site_id IN " SHARED " OR id IN " NAMED_GROUPS },
	/* Accounts with a grant at a shared site or group: reps sign in at
	 * the station with the password the hub knows.  Accounts that are
	 * only named by a record travel without a password (no one signs
	 * in as them there), and who anyone is in the people register
	 * stays at the hub. */
	{ .name = "accounts", .owner = OWNER_HUB,
	    .scope = "id IN " GRANTED " OR id IN " NAMED_ACCOUNTS,
	    .blank = { { "person_id", "NULL" }, { "password_hash", "CASE WHEN "
	    "id IN " GRANTED " THEN password_hash ELSE '!' END" } },
	    .secret = "password_hash" },
	{ .name = "grants", .owner = OWNER_HUB,
	    .scope = "site_id IN " SHARED " OR group_id IN " SHARED_GROUPS },
	{ .name = "topics", .owner = OWNER_HUB,
	    .scope = "site_id IS NULL OR site_id IN " SHARED },
	{ .name = "services", .owner = OWNER_HUB,
	    .scope = "id IN (SELECT service_id FROM main.service_sites WHERE "
	    "site_id IN " SHARED ") OR id IN (SELECT service_id FROM "
	    "main.conversations WHERE site_id IN " SHARED ")" },
	{ .name = "service_sites", .owner = OWNER_HUB,
	    .scope = "site_id IN " SHARED },
	/* The people registered at a station's site are the wing's: it
	 * registers them, and the hub reads them (its coordinators may
	 * read the register anyway, and the bundle is encrypted to it).
	 * Their pseudonymous unique reference is who they are at both
	 * places; restrictions stay coordinators-only by the same SQL. */
	{ .name = "people", .owner = OWNER_STATION,
	    .scope = "site_id IN " SHARED },
	/* Who is in the wing's forums: joined on the wing (or elected
	 * there), so the station's, with the people they name. */
	{ .name = "memberships", .owner = OWNER_STATION,
	    .scope = "group_id IN " SHARED_GROUPS " AND person_id IN "
	    SHARED_PEOPLE },
	{ .name = "issues", .owner = OWNER_STATION, .shared = 1,
	    .scope = "site_id IN " SHARED },
	{ .name = "conversations", .owner = OWNER_STATION, .shared = 1,
	    .scope = "site_id IN " SHARED },
	{ .name = "conversation_topics", .owner = OWNER_STATION, .shared = 1,
	    .scope = "conversation_id IN " SHARED_LOGS },
	{ .name = "proposals", .owner = OWNER_STATION, .shared = 1,
	    .scope = "group_id IN " SHARED_GROUPS },
	{ .name = "proposal_options", .owner = OWNER_STATION, .shared = 1,
	    .scope = "proposal_id IN " SHARED_PROPOSALS },
	{ .name = "proposal_issues", .owner = OWNER_STATION, .shared = 1,
	    .scope = "proposal_id IN " SHARED_PROPOSALS },
	{ .name = "proposal_comments", .owner = OWNER_STATION, .shared = 1,
	    .scope = "proposal_id IN " SHARED_PROPOSALS },
	{ .name = "proposal_events", .owner = OWNER_STATION, .shared = 1,
	    .scope = "proposal_id IN " SHARED_PROPOSALS },
	/* Meetings are held in the prison: recorded on the station (the
	 * hub refuses a new meeting, agenda item or decision for a group
	 * its station holds), shared so the organisation may add a paper
	 * or correct a record, the station's version standing.  Who
	 * chaired, proposed and seconded travels when they are people of
	 * the shared sites (the register travels: docs/exchange.md); one
	 * from elsewhere (a visiting chair) stays where they are. */
	{ .name = "meetings", .owner = OWNER_STATION, .shared = 1,
	    .scope = "group_id IN " SHARED_GROUPS,
	    .blank = { { "chair_person_id", "CASE WHEN chair_person_id IN "
	    SHARED_PEOPLE " THEN chair_person_id END" }, { "proposed_by",
	    "CASE WHEN proposed_by IN " SHARED_PEOPLE " THEN proposed_by END" },
	    { "seconded_by", "CASE WHEN seconded_by IN " SHARED_PEOPLE
	    " THEN seconded_by END" } } },
	{ .name = "agenda_items", .owner = OWNER_STATION, .shared = 1,
	    .scope = "meeting_id IN " SHARED_MEETINGS },
	/* Who came, and who sent apologies: people of the register, now
	 * known at both places; taken at the meeting, on the station. */
	{ .name = "attendance", .owner = OWNER_STATION,
	    .scope = "meeting_id IN " SHARED_MEETINGS " AND person_id IN "
	    SHARED_PEOPLE },
	{ .name = "papers", .owner = OWNER_STATION, .shared = 1,
	    .scope = "meeting_id IN " SHARED_MEETINGS },
	{ .name = "meeting_decisions", .owner = OWNER_STATION, .shared = 1,
	    .scope = "meeting_id IN " SHARED_MEETINGS },
	/* Surveys are written at the hub, questions and all, and run at
	 * the station, which keeps the responses it collects (the hub
	 * refuses one for a site its station holds).  Only the shared
	 * sites' responses travel, so an organisation-wide survey's other
	 * answers stay at the hub.  Paper copies as typed, and the themes
	 * a coordinator codes answers into, stay where they were made. */
	{ .name = "surveys", .owner = OWNER_HUB,
	    .scope = "id IN " SHARED_SURVEYS },
	{ .name = "survey_versions", .owner = OWNER_HUB,
	    .scope = "survey_id IN " SHARED_SURVEYS },
	{ .name = "survey_questions", .owner = OWNER_HUB,
	    .scope = "version_id IN (SELECT id FROM main.survey_versions WHERE "
	    "survey_id IN " SHARED_SURVEYS ")" },
	{ .name = "survey_responses", .owner = OWNER_STATION,
	    .scope = "id IN " SHARED_RESPONSES },
	{ .name = "survey_answers", .owner = OWNER_STATION,
	    .scope = "response_id IN " SHARED_RESPONSES },
	/* New arrivals are met on the wing: their pseudonymous record (a
	 * reference, never a name), the forum's standard plan for them and
	 * its steps are the station's. */
	{ .name = "arrival_plan_steps", .owner = OWNER_STATION,
	    .scope = "group_id IN " SHARED_GROUPS },
	{ .name = "arrivals", .owner = OWNER_STATION,
	    .scope = "group_id IN " SHARED_GROUPS },
	{ .name = "arrival_steps", .owner = OWNER_STATION,
	    .scope = "arrival_id IN " SHARED_ARRIVALS },
	/* The organisation's catalogue of courses is the hub's, every
	 * course for every station; a session held at the station's site,
	 * and what is recorded about one of its people (a completion, a
	 * supervision and its notes), is the station's: the training is
	 * given and the supervision held on the wing.  The notes travel to
	 * the hub, where the same SQL shows them only to the supervisor
	 * and coordinators (src/membership/supervision_store.c). */
	{ .name = "courses", .owner = OWNER_HUB, .scope = "?1 IS NOT NULL" },
	{ .name = "course_sessions", .owner = OWNER_STATION,
	    .scope = "site_id IN " SHARED },
	{ .name = "completions", .owner = OWNER_STATION,
	    .scope = "person_id IN " SHARED_PEOPLE },
	{ .name = "supervisions", .owner = OWNER_STATION,
	    .scope = "person_id IN " SHARED_PEOPLE },
	/* An election is held on the wing; its ballots, roll, proxies and
	 * candidates (people of the register) stay there, and only the
	 * published count sheet travels.  Shared, so that one the hub was
	 * running when the station was paired still reaches the wing once
	 * the hub publishes it. */
	{ .name = "elections", .owner = OWNER_STATION, .shared = 1,
	    .scope = PUBLISHED },
	/* A volunteer's claim is made where they are and decided and paid
	 * by the organisation: shared, the hub's version standing.  The
	 * meeting it was for travels when that meeting does. */
	{ .name = "expense_claims", .owner = OWNER_HUB, .shared = 1,
	    .scope = "group_id IN " SHARED_GROUPS,
	    .blank = { { "meeting_id", "CASE WHEN meeting_id IN "
	    SHARED_MEETINGS " THEN meeting_id END" } } },
	/* The decision maker's answer, and what is done about it.  Which
	 * meeting an answer was given at does not travel: often one of the
	 * organisation's own, which stays at the hub.  Actions are shared,
	 * the hub's version standing: the hub sets those on proposals (the
	 * station may not touch them), the station a meeting's own action
	 * points, which travel with their meeting and whose progress may
	 * be recorded at both places. */
	{ .name = "responses", .owner = OWNER_HUB,
	    .scope = "proposal_id IN " SHARED_PROPOSALS,
	    .blank = { { "meeting_id", "NULL" } } },
	{ .name = "actions", .owner = OWNER_HUB, .shared = 1,
	    .scope = "id IN " SHARED_ACTIONS,
	    .blank = { { "meeting_id", "CASE WHEN proposal_id IS NULL THEN "
	    "meeting_id END" } } },
	{ .name = "action_updates", .owner = OWNER_HUB, .shared = 1,
	    .scope = "action_id IN " SHARED_ACTIONS },
};
const size_t exchange_ntables = sizeof(exchange_tables) /
    sizeof(exchange_tables[0]);

int
exchange_table_travels(const struct exchange_table *t, unsigned owners)
{
	return t->shared || (owners & OWNED_BY(t->owner)) != 0;
}

const struct exchange_table *
exchange_table_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < exchange_ntables; i++)
		if (strcmp(exchange_tables[i].name, name) == 0)
			return &exchange_tables[i];
	return NULL;
}

int
exchange_prepare(sqlite3 *h, sqlite3_stmt **st, const char *fmt, ...)
{
	va_list	 ap;
	char	*sql;
	int	 rc;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sql == NULL)
		return SQLITE_NOMEM;
	rc = sqlite3_prepare_v2(h, sql, -1, st, NULL);
	sqlite3_free(sql);
	return rc;
}

/* Whether db's schema.tbl has column col (or, col NULL, exists): 1, 0,
 * or -1. */
static int
schema_has(sqlite3 *db, const char *schema, const char *tbl, const char *col)
{
	sqlite3_stmt	*st;
	int		 rc, found = 0;

	rc = col == NULL ? exchange_prepare(db, &st, "SELECT 1 FROM "
	    "%w.sqlite_schema WHERE type = 'table' AND name = %Q", schema,
	    tbl) : exchange_prepare(db, &st, "SELECT 1 FROM "
	    "pragma_table_info(%Q, %Q) WHERE name = %Q", tbl, schema, col);
	if (rc != SQLITE_OK)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		found = 1;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

/* to's schema.name made from from's main.name: its columns and primary
 * key, the shape the session extension compares, and no constraint that
 * would refuse a row main holds.  A column main has gained since is
 * added. */
static int
table_copy_schema(sqlite3 *from, sqlite3 *to, const char *schema,
    const char *name)
{
	sqlite3_stmt	*st;
	char		*cols = NULL, *pk = NULL, *sql;
	const char	*col, *type;
	int		 rc, exists;

	if ((exists = schema_has(to, schema, name, NULL)) == -1)
		return SQLITE_ERROR;
	if ((rc = exchange_prepare(from, &st, "SELECT name, type, pk FROM "
	    "pragma_table_info(%Q, 'main') ORDER BY cid", name)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		col = (const char *)sqlite3_column_text(st, 0);
		type = (const char *)sqlite3_column_text(st, 1);
		if (exists) {
			if (schema_has(to, schema, name, col) != 0)
				continue;
			sql = sqlite3_mprintf("ALTER TABLE %w.%w ADD COLUMN "
			    "%w %s", schema, name, col, type);
			rc = sql ? sqlite3_exec(to, sql, NULL, NULL, NULL) :
			    SQLITE_NOMEM;
			sqlite3_free(sql);
			if (rc != SQLITE_OK)
				break;
			continue;
		}
		cols = sqlite3_mprintf("%z%s%w %s", cols, cols ? ", " : "", col,
		    type);
		if (sqlite3_column_int(st, 2) > 0)
			pk = sqlite3_mprintf("%z%s%w", pk, pk ? ", " : "", col);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && !exists) {
		sql = cols && pk ? sqlite3_mprintf("CREATE TABLE %w.%w (%s, "
		    "PRIMARY KEY (%s))", schema, name, cols, pk) : NULL;
		rc = sql ? sqlite3_exec(to, sql, NULL, NULL, NULL) :
		    SQLITE_ERROR;
		sqlite3_free(sql);
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_free(cols);
	sqlite3_free(pk);
	return rc;
}

int
exchange_schema(sqlite3 *from, sqlite3 *to, const char *schema,
    unsigned owners)
{
	size_t	 i;
	int	 rc;

	for (i = 0; i < exchange_ntables; i++)
		if (exchange_table_travels(&exchange_tables[i], owners) &&
		    (rc = table_copy_schema(from, to, schema,
		    exchange_tables[i].name)) != SQLITE_OK)
			return rc;
	return SQLITE_OK;
}

/* "a, b, (expr) AS c": t's columns as they travel (blanked ones by
 * their expression), sqlite3_malloc'd; NULL on error. */
static char *
travelling_columns(sqlite3 *from, const struct exchange_table *t)
{
	sqlite3_stmt	*st;
	char		*list = NULL;
	const char	*col;
	int		 i;

	if (exchange_prepare(from, &st, "SELECT name FROM pragma_table_info("
	    "%Q, 'main') ORDER BY cid", t->name) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		col = (const char *)sqlite3_column_text(st, 0);
		for (i = 0; i < EXCHANGE_BLANKS_MAX; i++)
			if (t->blank[i].column != NULL &&
			    strcmp(col, t->blank[i].column) == 0)
				break;
		if (i < EXCHANGE_BLANKS_MAX)
			list = sqlite3_mprintf("%z%s(%s) AS %w", list,
			    list ? ", " : "", t->blank[i].as, col);
		else
			list = sqlite3_mprintf("%z%s%w", list,
			    list ? ", " : "", col);
	}
	sqlite3_finalize(st);
	return list;
}

/* Copies t's rows that peer shares from from's main into to's main. */
static int
table_copy_rows(sqlite3 *from, sqlite3 *to, const struct exchange_table *t,
    int peer)
{
	sqlite3_stmt	*rd = NULL, *wr = NULL;
	char		*cols, *marks = NULL;
	int		 i, n, rc;

	if ((cols = travelling_columns(from, t)) == NULL)
		return SQLITE_NOMEM;
	rc = exchange_prepare(from, &rd, "SELECT %s FROM main.%w WHERE %s",
	    cols, t->name, t->scope);
	sqlite3_free(cols);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(rd, 1, peer);
	n = sqlite3_column_count(rd);
	for (i = 0; i < n; i++)
		marks = sqlite3_mprintf("%z%s?", marks, i ? ", " : "");
	rc = exchange_prepare(to, &wr, "INSERT INTO main.%w VALUES (%s)",
	    t->name, marks);
	sqlite3_free(marks);
	while (rc == SQLITE_OK && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			sqlite3_bind_value(wr, i + 1, sqlite3_column_value(rd,
			    i));
		rc = sqlite3_step(wr) == SQLITE_DONE ? SQLITE_OK :
		    SQLITE_ERROR;
		sqlite3_reset(wr);
	}
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
exchange_scoped(sqlite3 *from, sqlite3 *to, unsigned owners, int peer)
{
	size_t	 i;
	int	 rc;

	for (i = 0; i < exchange_ntables; i++)
		if (exchange_table_travels(&exchange_tables[i], owners) &&
		    (rc = table_copy_rows(from, to, &exchange_tables[i],
		    peer)) != SQLITE_OK)
			return rc;
	return SQLITE_OK;
}

char *
exchange_pk_match(sqlite3 *h, const char *tbl, const unsigned char *pkflags,
    int ncols)
{
	sqlite3_stmt	*names;
	char		*match = NULL, *sql;
	int		 i;

	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q, 'main') "
	    "ORDER BY cid", tbl);
	if (sql == NULL || sqlite3_prepare_v2(h, sql, -1, &names, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(sql);
		return NULL;
	}
	sqlite3_free(sql);
	for (i = 0; i < ncols && sqlite3_step(names) == SQLITE_ROW; i++)
		if (pkflags[i])
			match = sqlite3_mprintf("%z AND %w IS ?%d", match,
			    (const char *)sqlite3_column_text(names, 0), i + 2);
	sqlite3_finalize(names);
	return match;
}

int
exchange_pk_bind(sqlite3_stmt *st, sqlite3_value **pk,
    const unsigned char *pkflags, int ncols)
{
	int	 i, n = 0;

	for (i = 0; i < ncols; i++)
		if (pkflags[i] && pk[i] != NULL) {
			sqlite3_bind_value(st, i + 2, pk[i]);
			n++;
		}
	return n;
}

int
exchange_touched_reset(sqlite3 *h)
{
	return sqlite3_exec(h, "CREATE TEMP TABLE IF NOT EXISTS "
	    "exchange_touched (tbl TEXT NOT NULL, k1, k2); "
	    "DELETE FROM temp.exchange_touched", NULL, NULL, NULL);
}

int
exchange_touched_add(sqlite3 *h, const struct exchange_table *t,
    sqlite3_value **key)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(h, "INSERT INTO temp.exchange_touched "
	    "(tbl, k1, k2) VALUES (?, ?, ?)", -1, &st, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	if (key[0] != NULL)
		sqlite3_bind_value(st, 2, key[0]);
	if (key[1] != NULL)
		sqlite3_bind_value(st, 3, key[1]);
	rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc;
}

/* "r.a IS x.k1 AND r.b IS x.k2": t's primary key against the noted
 * keys, in column order (sqlite3_malloc'd; NULL on error). */
static char *
touched_join(sqlite3 *h, const char *tbl)
{
	sqlite3_stmt	*st;
	char		*on = NULL;
	int		 k = 0;

	if (exchange_prepare(h, &st, "SELECT name FROM pragma_table_info(%Q, "
	    "'main') WHERE pk > 0 ORDER BY cid", tbl) != SQLITE_OK)
		return NULL;
	while (k < 2 && sqlite3_step(st) == SQLITE_ROW)
		on = sqlite3_mprintf("%z%sr.%w IS x.k%d", on, on ? " AND " : "",
		    (const char *)sqlite3_column_text(st, 0), ++k);
	sqlite3_finalize(st);
	return on;
}

int
exchange_touched_outside(sqlite3 *h, int peer, const char **tbl)
{
	const struct exchange_table	*t;
	sqlite3_stmt			*st;
	char				*on;
	size_t				 i;
	int				 rc, found = 0;

	for (i = 0; i < exchange_ntables && found == 0; i++) {
		t = &exchange_tables[i];
		if ((on = touched_join(h, t->name)) == NULL)
			return -1;
		rc = exchange_prepare(h, &st, "SELECT count(*) FROM "
		    "temp.exchange_touched x JOIN main.%w r ON %s WHERE "
		    "x.tbl = %Q AND NOT (%s)", t->name, on, t->name, t->scope);
		sqlite3_free(on);
		if (rc != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(st, 1, peer);
		if (sqlite3_step(st) != SQLITE_ROW)
			found = -1;
		else if (sqlite3_column_int64(st, 0) > 0) {
			found = 1;
			*tbl = t->name;
		}
		sqlite3_finalize(st);
	}
	return found;
}

int
exchange_place(sqlite3 *h, int *origin, enum exchange_owner *owner)
{
	sqlite3_stmt	*st;
	int		 rc = -1;

	if (sqlite3_prepare_v2(h, "SELECT origin, role FROM main.place "
	    "WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*origin = sqlite3_column_int(st, 0);
		*owner = strcmp((const char *)sqlite3_column_text(st, 1),
		    "hub") == 0 ? OWNER_HUB : OWNER_STATION;
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}
