/*
 * The audit chain: every write appends one row, in the same transaction,
 * whose hash covers the previous row's hash and every field of its own.
 * audit_head keeps the last id and hash, so removing rows from the end is
 * caught as well as editing or removing any row in the middle.
 */
#ifndef RT_AUDIT_H
#define RT_AUDIT_H

#include <stdint.h>
#include "../util/must_check.h"
#include <stdio.h>

struct db;

/* entity_id 0 stores NULL.  Returns enum db_result. */
MUST_CHECK int	audit_append(struct db *, int64_t account_id, const char *action,
	    const char *entity, int64_t entity_id, const char *detail);

/* Walks the chain; prints each fault to report.  Returns the number of
 * faults (0: intact) or -1 if the database could not be read.  rows, if
 * not NULL, receives the number of rows checked. */
int	audit_verify(struct db *, FILE *report, int64_t *rows);

#endif
