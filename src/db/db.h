/*
 * The database layer: one struct db per thread, statements cached by the
 * address of their SQL text, values bound from a format string.  Nothing
 * outside src/db/ sees the engine: no sqlite3_* call or type leaves this
 * folder (tools/check-banned.sh refuses one), so a second backend can sit
 * behind the same functions.
 *
 * struct db owns its engine handle and every cached statement; db_close()
 * finalizes and frees them.  A caller that reads columns one by one or
 * streams rows uses a struct db_cursor (below), never a statement.
 *
 * Format strings are literals naming one argument per character:
 *   'i' int64_t (or long)   'd' int   't' const char * (NULL binds NULL)
 *   'b' DB_BLOB(pointer, size)   'n' DB_NULL (binds NULL)
 *   'j' json_t * (string, integer, real, true/false or null)
 * The build checks every call: each argument's type against its letter
 * and the number of arguments against the letters (see DB_CHECK below).
 *
 * Return conventions: functions returning int give 0 for success and -1 for
 * an error, except where written; look-ups give <0 error, 0 not found, >0
 * found, which map straight to 500, 404 and 200.
 */
#ifndef RT_DB_H
#define RT_DB_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "../limits.h"
#include "../util/must_check.h"


enum db_result {
	DB_ERROR = -1,
	DB_OK = 0,
	DB_CONSTRAINT = 1,	/* a UNIQUE, CHECK or FOREIGN KEY refused it */
	DB_BUSY = 2		/* the database stayed locked past the timeout */
};

/* The engines' types, named here only as pointers. */
struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;
struct pg_result;
struct db_engine;

struct db_cached {
	const char	*sql;	/* not owned: a string literal */
	void		*stmt;	/* owned: the engine's prepared form */
};

/*
 * A connection and its statement cache: an open-addressed table keyed by
 * the SQL literal's address, grown (never emptied) as statements are
 * first used, so a query never fails for want of a slot.  The engine is
 * chosen at db_open by the target: a postgresql:// (or postgres://) URI
 * selects PostgreSQL through libpq, anything else is a SQLite file.
 * Owns h or pg, cache and every statement in it.
 */
#define DB_ELSEWHERE_MAX	192	/* a guard's message, with its NUL */

struct db {
	const struct db_engine	*engine;	/* static */
	struct sqlite3		*h;		/* SQLite: owned */
	struct pg_conn		*pg;		/* PostgreSQL: owned */
	struct db_cached	*cache;		/* owned, nslots entries */
	size_t			 nslots;	/* 0 or a power of two */
	size_t			 nused;
	int			 changes;	/* PostgreSQL: rows of the last exec */
	int			 busy_ms;	/* PostgreSQL: set again on a
						   connection made anew */
	int			 lost;		/* PostgreSQL: a statement found
						   the connection gone */
	char			 elsewhere[DB_ELSEWHERE_MAX];
					/* a write the exchange's guards
					   refused (migration 0063), and
					   why, for the person; "": none */
};

/*
 * A statement whose text differs between the engines, declared once in
 * the store that uses it: DB_SQL(sql_x, "sqlite text", "postgresql text")
 * makes one literal holding both, and every db_* call picks the text for
 * the open engine (the cache key is still the literal's address).  Where
 * the dialects agree, a plain literal serves both.
 */
#define DB_SQL_PAIR	'\x01'
#define DB_SQL(name, sqlite, postgresql)				\
	static const char name[] = "\x01" sqlite "\0" postgresql

/* Whether target names a PostgreSQL database (a postgresql:// URI). */
int	 db_target_is_pg(const char *target);

/* Opens a SQLite file (created when missing) or a PostgreSQL URI. */
int	 db_open(struct db *, const char *path, int busy_ms);
/* Opens a SQLite file read-only (a backup to restore from): 0, or -1. */
int	 db_open_readonly(struct db *, const char *path);
/* Opens a database image held in memory, read-only (a decrypted backup;
 * no plain copy touches the disk).  The bytes are copied: 0, or -1. */
int	 db_open_image(struct db *, const void *image, size_t len);
void	 db_close(struct db *);

/* Applies every embedded migration not yet recorded. */
int	 db_migrate(struct db *);

int	 db_begin(struct db *, int immediate);	/* enum db_result */
/* Outside any transaction (a request's start): a connection the database
 * dropped is made again.  0 when it was sound, 1 when it was made again,
 * -1 when it cannot be.  Always 0 on SQLite. */
