/* src/db/db.h: return conventions, binds and the statement cache. */
#include "unit.h"

struct fixture {
	struct db	 db;
	char		 path[UNIT_PATH_MAX];
};

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof(*f));

	if (f == NULL || unit_db_open(&f->db, f->path) == -1) {
		free(f);
		return -1;
	}
	if (db_exec_script(&f->db,
	    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, "
	    " n INTEGER, x ANY, CHECK (n IS NULL OR n >= 0)) STRICT;"
	    "CREATE TABLE child (id INTEGER PRIMARY KEY, "
	    " t_id INTEGER NOT NULL REFERENCES t (id));"
	    "INSERT INTO t (name, n) VALUES ('one', 1), ('two', 2), "
	    " ('three', 3);") == -1) {
		unit_db_close(&f->db, f->path);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	unit_db_close(&f->db, f->path);
	free(f);
	return 0;
}

static void
test_migrated(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n;

	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM "
	    "schema_migrations", ""), 1);
	assert_true(n >= 1);
	/* Migrating again applies nothing twice. */
	assert_int_equal(db_migrate(&f->db), 0);
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) - count(DISTINCT "
	    "name) FROM schema_migrations", ""), 1);
	assert_int_equal(n, 0);
	assert_int_equal(db_int(&f->db, &n, "PRAGMA foreign_keys", ""), 1);
	assert_int_equal(n, 1);
	/* Every connection zeroes what it deletes (elections rely on it). */
	assert_int_equal(db_int(&f->db, &n, "PRAGMA secure_delete", ""), 1);
	assert_int_equal(n, 1);
}

static void
test_exec(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n;

	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name, n) VALUES (?, ?)",
	    "ti", "four", (int64_t)4), DB_OK);
	assert_int_equal(db_last_id(&f->db), 4);
	assert_int_equal(db_changes(&f->db), 1);
	assert_int_equal(db_exec(&f->db, "UPDATE t SET n = n + ? WHERE n >= ?",
	    "dd", 10, 2), DB_OK);
	assert_int_equal(db_changes(&f->db), 3);
	assert_int_equal(db_int(&f->db, &n, "SELECT sum(n) FROM t", ""), 1);
	assert_int_equal(n, 1 + 12 + 13 + 14);
	/* A statement that returns rows still runs. */
	assert_int_equal(db_exec(&f->db, "SELECT * FROM t", ""), DB_OK);
}

static void
test_exec_errors(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(db_exec(&f->db, "INSERT INTO nowhere VALUES (1)",
	    ""), DB_ERROR);
	assert_int_equal(db_exec(&f->db, "SELEC 1", ""), DB_ERROR);
	/* More binds than parameters, and an unknown format letter: the
	 * build refuses the letter, so call the function unchecked to see
	 * the run-time refusal too. */
	assert_int_equal(db_exec(&f->db, "UPDATE t SET n = ? WHERE id = 1",
	    "ii", (int64_t)1, (int64_t)2), DB_ERROR);
	assert_int_equal((db_exec)(&f->db, "UPDATE t SET n = ? WHERE id = 2",
	    "q", 1), DB_ERROR);
	/* STRICT refuses a text in an integer column. */
	assert_int_equal(db_exec(&f->db, "UPDATE t SET n = ? WHERE id = 3",
	    "t", "lots"), DB_CONSTRAINT);
}

static void
test_constraints(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n;

	/* UNIQUE */
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES (?)",
	    "t", "one"), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "UPDATE t SET name = 'two' WHERE "
	    "name = 'one'", ""), DB_CONSTRAINT);
	/* PRIMARY KEY, CHECK, NOT NULL and FOREIGN KEY */
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (id, name) VALUES "
	    "(1, 'dup')", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name, n) VALUES "
	    "('neg', -1)", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "INSERT INTO child (t_id) VALUES "
	    "(NULL)", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "INSERT INTO child (t_id) VALUES "
	    "(999)", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "INSERT INTO child (t_id) VALUES (1)",
	    ""), DB_OK);
	assert_int_equal(db_exec(&f->db, "DELETE FROM t WHERE id = 1", ""),
	    DB_CONSTRAINT);
	/* Nothing of the refused rows landed; the same statement works on. */
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM t", ""), 1);
	assert_int_equal(n, 3);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES (?)",
	    "t", "five"), DB_OK);
}

