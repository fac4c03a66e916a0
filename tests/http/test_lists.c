/*
 * Every list is bounded: the database is filled with bench/'s generator
 * (tens of thousands of logs, issues and proposals, thousands of people;
 * a few seconds), then every GET route of the table is walked as an
 * organisation admin, as HTML and as JSON, with each {id} the heaviest
 * record of its kind.  No response may be a 5xx or larger than
 * PAGE_BYTES_MAX (a document: DOCUMENT_BYTES_MAX), and every list that
 * has more rows than a page offers a working `next` cursor.  The hot
 * lists (logs, people, issues, proposals, as HTML and JSON, first and
 * next pages, and pages deep in them) walk no table or index in full:
 * the server logs any statement that reads more than HOT_SCAN_ROWS rows,
 * and none may appear while they are served.  Timings
 * are bench/'s business (bench/run.sh, "route walk"), not this test's.
 */
#include <jansson.h>
#include <unistd.h>

#include "http_test.h"
#include "auth/roles.h"
#include "limits.h"
#include "server/router.h"
#include "http/route_walk.h"

#define PASSWORD	"list-walk-password"
#define GEN		"build/bench-gen"
/* sites, people, conversations, proposals: national numbers of sites,
 * groups and people, a tenth of the logs; about ten seconds. */
#define GEN_ARGS	"100 10000 100000 20000"
/* A walk longer than this on a hot list is a failure: the smallest
 * big table here (people) has 10,000 rows. */
#define HOT_SCAN_ROWS	"2000"

/* The heaviest record of each kind, walked instead of the fixture's. */
static const struct { const char *prefix, *sql; } heaviest[] = {
	{ "/sites/", "SELECT site_id FROM conversations GROUP BY site_id "
	    "ORDER BY count(*) DESC LIMIT 1" },
	{ "/groups/", "SELECT group_id FROM proposals GROUP BY group_id "
	    "ORDER BY count(*) DESC LIMIT 1" },
	{ "/issues/", "SELECT issue_id FROM conversations WHERE issue_id IS "
	    "NOT NULL GROUP BY issue_id ORDER BY count(*) DESC LIMIT 1" },
	{ "/proposals/", "SELECT proposal_id FROM actions GROUP BY "
	    "proposal_id ORDER BY count(*) DESC LIMIT 1" },
};

/* On PostgreSQL: the file generated with SQLite's tools, then copied. */
static struct server file;

/* Fills the SQLite file db with the generated organisation.  0 or -1. */
static int
generate(const char *db)
{
	char	 cmd[1024];

	snprintf(cmd, sizeof(cmd), GEN " %s " GEN_ARGS " >/dev/null", db);
	if (system(cmd) != 0)
		return -1;
	/* bench-gen makes no expense claims: 300 by a recursive CTE. */
	snprintf(cmd, sizeof(cmd), "sqlite3 %s \"INSERT INTO expense_claims "
	    "(claimant_id, group_id, kind, description, amount_pence, "
	    "incurred_on, created_on) WITH RECURSIVE n(i) AS (SELECT 1 UNION "
	    "ALL SELECT i + 1 FROM n WHERE i < 300) SELECT (SELECT min(id) "
	    "FROM accounts), (SELECT min(id) FROM groups WHERE site_id = 1), "
	    "'travel', 'Bus fare ' || i, 250, '2025-01-01', '2025-01-02' "
	    "FROM n\"", db);
	if (system(cmd) != 0)
		return -1;
	/* Nor personal plans: a wish and a referral for someone at site 1
	 * and at site 3, for the walk's ids. */
	snprintf(cmd, sizeof(cmd), "sqlite3 %s \"WITH s(site) AS (VALUES (1), "
	    "(3)) INSERT INTO wishes (person_id, about, text, responder_id, "
	    "asked_on, due_on, added_by) SELECT (SELECT min(id) FROM people "
	    "WHERE site_id = site), 'care', 'A walk wish', (SELECT min(id) "
	    "FROM accounts), '2025-01-01', '2025-01-29', (SELECT min(id) FROM "
	    "accounts) FROM s; WITH s(site) AS (VALUES (1), (3)) INSERT INTO "
	    "referrals (person_id, need, service_id, procedure, made_on, "
	    "made_by) SELECT (SELECT min(id) FROM people WHERE site_id = "
	    "site), 'housing', (SELECT min(id) FROM services), '', "
	    "'2025-01-01', (SELECT min(id) FROM accounts) FROM s\"", db);
	return system(cmd) == 0 ? 0 : -1;
}