int	 db_revive(struct db *);
int	 db_commit(struct db *);		/* enum db_result */
void	 db_rollback(struct db *);
/* Whether commits wait for the disk: 1 (synchronous=FULL, the default
 * of every connection) or 0 (NORMAL: in WAL mode a commit survives a
 * crash of the process but may be lost, never half-written, if the
 * machine loses power before the next sync).  Outside a transaction.
 * enum db_result. */
MUST_CHECK int	 db_durable(struct db *, int on);
/* Copies the WAL into the database and truncates the WAL to nothing
 * (PRAGMA wal_checkpoint(TRUNCATE)), outside any transaction.
 * enum db_result: DB_BUSY when a reader or writer held it off. */
int	 db_checkpoint(struct db *);

/* Runs a statement that returns no rows.  enum db_result. */
MUST_CHECK int	 (db_exec)(struct db *, const char *sql, const char *fmt, ...);
/* Runs several ;-separated statements with no parameters. */
int	 db_exec_script(struct db *, const char *sql);
int64_t	 db_last_id(struct db *);
/* Rows changed by the last db_exec (an UPDATE that matched none: 0). */
int	 db_changes(const struct db *);

/* Every row as an array of objects keyed by column name; NULL on error. */
json_t	*(db_rows)(struct db *, const char *sql, const char *fmt, ...);
/* The first row as an object: <0 error, 0 no row, >0 found. */
int	 (db_row)(struct db *, json_t **out, const char *sql, const char *fmt, ...);
/* The first column of the first row as an integer: <0, 0, >0 as above. */
int	 (db_int)(struct db *, int64_t *out, const char *sql, const char *fmt, ...);

/* The first two columns of the first row as integers (one id bound):
 * <0 error, 0 no row, >0 found.  For access targets: (site, group). */
int	 db_pair(struct db *, const char *sql, int64_t id, int64_t *a,
	    int64_t *b);

/*
 * An uploaded file kept in the database: sql selects (mime, ext, data)
 * for one id.  Appends the bytes to out and sets *mime and *ext (caller
 * frees; NULL when not found).  <0 error, 0 no row or no data, >0 found.
 */
struct buf;
int	 db_file_read(struct db *, const char *sql, int64_t id, struct buf *out,
	    char **mime, char **ext);

/*
 * The rows of a statement read one at a time, for callers that take
 * columns by position (hashes, credentials) or stream many rows.  The
 * cursor lives on the caller's stack and owns nothing the caller frees:
 * on SQLite it borrows the connection's cached statement, which
 * db_cursor_close hands back (reset); on PostgreSQL it holds the result.
 * Every db_cursor_open that returned 0 is closed once.  Other statements
 * may run while it is open, but not the same literal.
 */
struct db_cursor {
	struct db		*db;	/* not owned */
	struct sqlite3_stmt	*stmt;	/* SQLite: owned by db's cache */
	int			 uncached; /* SQLite: stmt is the cursor's own */
	struct pg_result	*res;	/* PostgreSQL: owned, every row */
	int			 row, nrows;	/* PostgreSQL: the current row */
	void			*blobs;	/* PostgreSQL: owned, decoded bytea */
};

/* The storage type of a column in the current row. */
enum db_type {
	DB_TYPE_NULL,
	DB_TYPE_INTEGER,
	DB_TYPE_REAL,
	DB_TYPE_TEXT,
	DB_TYPE_BLOB
};

/* Prepares and binds sql: 0, or -1 (logged; nothing to close). */
int	 (db_cursor_open)(struct db *, struct db_cursor *, const char *sql,
	    const char *fmt, ...);
/* As db_cursor_open for SQL built at run time (schema names quoted by
 * the caller), which is prepared for this cursor alone and never enters
 * the cache (keyed by the address of literals).  Binds one id as ?1.
 * 0, or -1 (not logged: the caller may try another form). */
int	 db_cursor_open_built(struct db *, struct db_cursor *,
	    const char *sql, int64_t id);
/* The next row: 1 a row, 0 done, -1 error (logged). */
int	 db_cursor_next(struct db_cursor *);
void	 db_cursor_close(struct db_cursor *);
/* Columns of the current row, by position from 0.  Text and blobs stay
 * valid until the next db_cursor_next or db_cursor_close; text is NULL
 * for a NULL; a blob's length goes to *len. */
enum db_type	 db_cursor_type(const struct db_cursor *, int col);
int64_t		 db_cursor_int(const struct db_cursor *, int col);
const char	*db_cursor_text(const struct db_cursor *, int col);
const void	*db_cursor_blob(struct db_cursor *, int col, size_t *len);
/* The current row as an object keyed by column name (new reference). */
json_t		*db_cursor_row(const struct db_cursor *);

