/*
 * Which tables the exchange carries, which side owns each, and which of
 * a table's rows a peer shares (docs/exchange.md lists the same).  The
 * list is static; nothing here owns memory but the cur/snapshot
 * databases it attaches to a connection, which the caller detaches.
 */
#ifndef RT_EXCHANGE_TABLES_H
#define RT_EXCHANGE_TABLES_H

/* The session extension is in Debian's libsqlite3 (ENABLE_SESSION and
 * ENABLE_PREUPDATE_HOOK), but sqlite3.h declares it only when asked;
 * asked here, where the exchange includes it, so every build that
 * compiles these files (the fuzz build too) sees the same. */
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

enum exchange_owner {
	OWNER_HUB,
	OWNER_STATION
};

/* Sets of owners, for the calls below. */
#define OWNED_BY(o)	(1u << (o))
#define OWNED_BY_ANY	(OWNED_BY(OWNER_HUB) | OWNED_BY(OWNER_STATION))

/* The most columns of one table that travel blanked (a meeting's three
 * people). */
#define EXCHANGE_BLANKS_MAX	3

struct exchange_table {
	const char		*name;
	/* Whose version stands where both changed a row; and, but for a
	 * shared table, the only side that sends it. */
	enum exchange_owner	 owner;
	int			 shared;	/* both sides make and send
						   its rows (a proposal's
						   state moves at both) */
	/* Rows the pair shares: a condition over the table, with ?1 the
	 * peer's origin. */
	const char		*scope;
	/* Columns sent as an expression over the row (?1 the peer): what
	 * the other side must not hold, such as who an account is, or
	 * who chaired a meeting in the people register. */
	struct {
		const char	*column;
		const char	*as;
	}			 blank[EXCHANGE_BLANKS_MAX];
	/* A column never shown on the conflicts page. */
	const char		*secret;
};

extern const struct exchange_table	exchange_tables[];
extern const size_t			exchange_ntables;

/* Whether t travels from a side owning the set of owners: a table of
 * one of them, or a shared one. */
int	exchange_table_travels(const struct exchange_table *t, unsigned owners);

/* The table by name, or NULL when the exchange does not carry it. */
const struct exchange_table	*exchange_table_find(const char *name);

/* Makes (or brings up to date) to's schema.T with from's main.T's
 * columns and primary key and nothing else, for every table of the
 * owners in the set: SQLITE_OK or an error code.  to is a scratch
 * connection of the caller's (the session extension compares its
 * schemas), so the database's own connection can stay in the
 * transaction a request runs in. */
int	exchange_schema(sqlite3 *from, sqlite3 *to, const char *schema,
	    unsigned owners);

/* Copies into to's main the rows of the owners' tables that peer
 * shares, as they stand in from's main and as they travel. */
int	exchange_scoped(sqlite3 *from, sqlite3 *to, unsigned owners, int peer);

/* " AND col IS ?N" for each primary key column of tbl (N its position
 * plus 2; ?1 is left for the peer), sqlite3_malloc'd; NULL on error. */
char	*exchange_pk_match(sqlite3 *, const char *tbl,
	    const unsigned char *pkflags, int ncols);
/* Binds a changeset's primary key values to such a match: how many. */
int	exchange_pk_bind(sqlite3_stmt *, sqlite3_value **pk,
	    const unsigned char *pkflags, int ncols);

/* The rows a part names, noted in temp.exchange_touched (made empty by
 * reset) and checked in one query a table: exchange_touched_outside
 * gives 1 and the table when a noted row that exists lies outside the
 * sites peer shares, 0 when none does, -1 on error.  key holds the
 * primary key's values in column order (NULL past its width). */
int	exchange_touched_reset(sqlite3 *);
int	exchange_touched_add(sqlite3 *, const struct exchange_table *,
	    sqlite3_value **key);
int	exchange_touched_outside(sqlite3 *, int peer, const char **tbl);

/* This place's number and whether it is the hub: 0, or -1. */
int	exchange_place(sqlite3 *, int *origin, enum exchange_owner *);

/* Prepares the statement sqlite3_mprintf makes of fmt: an SQLite code. */
int	exchange_prepare(sqlite3 *, sqlite3_stmt **, const char *fmt, ...);

#endif
