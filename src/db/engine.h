/*
 * Inside src/db/: what each engine (SQLite, PostgreSQL) gives db.c, which
 * holds everything the two share (the statement cache, the helpers that
 * read rows, transactions, dialect pairs).  An engine is a static table;
 * struct db points at the one it was opened with.  Texts handed to an
 * engine are already chosen for it (db_sql_text); cache keys stay the
 * literal's address.
 */
#ifndef RT_DB_ENGINE_H
#define RT_DB_ENGINE_H

#include <stdarg.h>
#include "db.h"

struct embedded_file;

struct db_engine {
	const char	*name;
	/* Run after BEGIN IMMEDIATE so writers take turns across
	 * processes; NULL when BEGIN IMMEDIATE does that itself. */
	const char	*writer_turn;
	/* The migrations for this engine (embedded.h). */
	const struct embedded_file *migrations;
	int	 (*open)(struct db *, const char *target, int busy_ms);
	void	 (*close)(struct db *);
	/* Between transactions: a dropped connection made again.  0 when
	 * it was sound, 1 when made again, -1 when it cannot be; NULL for
	 * an engine with nothing to drop. */
	int	 (*revive)(struct db *);
	/* Frees one cached statement (db_close). */
	void	 (*stmt_free)(void *stmt);
	/* The prepared form of text, for the cache: NULL on error (logged). */
	void	*(*prepare)(struct db *, const char *text);
	/* Runs a cached statement with its arguments: enum db_result. */
	int	 (*exec)(struct db *, void *stmt, const char *fmt, va_list *);
	int	 (*script)(struct db *, const char *text);
	int	 (*cursor_open)(struct db *, struct db_cursor *, void *stmt,
		    const char *fmt, va_list *);
	int	 (*cursor_open_built)(struct db *, struct db_cursor *,
		    const char *text, int64_t id);
	int	 (*cursor_next)(struct db_cursor *);
	void	 (*cursor_close)(struct db_cursor *);
	enum db_type (*type)(const struct db_cursor *, int);
	int64_t	 (*integer)(const struct db_cursor *, int);
	const char *(*text)(const struct db_cursor *, int);
	const void *(*blob)(struct db_cursor *, int, size_t *);
	json_t	*(*row)(const struct db_cursor *);
	int	 (*in_transaction)(const struct db *);
	int	 (*changes)(const struct db *);
	int64_t	 (*last_id)(struct db *);
	int	 (*checkpoint)(struct db *);
};

extern const struct db_engine db_engine_sqlite;
extern const struct db_engine db_engine_pg;

/* The text of sql for db's engine: itself, or its half of a DB_SQL pair. */
const char	*db_sql_text(const struct db *, const char *sql);

/* One log line for a database error. */
void	 db_log_error(const char *what, const char *detail);

#endif
