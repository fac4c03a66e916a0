/*
 * Retention: what is past its period ([retention] in the config, in
 * days; 0 keeps a kind for ever) is deleted or anonymised, per kind:
 *
 *   logs            the text of a logged conversation (and of its closed
 *                   follow-ups) is replaced; the row stays, because its
 *                   date, place, topics, outcome and issue are the
 *                   evidence behind collective issues and their counts
 *   supervision     notes are blanked; the date stays, because the next
 *                   one is due from it and it shows supervision was held
 *   expenses        settled claims (paid or rejected) are deleted, with
 *                   their receipts: after the finance period they serve
 *                   no purpose, and totals of past years live in the
 *                   finance system; open claims are never touched
 *   survey text     free-text answers (and paper entries as typed) are
 *                   deleted; choices and scores stay, as results count
 *                   them and they identify no one
 *   audit           never deleted or changed: the chain must stay
 *                   verifiable (docs/ARCHITECTURE.md, Retention)
 *
 * retention_run works in the caller's transaction, so a run is all or
 * nothing, and audits itself ("retention.run", the counts) when it
 * changed anything.  `roundtable retention` runs it; `serve` does daily
 * with [retention] in_server.
 */
#ifndef RT_RETENTION_H
#define RT_RETENTION_H

#include <stdint.h>

#include "../util/must_check.h"

struct config;
struct db;

enum retention_kind {
	RETAIN_LOGS,
	RETAIN_FOLLOWUPS,	/* closed follow-ups of logs past the period */
	RETAIN_SUPERVISION,
	RETAIN_EXPENSES,
	RETAIN_SURVEY_TEXT,
	RETAIN_PAPER_ENTRIES,
	RETAIN__MAX
};

extern const char *const retention_kind_names[RETAIN__MAX];

/* Rows changed or deleted per kind by one run. */
struct retention_counts {
	int64_t	 n[RETAIN__MAX];
};

/* Applies every period as of today ("YYYY-MM-DD"), filling counts.
 * enum db_result; the caller commits or rolls back. */
MUST_CHECK int	retention_run(struct db *, const struct config *,
	    const char *today, struct retention_counts *);

#endif
