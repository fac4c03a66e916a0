/*
 * The SQLite wrapper: one struct db per thread, statements cached by the
 * address of their SQL text, values bound from a format string.
 *
 * struct db owns its sqlite3 handle and every cached statement; db_close()
 * finalizes and frees them.  Statements returned by db_prepare() stay owned
 * by the cache: step them, never finalize them.
 *
 * Format strings name one argument per character:
 *   'i' int64_t   'd' int   't' const char * (NULL binds NULL)
 *   'b' const void *, size_t (a blob)   'n' nothing (binds NULL)
 *   'j' json_t * (string, integer, real, true/false or null)
 *
 * Return conventions: functions returning int give 0 for success and -1 for
 * an error, except where written; look-ups give <0 error, 0 not found, >0
 * found, which map straight to 500, 404 and 200.
 */
#ifndef RT_DB_H
#define RT_DB_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include "../limits.h"
#include "../util/must_check.h"


enum db_result {
	DB_ERROR = -1,
	DB_OK = 0,
	DB_CONSTRAINT = 1,	/* a UNIQUE, CHECK or FOREIGN KEY refused it */
	DB_BUSY = 2		/* the database stayed locked past the timeout */
};

struct db_cached {
	const char	*sql;	/* not owned: a string literal */
	sqlite3_stmt	*stmt;	/* owned */
};

/*
 * A connection and its statement cache: an open-addressed table keyed by
 * the SQL literal's address, grown (never emptied) as statements are
 * first used, so a query never fails for want of a slot.  Owns h, cache
 * and every statement in it.
 */
struct db {
	sqlite3			*h;
	struct db_cached	*cache;		/* owned, nslots entries */
	size_t			 nslots;	/* 0 or a power of two */
	size_t			 nused;
};

int	 db_open(struct db *, const char *path, int busy_ms);
void	 db_close(struct db *);

/* Applies every embedded migration not yet recorded. */
int	 db_migrate(struct db *);

int	 db_begin(struct db *, int immediate);	/* enum db_result */
int	 db_commit(struct db *);		/* enum db_result */
void	 db_rollback(struct db *);
/* Copies the WAL into the database and truncates the WAL to nothing
 * (PRAGMA wal_checkpoint(TRUNCATE)), outside any transaction.
 * enum db_result: DB_BUSY when a reader or writer held it off. */
int	 db_checkpoint(struct db *);

/* Cached statement, reset and with bindings cleared; NULL on error. */
sqlite3_stmt	*db_prepare(struct db *, const char *sql);
sqlite3_stmt	*db_preparef(struct db *, const char *sql, const char *fmt, ...);
int		 db_bindv(sqlite3_stmt *, const char *fmt, va_list *);
/* One step: 1 a row, 0 done, -1 error (logged). */
int		 db_step(sqlite3_stmt *);

/* Runs a statement that returns no rows.  enum db_result. */
MUST_CHECK int	 db_exec(struct db *, const char *sql, const char *fmt, ...);
/* Runs several ;-separated statements with no parameters. */
int	 db_exec_script(struct db *, const char *sql);
int64_t	 db_last_id(const struct db *);
int	 db_changes(const struct db *);

/* Every row as an array of objects keyed by column name; NULL on error. */
json_t	*db_rows(struct db *, const char *sql, const char *fmt, ...);
/* The first row as an object: <0 error, 0 no row, >0 found. */
int	 db_row(struct db *, json_t **out, const char *sql, const char *fmt, ...);
/* The first column of the first row as an integer: <0, 0, >0 as above. */
int	 db_int(struct db *, int64_t *out, const char *sql, const char *fmt, ...);

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

/* Column of the current row as JSON (new reference). */
json_t	*db_column_json(sqlite3_stmt *, int col);
json_t	*db_row_json(sqlite3_stmt *);

#endif