/* The generated file onto the suite's PostgreSQL: roundtable copy, with
 * the file's audit key beside it as a lone server keeps it.  0 or -1. */
static int
generate_on_pg(void)
{
	char	 cmd[1024];

	if (server_prepare_file(&file) == -1 || generate(file.db) == -1 ||
	    server_empty_pg(&srv) == -1)
		return -1;
	snprintf(cmd, sizeof(cmd), "cp -p %s/audit.key %s.audit-key",
	    file.dir, file.db);
	if (system(cmd) != 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "copy --from %s", file.db);
	return roundtable_cli(&srv, cmd, NULL, NULL) == 0 ? 0 : -1;
}

static int
setup(void **state)
{
	size_t	 i;

	(void)state;
	if (suite_on_pg() ? generate_on_pg() == -1 :
	    server_prepare(&srv, NULL) == -1 || generate(srv.db) == -1)
		return -1;
	snprintf(srv.log, sizeof(srv.log), "%s/server.log", srv.dir);
	setenv("RT_SCAN_WARN_ROWS", HOT_SCAN_ROWS, 1);
	if (roundtable_cli(&srv, "user add lists.orgadmin --role admin "
	    "--password-stdin", PASSWORD "\n", NULL) != 0)
		return -1;
	if (route_walk_resolve(&srv) == -1)
		return -1;
	for (i = 0; i < sizeof(heaviest) / sizeof(heaviest[0]); i++)
		if (route_walk_prefer(heaviest[i].prefix,
		    db_scalar(&srv, heaviest[i].sql)) == -1)
			return -1;
	return server_launch(&srv);
}

static int
teardown(void **state)
{
	int	 rc = server_stop(&file);

	return server_teardown(state) == 0 && rc == 0 ? 0 : -1;
}

/* Form choices (a select's options) are held to FORM_CHOICES_MAX, not
 * to a page of rows. */
