/*
 * Erasure (UK GDPR article 17): a person's identity is removed while the
 * group's collective records (issues, counts, minutes, attendance, the
 * roll of an election) stay whole.
 *
 * The person's row becomes a tombstone: the same id, every identifying
 * field blanked, `erased_on` set.  Everything that refers to them keeps
 * pointing at it, so foreign keys and counts hold, and reads as "Erased
 * person".  Their accounts become tombstones the same way.  What is about
 * them alone is deleted or blanked, by a rule per reference
 * (erasure.c); a reference found in the schema with no rule refuses the
 * erasure, so a table added later must be decided before anyone can be
 * erased.  Audit rows are never deleted or changed: the chain stays
 * verifiable, and one "person.erase" row records who erased whom and
 * why.
 *
 *   erasure.c        the rules and the erasure
 *   erasure_pages.c  the coordinator's page (confirm by typing the
 *                    person's reference)
 *   cli/cli_person.c `roundtable person erase ID REASON`
 */
#ifndef RT_ERASURE_H
#define RT_ERASURE_H

#include <stdint.h>
#include <stdio.h>

#include "../util/must_check.h"

struct db;

enum erase_result {
	ERASE_ERROR = -1,
	ERASE_DONE = 0,
	ERASE_NO_PERSON,	/* no such person */
	ERASE_NOT_LEFT,		/* record their leaving first */
	ERASE_ALREADY,		/* erased before */
	ERASE_UNRULED		/* a reference has no rule: nothing done */
};

/*
 * Erases person_id in the caller's transaction, audited as
 * "person.erase" by actor (0: the command line) with detail (the reason).
 * Only someone whose leaving is recorded can be erased: leaving hands on
 * what they still owed and ends their memberships and accounts.
 * Unruled references are printed to report (may be NULL).  On anything
 * but ERASE_DONE the caller rolls back.
 */
MUST_CHECK enum erase_result	person_erase(struct db *, int64_t actor,
	    int64_t person_id, const char *detail, FILE *report);

#endif
