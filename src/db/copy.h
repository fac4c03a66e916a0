/*
 * roundtable copy: a SQLite database moved onto a PostgreSQL one at the
 * same migrations, every table verified by a fingerprint both engines
 * compute alike (the rule is in copy.c).
 */
#ifndef RT_COPY_H
#define RT_COPY_H

struct buf;
struct db;
struct pg_conn;

/* Copies every table of from (SQLite, read in one snapshot) into to
 * (PostgreSQL, migrated, holding no account) in one transaction, then
 * reads each back; a line a table ("name rows digest") to report.  0, or
 * -1 with the reason on stderr and the target as it was. */
int	db_copy_to_pg(struct db *from, struct db *to, struct buf *report);

/* Every table of a PostgreSQL database, a line each, by the same rule:
 * roundtable fingerprint there.  0 or -1. */
int	pg_tables_fingerprint(struct pg_conn *, struct buf *out);

#endif
