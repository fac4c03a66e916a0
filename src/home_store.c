#include <stdio.h>

#include "home_store.h"
#include "db/db.h"
#include "limits.h"
#include "elections/elections.h"
#include "proposals/proposals.h"

#define SCOPED \
    "(?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) " \
    "OR g.id IN (SELECT value FROM json_each(?3)))"

static const char *sql_next_meetings =
    "SELECT m.id, m.held_on, m.starts_at, g.name AS group_name, "
    "(SELECT count(*) FROM papers p WHERE p.meeting_id = m.id) AS papers "
    "FROM meetings m JOIN groups g ON g.id = m.group_id "
    "WHERE m.held_on >= ?4 AND " SCOPED
    " ORDER BY m.held_on, m.id LIMIT ?5";
static const char *sql_to_decide =
    "SELECT p.id, p.title, g.name AS group_name FROM proposals p "
    "JOIN groups g ON g.id = p.group_id WHERE p.state = 'draft' AND " SCOPED
    " ORDER BY p.id DESC LIMIT ?4";
static const char *sql_answers =
    "SELECT p.id, p.title, r.responded_on, g.name AS group_name "
    "FROM responses r JOIN proposals p ON p.id = r.proposal_id "
    "JOIN groups g ON g.id = p.group_id "
    "WHERE r.responded_on >= date(?4, ?5) AND " SCOPED
    " ORDER BY r.responded_on DESC, r.id DESC LIMIT ?6";
/* With its answer form's address: the reader is one of those asked. */
static const char *sql_surveys =
    "SELECT s.id, s.title, s.title_cy, s.token, g.name AS group_name "
    "FROM surveys s "
    "JOIN groups g ON g.id = s.group_id WHERE s.state = 'open' AND " SCOPED
    " ORDER BY s.id DESC LIMIT ?4";
/* Under way, or over lately (its poll closed or its result published
 * within the answers' window): the page says which phase it is in. */
static const char *sql_elections =
    "SELECT e.id, e.state, e.position, e.nominations_close_on, "
    "e.voting_opens_on, "
    "e.voting_closes_on, g.proxy_votes, g.name AS group_name "
    "FROM elections e JOIN groups g ON g.id = e.group_id "
    "WHERE (e.state <> 'published' AND e.voting_closes_on >= date(?4, ?5) "
    "OR e.state = 'published' AND e.published_on >= date(?4, ?5)) AND "
    SCOPED " ORDER BY e.id DESC LIMIT ?6";

/* One decision maker's proposals: their own index keeps it short. */
static const char *sql_decisions_waiting =
    "SELECT count(*) AS waiting, coalesce(sum(CASE WHEN p.due_on < ?2 "
    "THEN 1 ELSE 0 END), 0) AS overdue FROM proposals p "
    "WHERE p.decision_maker_id = ?1 AND " PROPOSAL_AWAITING_SQL("?2");

static const char *sql_first_group =
    "SELECT g.id FROM groups g WHERE g.ended_on IS NULL AND " SCOPED
    " ORDER BY g.id LIMIT 1";

/* A list, or an empty one: the home page shows without it. */
static json_t *
or_empty(json_t *rows)
{
	return rows != NULL ? rows : json_array();
}

json_t *
home_next_meetings(struct db *db, const struct scope_filter *f,
    const char *today)
{
	return or_empty(db_rows(db, sql_next_meetings, "dttti", f->all,
	    f->site_ids, f->group_ids, today, (int64_t)HOME_ITEMS_MAX));
}

json_t *
home_proposals_to_decide(struct db *db, const struct scope_filter *f)
{
	return or_empty(db_rows(db, sql_to_decide, "dtti", f->all,
	    f->site_ids, f->group_ids, (int64_t)HOME_ITEMS_MAX));
}

/* "-60 days": how far back "lately" reaches, for SQL's date(). */
static void
lately(char back[24])
{
	snprintf(back, 24, "-%d days", HOME_ANSWERS_DAYS);
}

json_t *
home_answers_received(struct db *db, const struct scope_filter *f,
    const char *today)
{
	char	 back[24];

	lately(back);
	return or_empty(db_rows(db, sql_answers, "dtttti", f->all,
	    f->site_ids, f->group_ids, today, back,
	    (int64_t)HOME_ITEMS_MAX));
}

json_t *
home_decisions_waiting(struct db *db, int64_t decision_maker,
    const char *today)
{
	json_t	*row = NULL;

	return db_row(db, &row, sql_decisions_waiting, "it", decision_maker,
	    today) > 0 ? row : NULL;
}

int64_t
home_first_group(struct db *db, const struct scope_filter *f)
{
	int64_t	 id = 0;

	return db_int(db, &id, sql_first_group, "dtt", f->all, f->site_ids,
	    f->group_ids) > 0 ? id : 0;
}

json_t *
home_surveys_open(struct db *db, const struct scope_filter *f)
{
	return or_empty(db_rows(db, sql_surveys, "dtti", f->all, f->site_ids,
	    f->group_ids, (int64_t)HOME_ITEMS_MAX));
}

json_t *
home_elections_open(struct db *db, const struct scope_filter *f,
    const char *today)
{
	static const struct choice_column position = { "position",
	    election_positions };
	json_t	*rows, *row;
	char	 back[24];
	size_t	 i;

	lately(back);
	rows = or_empty(db_rows(db, sql_elections, "dtttti", f->all,
	    f->site_ids, f->group_ids, today, back, (int64_t)HOME_ITEMS_MAX));
	/* A group elects several posts at once: each line names its post. */
	json_array_foreach(rows, i, row)
		choice_labels_add(row, &position, 1);
	return rows;
}