/* A blob argument ('b') and a NULL argument ('n'): one argument each, so
 * that the letters and the arguments line up one to one. */
struct db_blob {
	const void	*p;	/* not owned */
	size_t		 n;
};
struct db_null;
#define DB_BLOB(p, n)	((struct db_blob){ (p), (n) })
#define DB_NULL		((struct db_null *)0)

/*
 * Binding checked at build time.  Each db_* call with a format string is
 * a macro that compares every argument's type (through _Generic) with its
 * letter, and the number of arguments with the number of letters.  The
 * comparison folds to a constant, so a mismatch leaves a call to
 * db_binding_mismatch(), which the compiler refuses (GCC at -O1 and
 * above, as every build here is; clang at any level).  A pointer once
 * bound as an integer stored an address as a date; this makes that a
 * compile error.  The arguments are not evaluated twice: _Generic does
 * not evaluate its operand.  The format must be a literal ("" f).
 */
void	 db_binding_mismatch(void)
	    __attribute__((error("a db_* argument does not match its format "
	    "letter, or the count differs")));

#define DB_LETTER(x) _Generic((x),					\
	long: 'i', long long: 'i',					\
	int: 'd', _Bool: 'd',						\
	char *: 't', const char *: 't',					\
	json_t *: 'j', const json_t *: 'j',				\
	struct db_blob: 'b', struct db_null *: 'n',			\
	default: '?')
#define DB_REFUSE_IF(c)							\
	((void)(__builtin_constant_p(c) && (c) ?			\
	    (db_binding_mismatch(), 0) : 0))
#define DB_COUNT_IS(f, n)	DB_REFUSE_IF(sizeof("" f) - 1 != (n))
#define DB_ARG_IS(f, k, x)	DB_REFUSE_IF(("" f)[k] != DB_LETTER(x))

#define DB_NTH(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13,	\
	_14, _15, _16, N, ...) N
#define DB_NARGS(...)	DB_NTH(__VA_ARGS__, 15, 14, 13, 12, 11, 10, 9, 8,	\
	7, 6, 5, 4, 3, 2, 1, 0, -1)
#define DB_CAT_(a, b)	a##b
#define DB_CAT(a, b)	DB_CAT_(a, b)
/* DB_CHECK(fmt, args...): the count, and each argument against its letter. */
#define DB_CHECK(...)	DB_CAT(DB_CHECK_, DB_NARGS(__VA_ARGS__))(__VA_ARGS__)
#define DB_CHECK_0(f)	DB_COUNT_IS(f, 0)
#define DB_ARGS_1(f, a)	DB_ARG_IS(f, 0, a)
#define DB_ARGS_2(f, a, b)\
	(DB_ARGS_1(f, a), DB_ARG_IS(f, 1, b))
#define DB_ARGS_3(f, a, b, c)\
	(DB_ARGS_2(f, a, b), DB_ARG_IS(f, 2, c))
#define DB_ARGS_4(f, a, b, c, d)\
	(DB_ARGS_3(f, a, b, c), DB_ARG_IS(f, 3, d))
#define DB_ARGS_5(f, a, b, c, d, e)\
	(DB_ARGS_4(f, a, b, c, d), DB_ARG_IS(f, 4, e))
#define DB_ARGS_6(f, a, b, c, d, e, g)\
	(DB_ARGS_5(f, a, b, c, d, e), DB_ARG_IS(f, 5, g))
#define DB_ARGS_7(f, a, b, c, d, e, g, h)\
	(DB_ARGS_6(f, a, b, c, d, e, g), DB_ARG_IS(f, 6, h))
#define DB_ARGS_8(f, a, b, c, d, e, g, h, i)\
	(DB_ARGS_7(f, a, b, c, d, e, g, h), DB_ARG_IS(f, 7, i))
#define DB_ARGS_9(f, a, b, c, d, e, g, h, i, j)\
	(DB_ARGS_8(f, a, b, c, d, e, g, h, i), DB_ARG_IS(f, 8, j))
#define DB_ARGS_10(f, a, b, c, d, e, g, h, i, j, k)\
	(DB_ARGS_9(f, a, b, c, d, e, g, h, i, j), DB_ARG_IS(f, 9, k))
#define DB_ARGS_11(f, a, b, c, d, e, g, h, i, j, k, l)\
	(DB_ARGS_10(f, a, b, c, d, e, g, h, i, j, k), DB_ARG_IS(f, 10, l))