static int
is_choices(const char *key)
{
	static const char *const keys[] = { "options", "places", "sites",
	    "topics", "outcomes_choices" };
	size_t	 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

/* The longest array of rows anywhere in a JSON value, and its key in
 * where; form choices over FORM_CHOICES_MAX count as too many rows. */
static size_t
longest_array(json_t *v, const char *key, const char **where)
{
	const char	*k;
	json_t		*x;
	size_t		 i, n = 0, m;

	if (json_is_array(v) && is_choices(key)) {
		*where = key;
		return json_array_size(v) > FORM_CHOICES_MAX ?
		    json_array_size(v) : 0;
	}
	if (json_is_array(v)) {
		n = json_array_size(v);
		*where = key;
		json_array_foreach(v, i, x) {
			const char *w = NULL;

			if ((m = longest_array(x, key, &w)) > n) {
				n = m;
				*where = w;
			}
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x) {
			const char *w = NULL;

			if ((m = longest_array(x, k, &w)) > n) {
				n = m;
				*where = w;
			}
		}
	}
	return n;
}

static int
is_document(const char *path)
{
	const char	*dot = strrchr(path, '.');

	return dot != NULL && (strncmp(dot, ".pdf", 4) == 0 ||
	    strncmp(dot, ".csv", 4) == 0 || strncmp(dot, ".xlsx", 5) == 0);
}

/* GETs path and checks the status and size; returns the reply's body
 * size. */
static size_t
bounded(struct client *c, const char *path, int *failures)
{
	struct reply	 r;
	long		 status = http_get(c, path, &r);
	size_t		 ceiling = is_document(path) ? DOCUMENT_BYTES_MAX :
	    PAGE_BYTES_MAX, len = r.len;

	if (getenv("LISTS_SIZES") != NULL)
		print_message("%8zu %ld %s%s\n", r.len, status, path,
		    c->json ? " (JSON)" : "");
	if (status < 0 || status >= 500 || r.len > ceiling) {
		print_error("GET %s%s: %ld, %zu bytes (ceiling %zu)\n", path,
		    c->json ? " (JSON)" : "", status, r.len, ceiling);
		(*failures)++;
	}
	if (c->json && status == 200 && strstr(r.content_type, "json")) {
		json_t		*view = json_loads(r.body, 0, NULL);
		const char	*where = "?";
		size_t		 rows = longest_array(view, "", &where);

		if (view == NULL || rows > LIST_ROWS_MAX) {
			print_error("GET %s (JSON): %zu rows in \"%s\" "
			    "(ceiling %d)\n", path, rows, where,
			    LIST_ROWS_MAX);
			(*failures)++;
		}
		json_decref(view);
	}
	reply_free(&r);
	return len;
}

static void
every_get_route_is_bounded(void **state)
{
	const struct route *rt;
	struct client	 c;
	char		 path[256];
	size_t		 i, visits = 0;
	int		 failures = 0;

	(void)state;
	assert_int_equal(client_as(&c, &srv, "lists.orgadmin", PASSWORD), 0);
	for (i = 0; i < routes_count; i++) {
		rt = &routes[i];
		if (rt->method != HTTP_GET)
			continue;
		assert_int_equal(route_walk_path(rt, 1, path, sizeof(path)), 0);
		c.json = 0;
		bounded(&c, path, &failures);
		if (!is_document(path)) {
			c.json = 1;
			bounded(&c, path, &failures);
		}
		visits++;
	}
	client_free(&c);
	print_message("walked %zu GET routes\n", visits);
	assert_true(visits > 100);
	assert_int_equal(failures, 0);
}

/* GETs path as JSON and returns the view (the caller frees it). */
static json_t *
view_of(struct client *c, const char *path)
{
	struct reply	 r;
	json_t		*v = NULL;

	c->json = 1;
	if (http_get(c, path, &r) == 200)
		v = json_loads(r.body, 0, NULL);
	else
		print_error("GET %s: %ld\n", path, r.status);
	reply_free(&r);
	assert_non_null(v);
	return v;
}

/* Follows `next` through pages of a list: every page is full but the
 * last, no row comes twice, rows keep their order across pages (keyed
 * by order_key, compared as text, then id), and the HTML page links to
 * the same next page. */
static void
walk_pages(struct client *c, const char *list, const char *rows_key,
    const char *paging_key, const char *order_key, int descending, int pages)
{
	char		 path[512], prev_key[128] = "";
	long long	 prev_id = 0;
	json_t		*v, *rows, *row;
	const char	*next;
	struct reply	 r;
	size_t		 i;
	int		 p, cmp;

	snprintf(path, sizeof(path), "%s", list);
	for (p = 0; p < pages; p++) {
		v = view_of(c, path);
		rows = json_object_get(v, rows_key);
		assert_int_equal(json_array_size(rows), 25);
		json_array_foreach(rows, i, row) {
			long long	 id = json_integer_value(
			    json_object_get(row, "id"));
			const char	*k = order_key ? json_string_value(
			    json_object_get(row, order_key)) : "";

			assert_non_null(k);
			cmp = strcmp(k, prev_key);
			if (prev_id != 0) {
				if (descending)
					assert_true(cmp < 0 || (cmp == 0 &&
					    id < prev_id));
				else
					assert_true(cmp > 0 || (cmp == 0 &&
					    id > prev_id));
			}
			prev_id = id;
			snprintf(prev_key, sizeof(prev_key), "%s", k);
		}
		next = json_string_value(json_object_get(json_object_get(v,
		    paging_key), "next"));
		if (next == NULL)
			print_error("%s: no next page\n", path);
		assert_non_null(next);
		/* The HTML view offers the same page, without script. */
		c->json = 0;
		assert_int_equal(http_get(c, path, &r), 200);
		assert_contains(r.body, "rel=\"next\"");
		assert_contains(r.body, strchr(next, '~') ? "after=" : next);
		if (p > 0)
			assert_contains(r.body, "rel=\"first\"");
		reply_free(&r);
		snprintf(path, sizeof(path), "%s%cafter=%s", list,
		    strchr(list, '?') ? '&' : '?', next);
		/* A key may hold spaces or colons: encode what a URL needs. */
		for (i = 0; path[i]; i++)
			if (path[i] == ' ')
				path[i] = '+';
		json_decref(v);
	}
}

static void
long_lists_page_by_cursor(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*v, *row;
	size_t		 i;

	(void)state;
	assert_int_equal(client_as(&c, &srv, "lists.orgadmin", PASSWORD), 0);
	walk_pages(&c, "/issues", "issues", "paging", NULL, 1, 4);
	walk_pages(&c, "/proposals", "proposals", "paging", NULL, 1, 4);
	walk_pages(&c, "/followups/all", "followups", "paging", "due_on", 0, 3);
	walk_pages(&c, "/supervision/overdue", "people", "paging", "due_on", 0,
	    3);
	walk_pages(&c, "/overdue?list=actions", "actions", "actions_paging",
	    "due_on", 0, 3);
	walk_pages(&c, "/conversations?outcome=resolved", "logs", "paging",
	    "occurred_at", 1, 3);
	walk_pages(&c, "/expenses?list=claims", "claims", "claims_paging",
	    NULL, 1, 3);
	walk_pages(&c, "/groups", "groups", "paging", "sort_key", 0, 3);
	walk_pages(&c, "/people", "people", "paging", "display_name", 0, 3);
	/* A filter narrows the list, and paging keeps the filter. */
	v = view_of(&c, "/proposals?state=done");
	assert_true(json_array_size(json_object_get(v, "proposals")) > 0);
	json_array_foreach(json_object_get(v, "proposals"), i, row)
		assert_string_equal(json_string_value(json_object_get(row,
		    "state")), "done");
	assert_non_null(strstr(json_string_value(json_object_get(
	    json_object_get(v, "paging"), "next_href")), "state=done"));
	json_decref(v);
	/* A cursor this server did not make is refused, naming the field. */
	c.json = 0;
	assert_int_equal(http_get(&c, "/issues?after=x1", &r), 400);
	assert_contains(r.body, "after");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/issues?after=-5", &r), 400);
	reply_free(&r);
	client_free(&c);
}

/* The server's log since it was last emptied; emptied again. */
static char *
log_take(void)
{
	FILE	*f;
	char	*text;
	long	 n;

	if ((f = fopen(srv.log, "r+")) == NULL)
		return strdup("");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	if (text != NULL && n > 0 && fread(text, 1, (size_t)n, f) != (size_t)n)
		text[0] = '\0';
	fclose(f);
	if (truncate(srv.log, 0) == -1)
		text[0] = '\0';
	return text;
}

/*
 * PostgreSQL has no step counter to log from, but it counts the rows
 * each table's sequential scans read and the entries each index scan
 * returns, and a server's connections hand their counts over when they
 * close: so the server is restarted, then the rows read from the tables
 * larger than HOT_SCAN_ROWS are summed, by either way.  That is stricter
 * than SQLite's counter: a walk along a whole index counts too.
 */
#define PG_BIG "n_live_tup > " HOT_SCAN_ROWS
static long long
pg_scanned_rows(void)
{
	assert_int_equal(server_halt(&srv), 0);
	assert_int_equal(server_launch(&srv), 0);
	return db_scalar(&srv, "SELECT (SELECT coalesce(sum(seq_tup_read), 0) "
	    "FROM pg_stat_user_tables WHERE " PG_BIG ") + (SELECT "
	    "coalesce(sum(i.idx_tup_read), 0) FROM pg_stat_user_indexes i "
	    "JOIN pg_stat_user_tables t ON t.relid = i.relid WHERE t." PG_BIG
	    ")");
}

/* Whether serving has walked a big table in full since the last call:
 * the server's log on SQLite, PostgreSQL's counts there.  Prints what
 * it found under the name what; with what NULL, only starts counting. */
static int
walked_in_full(const char *what)
{
	static long long	 seen;
	long long		 now;
	char			*log;
	int			 full;

	if (server_on_pg(&srv)) {
		now = pg_scanned_rows();
		full = what != NULL && now - seen > atoll(HOT_SCAN_ROWS);
		if (full) {
			log = db_text(&srv, "SELECT string_agg(relname || "
			    "' ' || seq_tup_read || ' ' || coalesce(idx_tup_fetch, "
			    "0), ', ') FROM pg_stat_user_tables WHERE " PG_BIG);
			print_message("%s: %lld rows read by full scans "
			    "(%s)\n", what, now - seen, log);
			free(log);
		}
		seen = now;
		return full;
	}
	log = log_take();
	if ((full = what != NULL && strstr(log, "database: walked") != NULL))
		print_message("%s:\n%s\n", what, log);
	free(log);
	return full;
}

/* Cursors deep in the hot lists: the row a few thousand in, as its
 * list's "Next page" link would carry it. */
static const struct { const char *path, *sql; } deep[] = {
	{ "/people", "SELECT id || '~' || display_name FROM people WHERE "
	    "left_on IS NULL ORDER BY display_name, id LIMIT 1 OFFSET 5000" },
	{ "/conversations", "SELECT id || '~' || occurred_at FROM "
	    "conversations ORDER BY occurred_at DESC, id DESC LIMIT 1 "
	    "OFFSET 50000" },
	{ "/issues", "SELECT CAST(id AS TEXT) FROM issues ORDER BY id DESC "
	    "LIMIT 1 OFFSET 5000" },
	{ "/proposals", "SELECT CAST(id AS TEXT) FROM proposals ORDER BY id "
	    "DESC LIMIT 1 OFFSET 10000" },
};

static void
hot_lists_walk_no_table_in_full(void **state)
{
	static const char *const paths[] = { "/conversations", "/people",
	    "/issues", "/proposals", "/conversations?outcome=resolved",
	    "/people?status=in_custody", "/proposals?state=done" };
	struct client	 c;
	struct reply	 r;
	const char	*next;
	char		 path[512];
	json_t		*v;
	size_t		 i;
	int		 json;

	(void)state;
	assert_int_equal(client_as(&c, &srv, "lists.orgadmin", PASSWORD), 0);
	walked_in_full(NULL);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		for (json = 0; json < 2; json++) {
			c.json = json;
			assert_int_equal(http_get(&c, paths[i], &r), 200);
			reply_free(&r);
			/* And the next page, by its cursor. */
			c.json = 1;
			v = view_of(&c, paths[i]);
			next = json_string_value(json_object_get(
			    json_object_get(v, "paging"), "next_href"));
			if (next != NULL) {
				snprintf(path, sizeof(path), "%s", next);
				c.json = json;
				assert_int_equal(http_get(&c, path, &r), 200);
				reply_free(&r);
			}
			json_decref(v);
			assert_false(walked_in_full(paths[i]));
		}
	/* A page deep in a long list seeks to its cursor: none reads the
	 * rows before it (an "?N = 0 OR" before the cursor's comparison
	 * made SQLite walk its index from the top). */
	for (i = 0; i < sizeof(deep) / sizeof(deep[0]); i++) {
		char	*cursor = db_text(&srv, deep[i].sql), *enc;

		assert_non_null(cursor);
		walked_in_full(NULL);	/* finding the cursor walks: not served */
		enc = url_encode(cursor);
		snprintf(path, sizeof(path), "%s?after=%s", deep[i].path, enc);
		c.json = 0;
		assert_int_equal(http_get(&c, path, &r), 200);
		reply_free(&r);
		assert_false(walked_in_full(path));
		free(enc);
		free(cursor);
	}
	/* The check is heard: a search by part of a name must read every
	 * person's name. */
	c.json = 0;
	assert_int_equal(http_get(&c, "/people?q=zzqx", &r), 200);
	reply_free(&r);
	assert_true(walked_in_full("/people?q=zzqx"));
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_get_route_is_bounded),
		cmocka_unit_test(long_lists_page_by_cursor),
		cmocka_unit_test(hot_lists_walk_no_table_in_full),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
