#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "retention.h"
#include "../auth/audit.h"
#include "../config.h"
#include "../db/db.h"

/* What replaces text past its period, so a page says why it is gone. */
#define REMOVED	"'(removed after the retention period)'"

const char *const retention_kind_names[RETAIN__MAX] = {
	[RETAIN_LOGS] = "logs",
	[RETAIN_FOLLOWUPS] = "follow-ups",
	[RETAIN_SUPERVISION] = "supervision notes",
	[RETAIN_EXPENSES] = "expense claims",
	[RETAIN_SURVEY_TEXT] = "survey text answers",
	[RETAIN_PAPER_ENTRIES] = "survey paper entries",
};

/* At a hub, a supervision of a person of a site a station holds is the
 * station's (docs/exchange.md): the station's own retention blanks its
 * notes, and the blanking travels here with its next bundle. */
#define KEPT_BY_STATION	"(SELECT role FROM place WHERE id = 1) = 'hub' " \
	"AND person_id IN (SELECT p.id FROM people p JOIN " \
	"exchange_peer_sites e ON e.site_id = p.site_id)"

/*
 * One rule a kind: its period's place in the config and the SQL, with ?1
 * the first day still kept whole (today less the period).  Follow-ups
 * run before logs, as they find theirs by the log's date and text.
 */
static const struct retention_rule {
	enum retention_kind	 kind;
	size_t			 days;	/* offsetof the period in config */
	const char		*sql;
} rules[] = {
	{ RETAIN_FOLLOWUPS, offsetof(struct config, retain_logs_days),
	    "UPDATE followups SET action = " REMOVED ", close_note = "
	    REMOVED " WHERE closed_on IS NOT NULL AND action != " REMOVED
	    " AND conversation_id IN (SELECT id FROM conversations WHERE "
	    "occurred_at < ?1)" },
	{ RETAIN_LOGS, offsetof(struct config, retain_logs_days),
	    "UPDATE conversations SET raised = " REMOVED ", escalated_to = "
	    "CASE WHEN escalated_to IS NULL THEN NULL ELSE " REMOVED " END "
	    "WHERE occurred_at < ?1 AND raised != " REMOVED },
	{ RETAIN_SUPERVISION, offsetof(struct config,
	    retain_supervision_days),
	    "UPDATE supervisions SET notes = '' WHERE held_on < ?1 "
	    "AND notes != '' AND NOT (" KEPT_BY_STATION ")" },
	{ RETAIN_EXPENSES, offsetof(struct config, retain_expenses_days),
	    "DELETE FROM expense_claims WHERE state IN ('paid', 'rejected') "
	    "AND created_on < ?1" },
	{ RETAIN_SURVEY_TEXT, offsetof(struct config,
	    retain_survey_text_days),
	    "DELETE FROM survey_answers WHERE question_id IN (SELECT id FROM "
	    "survey_questions WHERE kind = 'text') AND response_id IN (SELECT "
	    "id FROM survey_responses WHERE created_on < ?1)" },
	{ RETAIN_PAPER_ENTRIES, offsetof(struct config,
	    retain_survey_text_days),
	    "DELETE FROM survey_paper_entries WHERE response_id IN (SELECT "
	    "id FROM survey_responses WHERE created_on < ?1)" },
};

static const char *sql_cutoff = "SELECT date(?, '-' || ? || ' days')";

/* The first day kept whole for a period of days before today. */
static int
cutoff(struct db *db, const char *today, int days, char out[16])
{
	struct db_cursor st;
	const char	*day;
	int		 rc;

	if (db_cursor_open(db, &st, sql_cutoff, "td", today, days) == -1)
		return -1;
	if ((rc = db_cursor_next(&st)) == 1 && (day = db_cursor_text(&st, 0)) !=
	    NULL && strlen(day) == 10)
		memcpy(out, day, 11);
	else
		rc = -1;
	db_cursor_close(&st);
	return rc == 1 ? 0 : -1;
}

int
retention_run(struct db *db, const struct config *c, const char *today,
    struct retention_counts *counts)
{
	char		 first_kept[16], detail[256];
	size_t		 i, len = 0;
	int64_t		 total = 0;
	int		 days, rc;

	memset(counts, 0, sizeof(*counts));
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		days = *(const int *)((const char *)c + rules[i].days);
		if (days == 0)
			continue;	/* kept for ever */
		if (cutoff(db, today, days, first_kept) == -1)
			return DB_ERROR;
		if ((rc = db_exec(db, rules[i].sql, "t", first_kept)) != DB_OK)
			return rc;
		counts->n[rules[i].kind] = db_changes(db);
		total += counts->n[rules[i].kind];
	}
	if (total == 0)
		return DB_OK;
	detail[0] = '\0';
	for (i = 0; i < RETAIN__MAX; i++)
		if (counts->n[i] > 0 && len < sizeof(detail))
			len += (size_t)snprintf(detail + len, sizeof(detail) -
			    len, "%s%s %lld", len ? ", " : "",
			    retention_kind_names[i], (long long)counts->n[i]);
	return audit_append(db, 0, "retention.run", "organisation", 1,
	    detail);
}
