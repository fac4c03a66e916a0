/*
 * src/db/exchange/exchange_failure.h: the engine's failures, each kind
 * in our words.  Each failure is made for real on a throw-away SQLite
 * database (a key there twice, a record missing, a rule broken, the
 * database busy or read-only, a table missing) and its code mapped.
 */
#include "unit.h"

#include "db/exchange/exchange_failure.h"

#define PART	"A part of the bundle could not be applied"

struct places {
	char	 path[UNIT_PATH_MAX];
	sqlite3	*h, *other;
};

static int
setup(void **state)
{
	static struct places	 p;
	const char		*dir = getenv("TMPDIR");

	snprintf(p.path, sizeof(p.path), "%s/rt-failure-%ld.db",
	    dir != NULL ? dir : "/tmp", (long)getpid());
	if (sqlite3_open(p.path, &p.h) != SQLITE_OK ||
	    sqlite3_open(p.path, &p.other) != SQLITE_OK ||
	    sqlite3_exec(p.h, "PRAGMA foreign_keys = ON; "
	    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE "
	    "NOT NULL CHECK (name <> '')); "
	    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
	    "NOT NULL REFERENCES parent (id)); "
	    "INSERT INTO parent VALUES (1, 'one');", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return -1;
	*state = &p;
	return 0;
}

static int
teardown(void **state)
{
	struct places	*p = *state;

	sqlite3_close(p->other);
	sqlite3_close(p->h);
	unlink(p->path);
	return 0;
}

/* The message for what sql does to h: the statement must fail. */
static const char *
failing(sqlite3 *h, const char *sql)
{
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	return exchange_failure_msgid(sqlite3_extended_errcode(h));
}

static void
each_kind_has_its_words(void **state)
{
	static const struct {
		const char	*sql, *words;
	} kinds[] = {
		{ "INSERT INTO child VALUES (1, 9)", PART ": a record it refers "
		    "to is not here (an earlier bundle may be missing); nothing "
		    "changed." },
		{ "INSERT INTO parent VALUES (1, 'again')", PART ": a record it "
		    "adds is here already; nothing changed." },
		{ "INSERT INTO parent VALUES (2, 'one')", PART ": a record it "
		    "adds is here already; nothing changed." },
		{ "INSERT INTO parent VALUES (3, NULL)", PART ": it breaks a "
		    "rule of this database; nothing changed." },
		{ "INSERT INTO parent VALUES (3, '')", PART ": it breaks a rule "
		    "of this database; nothing changed." },
		/* What we have no words for points to the log. */
		{ "INSERT INTO nowhere VALUES (1)", PART ". Nothing changed; the "
		    "administrator will find why in the server's log." },
	};
	struct places	*p = *state;
	sqlite3		*ro;
	size_t		 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		assert_string_equal(failing(p->h, kinds[i].sql),
		    kinds[i].words);
	/* Another connection holds the write lock. */
	assert_int_equal(sqlite3_exec(p->other, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_string_equal(failing(p->h, "INSERT INTO parent VALUES (4, "
	    "'four')"), PART ": the database was busy. Nothing changed; try "
	    "again in a minute.");
	assert_int_equal(sqlite3_exec(p->other, "ROLLBACK", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(p->path, &ro, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_string_equal(failing(ro, "INSERT INTO parent VALUES (5, "
	    "'five')"), PART ": this database cannot be written. Nothing "
	    "changed.");
	sqlite3_close(ro);
	/* Failures not made here: their codes. */
	assert_string_equal(exchange_failure_msgid(SQLITE_SCHEMA), PART ": it "
	    "does not fit this database, and may come from a newer version "
	    "of Roundtable. Nothing changed; bring both places to the same "
	    "version first.");
	assert_string_equal(exchange_failure_msgid(SQLITE_IOERR_WRITE), PART
	    ": the disk is full or could not be written. Nothing changed.");
	assert_string_equal(exchange_failure_msgid(SQLITE_NOMEM), PART ": the "
	    "server ran out of memory. Nothing changed; try again.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_kind_has_its_words),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