static void
test_constraint_in_transaction(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n;

	assert_int_equal(db_begin(&f->db, 1), DB_OK);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES ('a')",
	    ""), DB_OK);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES ('one')",
	    ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES ('b')",
	    ""), DB_OK);
	assert_int_equal(db_commit(&f->db), DB_OK);
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM t", ""), 1);
	assert_int_equal(n, 5);

	assert_int_equal(db_begin(&f->db, 0), DB_OK);
	assert_int_equal(db_exec(&f->db, "DELETE FROM t", ""), DB_OK);
	db_rollback(&f->db);
	db_rollback(&f->db);	/* no transaction: harmless */
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM t", ""), 1);
	assert_int_equal(n, 5);
}

static void
test_busy(void **state)
{
	struct fixture	*f = *state;
	struct db	 other;

	assert_int_equal(db_open(&other, f->path, 50), 0);
	assert_int_equal(db_begin(&f->db, 1), DB_OK);
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name) VALUES ('x')",
	    ""), DB_OK);
	assert_int_equal(db_begin(&other, 1), DB_BUSY);
	db_rollback(&f->db);
	assert_int_equal(db_begin(&other, 1), DB_OK);
	assert_int_equal(db_commit(&other), DB_OK);
	db_close(&other);
}

static void
test_int(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n = 99;

	assert_int_equal(db_int(&f->db, &n, "SELECT n FROM t WHERE name = ?",
	    "t", "two"), 1);
	assert_int_equal(n, 2);
	n = 99;
	assert_int_equal(db_int(&f->db, &n, "SELECT n FROM t WHERE name = ?",
	    "t", "zero"), 0);
	assert_int_equal(n, 0);
	n = 99;
	assert_true(db_int(&f->db, &n, "SELECT n FROM nowhere", "") < 0);
	assert_int_equal(n, 0);
	assert_true((db_int)(&f->db, &n, "SELECT ?", "x") < 0);	/* bad bind */
	/* Large values survive. */
	assert_int_equal(db_int(&f->db, &n, "SELECT ?", "i",
	    INT64_C(9007199254740993)), 1);
	assert_int_equal(n, INT64_C(9007199254740993));
	assert_int_equal(db_int(&f->db, &n, "SELECT ?", "d", -7), 1);
	assert_int_equal(n, -7);
}

static void
test_row(void **state)
{
	struct fixture	*f = *state;
	json_t		*o = json_true();	/* a sentinel */

	assert_int_equal(db_row(&f->db, &o, "SELECT id, name, n, n * 0.5 AS "
	    "half, NULL AS empty, x'00ff' AS blob FROM t WHERE id = ?", "i",
	    (int64_t)3), 1);
	assert_non_null(o);
	assert_int_equal(json_integer_value(json_object_get(o, "id")), 3);
	assert_string_equal(json_string_value(json_object_get(o, "name")),
	    "three");
	assert_true(json_is_real(json_object_get(o, "half")));
	assert_true(json_real_value(json_object_get(o, "half")) == 1.5);
	assert_true(json_is_null(json_object_get(o, "empty")));
	assert_true(json_is_null(json_object_get(o, "blob")));
	assert_int_equal(json_object_size(o), 6);
	json_decref(o);

	o = json_true();
	assert_int_equal(db_row(&f->db, &o, "SELECT * FROM t WHERE id = ?",
	    "i", (int64_t)42), 0);
	assert_null(o);
	assert_true(db_row(&f->db, &o, "SELECT * FROM nowhere", "") < 0);
	assert_null(o);
	/* Only the first row. */
	assert_int_equal(db_row(&f->db, &o, "SELECT name FROM t ORDER BY id",
	    ""), 1);
	assert_string_equal(json_string_value(json_object_get(o, "name")),
	    "one");
	json_decref(o);
}

