/*
 * roundtable copy: a SQLite database moved onto a PostgreSQL one at the
 * same migrations, every table verified by a fingerprint both engines
 * compute alike (the rule is in copy.c).
 */
#ifndef RT_COPY_H
#define RT_COPY_H

#include <stdio.h>

struct db;

/* Copies every table of from (SQLite, read in one snapshot) into to
 * (PostgreSQL, migrated, holding no account) in one transaction, then
 * reads each back; a line a table ("name rows digest") to report.  0, or
 * -1 with the reason on stderr and the target as it was. */
int	db_copy_to_pg(struct db *from, struct db *to, FILE *report);

#endif
