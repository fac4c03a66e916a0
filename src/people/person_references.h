/*
 * Every declared reference to people or accounts, found in the schema
 * (sqlite_schema and pragma_foreign_key_list), not in a list kept by
 * hand: subject access exports what each one holds about a person and
 * erasure looks up its rule for each, so a table added later is seen by
 * both without anyone remembering them.
 */
#ifndef RT_PERSON_REFERENCES_H
#define RT_PERSON_REFERENCES_H

struct db;
struct buf;

/* Called for each reference: refers_to is "people" or "accounts".  The
 * strings live until it returns.  0 goes on, -1 stops the walk. */
typedef int	(*person_reference_fn)(void *ctx, const char *table,
		    const char *column, const char *refers_to);

/* Calls each for every reference, ordered by table and column: 0, or -1
 * (a failed read, or each stopped it). */
int	person_references(struct db *, person_reference_fn each, void *ctx);

/* Appends name double-quoted as an SQL identifier: 0 or -1 (full). */
int	sql_quote_ident(struct buf *, const char *name);

#endif