static void
test_rows(void **state)
{
	struct fixture	*f = *state;
	json_t		*a;

	a = db_rows(&f->db, "SELECT id, name FROM t WHERE n >= ? ORDER BY id",
	    "i", (int64_t)2);
	assert_non_null(a);
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(a,
	    0), "name")), "two");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(a,
	    1), "id")), 3);
	json_decref(a);
	/* No rows: an empty array, not an error. */
	a = db_rows(&f->db, "SELECT * FROM t WHERE n > 100", "");
	assert_non_null(a);
	assert_true(json_is_array(a));
	assert_int_equal(json_array_size(a), 0);
	json_decref(a);
	assert_null(db_rows(&f->db, "SELECT * FROM nowhere", ""));
	assert_null((db_rows)(&f->db, "SELECT ?", "?"));
	/* Text keeps every byte. */
	a = db_rows(&f->db, "SELECT ? AS s", "t", "caf\xc3\xa9 <&>");
	assert_string_equal(json_string_value(json_object_get(json_array_get(a,
	    0), "s")), "caf\xc3\xa9 <&>");
	json_decref(a);
}

static void
test_bind_kinds(void **state)
{
	struct fixture	*f = *state;
	static const unsigned char blob[] = { 0, 1, 2, 0xff };
	json_t		*o;

	assert_int_equal(db_row(&f->db, &o, "SELECT typeof(?1) AS a, "
	    "typeof(?2) AS b, typeof(?3) AS c, typeof(?4) AS d, length(?4) AS "
	    "dl, typeof(?5) AS e, ?2 AS bv", "itnbd", (int64_t)1, (char *)NULL,
	    DB_NULL, DB_BLOB(blob, sizeof(blob)), 5), 1);
	assert_string_equal(json_string_value(json_object_get(o, "a")),
	    "integer");
	assert_string_equal(json_string_value(json_object_get(o, "b")), "null");
	assert_string_equal(json_string_value(json_object_get(o, "c")), "null");
	assert_string_equal(json_string_value(json_object_get(o, "d")), "blob");
	assert_int_equal(json_integer_value(json_object_get(o, "dl")), 4);
	assert_string_equal(json_string_value(json_object_get(o, "e")),
	    "integer");
	json_decref(o);
}

static void
test_bind_json(void **state)
{
	struct fixture	*f = *state;
	json_t		*s = json_string("h\xc3\xa9llo"), *i = json_integer(
	    INT64_C(-1234567890123)), *z = json_null(), *r = json_real(2.5);
	json_t		*t = json_true(), *fa = json_false();
	json_t		*nul = json_stringn("a\0b", 3);
	json_t		*o;
	int64_t		 n;

	assert_int_equal(db_row(&f->db, &o, "SELECT typeof(?1) AS ts, ?1 AS s, "
	    "typeof(?2) AS ti, ?2 AS i, typeof(?3) AS tz, typeof(?4) AS tr, "
	    "?4 AS r, ?5 AS t, ?6 AS f, typeof(?7) AS tn, length(CAST(?7 AS "
	    "BLOB)) AS nl", "jjjjjjj", s, i, z, r, t, fa, (json_t *)NULL), 1);
	assert_string_equal(json_string_value(json_object_get(o, "ts")), "text");
	assert_string_equal(json_string_value(json_object_get(o, "s")),
	    "h\xc3\xa9llo");
	assert_string_equal(json_string_value(json_object_get(o, "ti")),
	    "integer");
	assert_int_equal(json_integer_value(json_object_get(o, "i")),
	    INT64_C(-1234567890123));
	assert_string_equal(json_string_value(json_object_get(o, "tz")), "null");
	assert_string_equal(json_string_value(json_object_get(o, "tr")), "real");
	assert_true(json_real_value(json_object_get(o, "r")) == 2.5);
	assert_int_equal(json_integer_value(json_object_get(o, "t")), 1);
	assert_int_equal(json_integer_value(json_object_get(o, "f")), 0);
	assert_string_equal(json_string_value(json_object_get(o, "tn")), "null");
	json_decref(o);
	/* A JSON string keeps its length, NULs included. */
	assert_int_equal(db_int(&f->db, &n, "SELECT length(CAST(? AS BLOB))",
	    "j", nul), 1);
	assert_int_equal(n, 3);
	/* Stored and matched as values. */
	assert_int_equal(db_exec(&f->db, "INSERT INTO t (name, n) VALUES (?, ?)",
	    "jj", s, json_integer_value(i) < 0 ? z : i), DB_OK);
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM t WHERE "
	    "name = ? AND n IS ?", "jj", s, z), 1);
	assert_int_equal(n, 1);
	json_decref(s);
	json_decref(i);
	json_decref(z);
	json_decref(r);
	json_decref(t);
	json_decref(fa);
	json_decref(nul);
}

