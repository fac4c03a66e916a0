/*
 * Subject access (UK GDPR article 15): everything Roundtable holds about
 * one person, found by walking the schema rather than by a list kept by
 * hand, so a table added later with a reference to people or accounts is
 * in the export without anyone remembering to add it.
 *
 *   subject_access.c        the walk, into one JSON document
 *   subject_access_pdf.c    the same document drawn for the person to read
 *   subject_access_labels.c the reader's names for its columns and tables
 *   subject_access_pages.c  the coordinator's page and its two downloads
 *   cli/cli_person.c        `roundtable person export ID`
 *
 * Exporting is audited ("person.export") by whoever asks, in the same
 * transaction as the read.
 */
#ifndef RT_SUBJECT_ACCESS_H
#define RT_SUBJECT_ACCESS_H

#include <jansson.h>
#include <stdint.h>

#include "../render/pdf.h"
#include "../util/must_check.h"

struct db;

/*
 * The export of person_id: {"person", "exported_at", "tables": [{"table",
 * "column", "refers_to" ("people" or "accounts"), "rows": [...]}, ...],
 * "audit": {"by_them", "about_them"}}.  Every table with a declared
 * reference to people or accounts is listed, with its rows about this
 * person (an empty array when none).  Secrets (password and token hashes)
 * and file contents are left out.  The caller owns the result.
 * <0 error, 0 no such person, >0 found.
 */
int	subject_access_collect(struct db *, int64_t person_id, json_t **out);

/* Records who exported whose record, and how (detail: "json", "pdf" or
 * "cli").  enum db_result. */
MUST_CHECK int	subject_access_audit(struct db *, int64_t account_id,
	    int64_t person_id, const char *detail);

/* Whether column holds a secret (a password's or token's hash) that no
 * export carries. */
int	subject_access_secret(const char *column);

/* The reader's name for a column ("created_at": "Created") or a table
 * ("memberships": "Group memberships"): a message (N_) to say in the
 * reader's language; NULL for a name that has none yet. */
const char	*subject_access_column_label(const char *column);
const char	*subject_access_table_label(const char *table);

/* The export as a PDF for the person to read, into out: in the language
 * of words (NULL: English; util/catalogue.h) and the reader's size.  0,
 * or -1 when it could not be made (out then holds a partial document). */
struct catalogue;
int	subject_access_print(struct buf *out, const json_t *export,
	    const struct catalogue *words, enum pdf_size);

#endif
