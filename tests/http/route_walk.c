/*
 * The route walk's ids: for each kind of {id} in the route table, one
 * record at the walking account's own site (HMP Fenwick, site 1) and one
 * at another site, found by SQL in the test's database.  Shared by the
 * walks in test_routes.c (every role) and test_lists.c (large data).
 */
#include <stdio.h>
#include <string.h>

#include "http/route_walk.h"

/* Ids of things at the account's own site and at another one. */
struct fixture {
	const char	*prefix;	/* pattern prefix, "/sites/" */
	const char	*own_sql;
	const char	*other_sql;
	long long	 own, other;
};

static struct fixture fixtures[] = {
	{ "/sites/", "SELECT id FROM sites WHERE name = 'HMP Fenwick'",
	    "SELECT id FROM sites WHERE name = 'Westvale Probation Region'", 0, 0 },
	{ "/units/", "SELECT min(id) FROM units WHERE site_id = 1",
	    "SELECT min(id) FROM units WHERE site_id = 3", 0, 0 },
	{ "/people/", "SELECT min(id) FROM people WHERE site_id = 1",
	    "SELECT min(id) FROM people WHERE site_id = 3", 0, 0 },
	{ "/groups/", "SELECT min(id) FROM groups WHERE site_id = 1",
	    "SELECT min(id) FROM groups WHERE site_id = 3", 0, 0 },
	{ "/memberships/", "SELECT min(m.id) FROM memberships m JOIN groups g "
	    "ON g.id = m.group_id WHERE g.site_id = 1",
	    "SELECT min(m.id) FROM memberships m JOIN groups g "
	    "ON g.id = m.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/account/tokens/", "SELECT 999999", "SELECT 999998", 0, 0 },
	{ "/conversations/", "SELECT min(id) FROM conversations WHERE site_id = 1",
	    "SELECT min(id) FROM conversations WHERE site_id = 3", 0, 0 },
	{ "/followups/", "SELECT min(id) FROM followups WHERE site_id = 1",
	    "SELECT min(id) FROM followups WHERE site_id = 3", 0, 0 },
	{ "/issues/", "SELECT min(id) FROM issues WHERE site_id = 1",
	    "SELECT min(id) FROM issues WHERE site_id = 3", 0, 0 },
	{ "/directory/", "SELECT min(service_id) FROM service_sites "
	    "WHERE site_id = 1", "SELECT min(service_id) FROM service_sites "
	    "WHERE service_id NOT IN (SELECT service_id FROM service_sites "
	    "WHERE site_id = 1)", 0, 0 },
	{ "/arrivals/", "SELECT min(a.id) FROM arrivals a JOIN groups g "
	    "ON g.id = a.group_id WHERE g.site_id = 1", "SELECT min(a.id) FROM "
	    "arrivals a JOIN groups g ON g.id = a.group_id WHERE g.site_id != 1",
	    0, 0 },
	{ "/arrival-steps/", "SELECT min(st.id) FROM arrival_steps st JOIN "
	    "arrivals a ON a.id = st.arrival_id JOIN groups g ON g.id = "
	    "a.group_id WHERE g.site_id = 1 AND st.done_on IS NULL",
	    "SELECT min(st.id) FROM arrival_steps st JOIN arrivals a ON a.id = "
	    "st.arrival_id JOIN groups g ON g.id = a.group_id WHERE "
	    "g.site_id != 1", 0, 0 },
	{ "/proposals/", "SELECT min(p.id) FROM proposals p JOIN groups g ON "
	    "g.id = p.group_id WHERE g.site_id = 1", "SELECT min(p.id) FROM "
	    "proposals p JOIN groups g ON g.id = p.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/actions/", "SELECT min(a.id) FROM actions a JOIN proposals p ON "
	    "p.id = a.proposal_id JOIN groups g ON g.id = p.group_id WHERE "
	    "g.site_id = 1", "SELECT min(a.id) FROM actions a JOIN proposals p "
	    "ON p.id = a.proposal_id JOIN groups g ON g.id = p.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/meetings/", "SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 1 AND m.minutes_state = "
	    "'published'", "SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/agenda-items/", "SELECT min(i.id) FROM agenda_items i JOIN meetings "
	    "m ON m.id = i.meeting_id JOIN groups g ON g.id = m.group_id WHERE "
	    "g.site_id = 1", "SELECT min(i.id) FROM agenda_items i JOIN meetings "
	    "m ON m.id = i.meeting_id JOIN groups g ON g.id = m.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/papers/", "SELECT min(p.id) FROM papers p JOIN meetings m ON m.id = "
	    "p.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.site_id = 1",
	    "SELECT min(p.id) FROM papers p JOIN meetings m ON m.id = "
	    "p.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/topics/", "SELECT min(id) FROM topics WHERE site_id = 1",
	    "SELECT min(id) FROM topics WHERE site_id = 3", 0, 0 },
	{ "/objectives/", "SELECT min(o.id) FROM strategy_objectives o JOIN "
	    "groups g ON g.id = o.group_id WHERE g.site_id = 1",
	    "SELECT min(o.id) FROM strategy_objectives o JOIN groups g ON "
	    "g.id = o.group_id WHERE g.site_id = 3", 0, 0 },
#define PROCUREMENT_OF(sql, site) sql " AND l.procurement_id IN (SELECT id " \
	"FROM procurements WHERE site_id = " site ")"
	{ "/procurements/", "SELECT min(id) FROM procurements WHERE site_id = 1",
	    "SELECT min(id) FROM procurements WHERE site_id = 3", 0, 0 },
	{ "/lots/", PROCUREMENT_OF("SELECT min(l.id) FROM lots l WHERE true", "1"),
	    PROCUREMENT_OF("SELECT min(l.id) FROM lots l WHERE true", "3"), 0, 0 },
	{ "/questions/", PROCUREMENT_OF("SELECT min(q.id) FROM lot_questions q "
	    "JOIN lots l ON l.id = q.lot_id WHERE true", "1"),
	    PROCUREMENT_OF("SELECT min(q.id) FROM lot_questions q "
	    "JOIN lots l ON l.id = q.lot_id WHERE true", "3"), 0, 0 },
	{ "/bids/", PROCUREMENT_OF("SELECT min(b.id) FROM bids b JOIN lots l "
	    "ON l.id = b.lot_id WHERE b.document IS NOT NULL", "1"),
	    PROCUREMENT_OF("SELECT min(b.id) FROM bids b JOIN lots l "
	    "ON l.id = b.lot_id WHERE true", "3"), 0, 0 },
	{ "/panel-members/", PROCUREMENT_OF("SELECT min(m.id) FROM panel_members "
	    "m JOIN lots l ON l.id = m.lot_id WHERE true", "1"),
	    PROCUREMENT_OF("SELECT min(m.id) FROM panel_members m JOIN lots l "
	    "ON l.id = m.lot_id WHERE true", "3"), 0, 0 },
	{ "/scores/", PROCUREMENT_OF("SELECT min(s.id) FROM scores s JOIN "
	    "lot_questions q ON q.id = s.question_id JOIN lots l ON l.id = "
	    "q.lot_id WHERE true", "1"), PROCUREMENT_OF("SELECT min(s.id) FROM "
	    "scores s JOIN lot_questions q ON q.id = s.question_id JOIN lots l "
	    "ON l.id = q.lot_id WHERE true", "3"), 0, 0 },
#undef PROCUREMENT_OF
	/* A published election: every action on it is done (409), every
	 * page of it readable. */
	{ "/elections/", "SELECT min(e.id) FROM elections e JOIN groups g ON "
	    "g.id = e.group_id WHERE g.site_id = 1 AND e.state = 'published'",
	    "SELECT min(e.id) FROM elections e JOIN groups g ON g.id = "
	    "e.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/documents/", "SELECT min(d.id) FROM group_documents d JOIN groups g "
	    "ON g.id = d.group_id WHERE g.site_id = 1", "SELECT min(d.id) FROM "
	    "group_documents d JOIN groups g ON g.id = d.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/seats/", "SELECT min(s.id) FROM seats s JOIN groups g ON g.id = "
	    "s.group_id WHERE g.site_id = 1", "SELECT min(s.id) FROM seats s "
	    "JOIN groups g ON g.id = s.group_id WHERE g.site_id = 3", 0, 0 },
	{ "/recruits/", "SELECT min(r.id) FROM recruits r JOIN groups g ON "
	    "g.id = r.group_id WHERE g.site_id = 1", "SELECT min(r.id) FROM "
	    "recruits r JOIN groups g ON g.id = r.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/shadowing/", "SELECT min(s.id) FROM shadowing s JOIN groups g ON "
	    "g.id = s.group_id WHERE g.site_id = 1", "SELECT min(s.id) FROM "
	    "shadowing s JOIN groups g ON g.id = s.group_id WHERE g.site_id = 3",
	    0, 0 },
	{ "/sessions/", "SELECT min(id) FROM course_sessions WHERE site_id = 1",
	    "SELECT min(id) FROM course_sessions WHERE site_id = 3", 0, 0 },
	{ "/completions/", "SELECT min(c.id) FROM completions c JOIN people p "
	    "ON p.id = c.person_id WHERE p.site_id = 1", "SELECT min(c.id) FROM "
	    "completions c JOIN people p ON p.id = c.person_id WHERE "
	    "p.site_id = 3", 0, 0 },
	{ "/expenses/", "SELECT min(e.id) FROM expense_claims e JOIN groups g "
	    "ON g.id = e.group_id WHERE g.site_id = 1", "SELECT min(e.id) FROM "
	    "expense_claims e JOIN groups g ON g.id = e.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
	{ "/surveys/", "SELECT min(id) FROM surveys WHERE site_id = 1",
	    "SELECT min(id) FROM surveys WHERE site_id = 3", 0, 0 },
	{ "/survey-questions/", "SELECT min(q.id) FROM survey_questions q "
	    "JOIN survey_versions v ON v.id = q.version_id JOIN surveys s ON "
	    "s.id = v.survey_id WHERE s.site_id = 1", "SELECT min(q.id) FROM "
	    "survey_questions q JOIN survey_versions v ON v.id = q.version_id "
	    "JOIN surveys s ON s.id = v.survey_id WHERE s.site_id = 3", 0, 0 },
	{ "/survey-themes/", "SELECT min(t.id) FROM survey_themes t JOIN surveys "
	    "s ON s.id = t.survey_id WHERE s.site_id = 1", "SELECT min(t.id) "
	    "FROM survey_themes t JOIN surveys s ON s.id = t.survey_id WHERE "
	    "s.site_id = 3", 0, 0 },
	{ "/wishes/", "SELECT min(w.id) FROM wishes w JOIN people p ON p.id = "
	    "w.person_id WHERE p.site_id = 1", "SELECT min(w.id) FROM wishes w "
	    "JOIN people p ON p.id = w.person_id WHERE p.site_id = 3", 0, 0 },
	{ "/referrals/", "SELECT min(r.id) FROM referrals r JOIN people p ON "
	    "p.id = r.person_id WHERE p.site_id = 1", "SELECT min(r.id) FROM "
	    "referrals r JOIN people p ON p.id = r.person_id WHERE "
	    "p.site_id = 3", 0, 0 },
	{ "/peer-shifts/", "SELECT min(id) FROM peer_shifts WHERE site_id = 1",
	    "SELECT min(id) FROM peer_shifts WHERE site_id = 3", 0, 0 },
	{ "/peer-requests/", "SELECT min(id) FROM peer_requests WHERE "
	    "site_id = 1", "SELECT min(id) FROM peer_requests WHERE "
	    "site_id = 3", 0, 0 },
	{ "/peer-debriefs/", "SELECT min(id) FROM peer_debriefs WHERE "
	    "site_id = 1", "SELECT min(id) FROM peer_debriefs WHERE "
	    "site_id = 3", 0, 0 },
	{ "/event-votes/", "SELECT min(v.id) FROM event_votes v JOIN groups g ON "
	    "g.id = v.group_id WHERE g.site_id = 1", "SELECT min(v.id) FROM "
	    "event_votes v JOIN groups g ON g.id = v.group_id WHERE "
	    "g.site_id = 3", 0, 0 },
};

int
route_walk_resolve(const struct server *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		fixtures[i].own = db_scalar(s, fixtures[i].own_sql);
		fixtures[i].other = db_scalar(s, fixtures[i].other_sql);
		if (fixtures[i].own <= 0 || fixtures[i].other <= 0) {
			fprintf(stderr, "route walk: no id for %s\n",
			    fixtures[i].prefix);
			return -1;
		}
	}
	return 0;
}

int
route_walk_prefer(const char *prefix, long long id)
{
	size_t	 i;

	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
		if (strcmp(fixtures[i].prefix, prefix) == 0 && id > 0) {
			fixtures[i].other = id;
			return 0;
		}
	return -1;
}

/* The route's path with its {id} filled for own or other site. */
int
route_walk_path(const struct route *rt, int other, char *out, size_t sz)
{
	const char	*brace = strstr(rt->pattern, "{id}");
	size_t		 i, n;

	if (brace == NULL) {
		/* Printable documents are made for one site. */
		n = strlen(rt->pattern);
		snprintf(out, sz, "%s%s", rt->pattern, n > 4 &&
		    strcmp(rt->pattern + n - 4, ".pdf") == 0 ? "?site=1" : "");
		return 0;
	}
	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		n = strlen(fixtures[i].prefix);
		if (strncmp(rt->pattern, fixtures[i].prefix, n) == 0 &&
		    rt->pattern + n == brace) {
			snprintf(out, sz, "%.*s%lld%s", (int)(brace - rt->pattern),
			    rt->pattern, other ? fixtures[i].other :
			    fixtures[i].own, brace + 4);
			return 0;
		}
	}
	return -1;	/* a new kind of id: add a fixture for it */
}