/* The statement a cursor borrows from the cache (db.h: struct db_cursor). */
static struct sqlite3_stmt *
cursor_statement(struct db *db, const char *sql)
{
	struct db_cursor c;
	struct sqlite3_stmt *st;

	assert_int_equal(db_cursor_open(db, &c, sql, ""), 0);
	st = c.stmt;
	db_cursor_close(&c);
	return st;
}

static void
test_cache_same_statement(void **state)
{
	static const char *sql = "SELECT name FROM t ORDER BY id";
	static const char *other = "SELECT n FROM t ORDER BY id";
	static char copy[64];
	struct fixture	*f = *state;
	struct sqlite3_stmt *a, *c, *d;
	struct db_cursor cur;

	a = cursor_statement(&f->db, sql);
	assert_non_null(a);
	assert_ptr_equal(cursor_statement(&f->db, sql), a);
	c = cursor_statement(&f->db, other);
	assert_non_null(c);
	assert_ptr_not_equal(a, c);
	/* Keyed by the literal's address: the same text elsewhere is
	 * another entry. */
	snprintf(copy, sizeof(copy), "%s", sql);
	d = cursor_statement(&f->db, copy);
	assert_non_null(d);
	assert_ptr_not_equal(a, d);
	assert_ptr_equal(cursor_statement(&f->db, copy), d);

	/* Opened again, it is reset: it starts from the first row. */
	assert_int_equal(db_cursor_open(&f->db, &cur, sql, ""), 0);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_string_equal(db_cursor_text(&cur, 0), "one");
	assert_int_equal(db_cursor_next(&cur), 1);
	db_cursor_close(&cur);
	assert_int_equal(db_cursor_open(&f->db, &cur, sql, ""), 0);
	assert_ptr_equal(cur.stmt, a);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_string_equal(db_cursor_text(&cur, 0), "one");
	db_cursor_close(&cur);
}

static void
test_cache_clears_bindings(void **state)
{
	static const char *sql = "SELECT ?1 IS NULL";
	struct fixture	*f = *state;
	struct db_cursor cur;

	assert_int_equal(db_cursor_open(&f->db, &cur, sql, "i", (int64_t)5), 0);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_int_equal(db_cursor_int(&cur, 0), 0);
	db_cursor_close(&cur);
	assert_int_equal(db_cursor_open(&f->db, &cur, sql, ""), 0);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_int_equal(db_cursor_int(&cur, 0), 1);
	db_cursor_close(&cur);
	/* A bad format is refused, with nothing to close. */
	assert_int_equal((db_cursor_open)(&f->db, &cur, sql, "z", 1), -1);
}

/* The cursor's column readers: types, text, blobs with their length
 * (a NUL inside kept), NULL as NULL, and the row as JSON. */
static void
test_cursor_columns(void **state)
{
	static const char *sql = "SELECT 7, 'seven', x'00ff00', NULL, 1.5";
	struct fixture	*f = *state;
	struct db_cursor cur;
	const unsigned char *blob;
	size_t		 len = 0;
	json_t		*row;

	assert_int_equal(db_cursor_open(&f->db, &cur, sql, ""), 0);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_int_equal(db_cursor_type(&cur, 0), DB_TYPE_INTEGER);
	assert_int_equal(db_cursor_int(&cur, 0), 7);
	assert_int_equal(db_cursor_type(&cur, 1), DB_TYPE_TEXT);
	assert_string_equal(db_cursor_text(&cur, 1), "seven");
	assert_int_equal(db_cursor_type(&cur, 2), DB_TYPE_BLOB);
	blob = db_cursor_blob(&cur, 2, &len);
	assert_int_equal(len, 3);
	assert_int_equal(blob[1], 0xff);
	assert_int_equal(db_cursor_type(&cur, 3), DB_TYPE_NULL);
	assert_null(db_cursor_text(&cur, 3));
	assert_int_equal(db_cursor_type(&cur, 4), DB_TYPE_REAL);
	row = db_cursor_row(&cur);
	assert_int_equal(json_integer_value(json_object_get(row, "7")), 7);
	assert_true(json_is_null(json_object_get(row, "NULL")));
	json_decref(row);
	assert_int_equal(db_cursor_next(&cur), 0);
	db_cursor_close(&cur);
}