#define DB_ARGS_12(f, a, b, c, d, e, g, h, i, j, k, l, m)\
	(DB_ARGS_11(f, a, b, c, d, e, g, h, i, j, k, l), DB_ARG_IS(f, 11, m))
#define DB_ARGS_13(f, a, b, c, d, e, g, h, i, j, k, l, m, o)\
	(DB_ARGS_12(f, a, b, c, d, e, g, h, i, j, k, l, m), DB_ARG_IS(f, 12, o))
#define DB_ARGS_14(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p)\
	(DB_ARGS_13(f, a, b, c, d, e, g, h, i, j, k, l, m, o), DB_ARG_IS(f, 13, p))
#define DB_ARGS_15(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p, q)\
	(DB_ARGS_14(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p), DB_ARG_IS(f, 14, q))
#define DB_CHECK_1(f, a)\
	(DB_COUNT_IS(f, 1), DB_ARGS_1(f, a))
#define DB_CHECK_2(f, a, b)\
	(DB_COUNT_IS(f, 2), DB_ARGS_2(f, a, b))
#define DB_CHECK_3(f, a, b, c)\
	(DB_COUNT_IS(f, 3), DB_ARGS_3(f, a, b, c))
#define DB_CHECK_4(f, a, b, c, d)\
	(DB_COUNT_IS(f, 4), DB_ARGS_4(f, a, b, c, d))
#define DB_CHECK_5(f, a, b, c, d, e)\
	(DB_COUNT_IS(f, 5), DB_ARGS_5(f, a, b, c, d, e))
#define DB_CHECK_6(f, a, b, c, d, e, g)\
	(DB_COUNT_IS(f, 6), DB_ARGS_6(f, a, b, c, d, e, g))
#define DB_CHECK_7(f, a, b, c, d, e, g, h)\
	(DB_COUNT_IS(f, 7), DB_ARGS_7(f, a, b, c, d, e, g, h))
#define DB_CHECK_8(f, a, b, c, d, e, g, h, i)\
	(DB_COUNT_IS(f, 8), DB_ARGS_8(f, a, b, c, d, e, g, h, i))
#define DB_CHECK_9(f, a, b, c, d, e, g, h, i, j)\
	(DB_COUNT_IS(f, 9), DB_ARGS_9(f, a, b, c, d, e, g, h, i, j))
#define DB_CHECK_10(f, a, b, c, d, e, g, h, i, j, k)\
	(DB_COUNT_IS(f, 10), DB_ARGS_10(f, a, b, c, d, e, g, h, i, j, k))
#define DB_CHECK_11(f, a, b, c, d, e, g, h, i, j, k, l)\
	(DB_COUNT_IS(f, 11), DB_ARGS_11(f, a, b, c, d, e, g, h, i, j, k, l))
#define DB_CHECK_12(f, a, b, c, d, e, g, h, i, j, k, l, m)\
	(DB_COUNT_IS(f, 12), DB_ARGS_12(f, a, b, c, d, e, g, h, i, j, k, l, m))
#define DB_CHECK_13(f, a, b, c, d, e, g, h, i, j, k, l, m, o)\
	(DB_COUNT_IS(f, 13), DB_ARGS_13(f, a, b, c, d, e, g, h, i, j, k, l, m, o))
#define DB_CHECK_14(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p)\
	(DB_COUNT_IS(f, 14), DB_ARGS_14(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p))
#define DB_CHECK_15(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p, q)\
	(DB_COUNT_IS(f, 15), DB_ARGS_15(f, a, b, c, d, e, g, h, i, j, k, l, m, o, p, q))

#define db_cursor_open(db, cur, sql, ...)				\
	(DB_CHECK(__VA_ARGS__), (db_cursor_open)((db), (cur), (sql), __VA_ARGS__))
#define db_exec(db, sql, ...)						\
	(DB_CHECK(__VA_ARGS__), (db_exec)((db), (sql), __VA_ARGS__))
#define db_rows(db, sql, ...)						\
	(DB_CHECK(__VA_ARGS__), (db_rows)((db), (sql), __VA_ARGS__))
#define db_row(db, out, sql, ...)					\
	(DB_CHECK(__VA_ARGS__), (db_row)((db), (out), (sql), __VA_ARGS__))
#define db_int(db, out, sql, ...)					\
	(DB_CHECK(__VA_ARGS__), (db_int)((db), (out), (sql), __VA_ARGS__))

#endif
