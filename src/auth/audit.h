/*
 * The audit chain: every write appends one row, in the same transaction,
 * whose hash covers the previous row's hash and every field of its own.
 * audit_head keeps the last id and hash, so removing rows from the end is
 * caught as well as editing or removing any row in the middle.
 *
 * The head is also signed (crypto_sign, Ed25519) over "last id, last hash"
 * with a key kept in a file outside the database (see audit_signer_set),
 * so someone holding only the database cannot truncate the chain and move
 * the head back, nor rebuild the chain from scratch: the signature would
 * not match.  The signing key is process-wide state, set once at start-up
 * before any thread runs and cleared at exit.
 */
#ifndef RT_AUDIT_H
#define RT_AUDIT_H

#include <stdint.h>
#include "../util/must_check.h"
#include <stdio.h>

struct db;

#define AUDIT_KEY_BYTES	32	/* the signing key file: an Ed25519 seed */

/* Signs every head written from now on, and makes audit_verify demand a
 * valid signature.  seed is copied (into locked memory). */
void	audit_signer_set(const unsigned char seed[AUDIT_KEY_BYTES]);
/* Forgets the key: heads are written unsigned and not checked. */
void	audit_signer_clear(void);

/* Signs the current head when it is unsigned (a database from before
 * signatures), after the chain has been verified intact.  Returns enum
 * db_result; DB_CONSTRAINT when the chain has faults (nothing signed) or
 * no signer is set. */
MUST_CHECK int	audit_head_adopt(struct db *);

/* entity_id 0 stores NULL.  Returns enum db_result. */
MUST_CHECK int	audit_append(struct db *, int64_t account_id, const char *action,
	    const char *entity, int64_t entity_id, const char *detail);
/* After an UPDATE whose WHERE names the state it moves a record from:
 * rc itself when the UPDATE failed, DB_CONSTRAINT when it touched no row
 * (the record was in another state), else audit_append's result. */
MUST_CHECK int	audit_moved(struct db *, int rc, int64_t account_id,
	    const char *action, const char *entity, int64_t entity_id,
	    const char *detail);

/* Walks the chain; prints each fault to report.  With a signer set, an
 * unsigned, missing or wrongly signed head is a fault too.  Returns the number of
 * faults (0: intact) or -1 if the database could not be read.  rows, if
 * not NULL, receives the number of rows checked. */
int	audit_verify(struct db *, FILE *report, int64_t *rows);

#endif