static void
test_cursor_built(void **state)
{
	struct fixture	*f = *state;

	unit_cursor_built_check(&f->db);
}

static void
test_cache_through_helpers(void **state)
{
	static const char *sql = "SELECT count(*) FROM t WHERE n > ?";
	struct fixture	*f = *state;
	struct sqlite3_stmt *first;
	struct db_cursor cur;
	int64_t		 n;
	int		 i;

	assert_int_equal(db_int(&f->db, &n, sql, "i", (int64_t)0), 1);
	assert_int_equal(db_cursor_open(&f->db, &cur, sql, "i", (int64_t)0), 0);
	first = cur.stmt;
	db_cursor_close(&cur);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(db_int(&f->db, &n, sql, "i", (int64_t)(i % 4)),
		    1);
		assert_int_equal(n, 3 - i % 4);
	}
	assert_ptr_equal(cursor_statement(&f->db, sql), first);
}

DB_SQL(sql_dialect, "SELECT 'sqlite' AS engine",
    "SELECT 'postgresql' AS engine");

/* A dialect pair gives SQLite its own half, and is cached once. */
static void
test_dialect_pair(void **state)
{
	struct fixture	*f = *state;
	json_t		*row;

	assert_int_equal(db_row(&f->db, &row, sql_dialect, ""), 1);
	assert_string_equal(json_string_value(json_object_get(row, "engine")),
	    "sqlite");
	json_decref(row);
	assert_ptr_equal(cursor_statement(&f->db, sql_dialect),
	    cursor_statement(&f->db, sql_dialect));
	assert_false(db_target_is_pg(f->path));
	assert_true(db_target_is_pg("postgresql://u@/db?host=/tmp"));
	assert_true(db_target_is_pg("postgres://u@h/db"));
}

static void
test_open_bad_path(void **state)
{
	struct db	 db;

	(void)state;
	assert_int_equal(db_open(&db, "/nonexistent/dir/x.db", 10), -1);
	assert_null(db.h);
}


/*
 * More statements than the cache's first table: each is still prepared,
 * every earlier one is still the same statement (nothing evicted while a
 * caller may hold it), and each answers.  Four times the first size, as
 * the program has about 450 literals and once failed at 256.
 */
#define MANY_STATEMENTS	(DB_CACHE_SLOTS_FIRST * 4)
static char many_sql[MANY_STATEMENTS][32];

static void
test_cache_never_full(void **state)
{
	struct fixture	*f = *state;
	struct sqlite3_stmt *first[MANY_STATEMENTS];
	int64_t		 n;
	int		 i;

	for (i = 0; i < MANY_STATEMENTS; i++) {
		snprintf(many_sql[i], sizeof(many_sql[i]), "SELECT %d", i);
		first[i] = cursor_statement(&f->db, many_sql[i]);
		assert_non_null(first[i]);
	}
	for (i = 0; i < MANY_STATEMENTS; i++) {
		assert_ptr_equal(cursor_statement(&f->db, many_sql[i]),
		    first[i]);
		assert_int_equal(db_int(&f->db, &n, many_sql[i], ""), 1);
		assert_int_equal(n, i);
	}
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_migrated),
		T(test_exec),
		T(test_exec_errors),
		T(test_constraints),
		T(test_constraint_in_transaction),
		T(test_busy),
		T(test_int),
		T(test_row),
		T(test_rows),
		T(test_bind_kinds),
		T(test_bind_json),
		T(test_cache_same_statement),
		T(test_cache_clears_bindings),
		T(test_cursor_columns),
		T(test_cursor_built),
		T(test_dialect_pair),
		T(test_cache_through_helpers),
		T(test_cache_never_full),
		cmocka_unit_test(test_open_bad_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
