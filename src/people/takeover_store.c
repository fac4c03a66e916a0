/*
 * Who may take over what someone owns (their open follow-ups and
 * actions), and what is still owned by an account that can no longer
 * act on it.  One rule, used by the leave form and both reassign forms:
 * an active account, that has chosen its own password (the one-time
 * admin of a new installation has not), that is not the person's or
 * account's being replaced, and that holds at the site (or across the
 * organisation) a role whose holders keep promises to people: staff,
 * reps and decision makers.  Members, evaluators and viewers do not.
 */
#include "people.h"
#include "../db/db.h"

/* ?1 site, ?2 person to leave out (0 none), ?3 account to leave out. */
static const char *sql_takeover =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id "
    "LEFT JOIN groups gr ON gr.id = g.group_id "
    "WHERE a.disabled_at IS NULL AND a.must_change_password = 0 "
    "AND a.id != ?3 AND (?2 = 0 OR a.person_id IS DISTINCT FROM ?2) "
    "AND g.role IN ('admin', 'coordinator', 'rep', 'decision_maker') "
    "AND (g.scope = 'organisation' OR coalesce(gr.site_id, g.site_id) = ?1) "
    "ORDER BY a.display_name";
/* Open follow-ups and actions whose owner is disabled, in the scope:
 * ?1 all, ?2 site ids, ?3 group ids. */
static const char *sql_ownerless =
    "SELECT 'Follow-up' AS kind, f.action AS text, o.display_name AS "
    "owner_name, f.due_on, '/followups/' || f.id || '/reassign' AS href "
    "FROM followups f JOIN accounts o ON o.id = f.owner_id "
    "WHERE f.closed_on IS NULL AND o.disabled_at IS NOT NULL "
    "AND (?1 <> 0 OR f.site_id IN (SELECT value FROM json_each(?2))) "
    "UNION ALL "
    "SELECT 'Action', a.text, o.display_name, a.due_on, "
    "'/actions/' || a.id || '/reassign' FROM actions a "
    "JOIN accounts o ON o.id = a.owner_id "
    "LEFT JOIN proposals p ON p.id = a.proposal_id "
    "LEFT JOIN meetings m ON m.id = a.meeting_id "
    "JOIN groups g ON g.id = coalesce(p.group_id, m.group_id) "
    "WHERE a.closed_on IS NULL AND o.disabled_at IS NOT NULL "
    "AND (?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3))) "
    "ORDER BY 4, 1";

json_t *
takeover_options(struct db *db, int64_t site_id, int64_t person_id,
    int64_t account_id)
{
	return db_rows(db, sql_takeover, "iii", site_id, person_id,
	    account_id);
}

json_t *
needing_new_owner(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_ownerless, "dtt", f->all, f->site_ids,
	    f->group_ids);
}
