/*
 * The home page and the health check.
 */
#include <stdlib.h>
#include <string.h>

#include "util/catalogue.h"
#include "home_pages.h"
#include "home_store.h"
#include "auth/account.h"
#include "db/db.h"
#include "elections/elections.h"
#include "peer/peer.h"
#include "people/people.h"
#include "plans/plans.h"
#include "procurement/procurement.h"
#include "server/easy_read.h"
#include "server/form_page.h"
#include "surveys/surveys.h"
#include "util/date.h"
#include "util/view.h"

/* Staff hear what an account that can no longer act still owns, each
 * with the form that hands it on: a promise must not lie with nobody. */
static void
ownerless_add(struct request *rq, json_t *view)
{
	struct scope_filter	 f;
	json_t			*rows;

	if (view == NULL || !access_any(&rq->who, ROLES_STAFF) ||
	    access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return;
	if ((rows = needing_new_owner(rq->db, &f)) != NULL)
		json_object_set_new(view, "needs_new_owner", rows);
	scope_filter_clear(&f);
}

/* At most this many big buttons: one clear next step, not a menu. */
#define HOME_ACTIONS_MAX	4

static void
action_add(json_t *actions, const char *href, const char *label)
{
	if (json_array_size(actions) < HOME_ACTIONS_MAX)
		json_array_append_new(actions, json_pack("{s:s, s:s}", "href",
		    href, "label", label));
}

/* has_KEY for every list that has something (the templates test it
 * for headings), and has_any when anything but the buttons does. */
static void
now_flags(json_t *now)
{
	const char	*key;
	json_t		*list;
	char		 flag[64];
	int		 any = 0;
	void		*tmp;

	json_object_foreach_safe(now, tmp, key, list) {
		if (json_array_size(list) == 0)
			continue;
		snprintf(flag, sizeof(flag), "has_%s", key);
		json_object_set_new(now, flag, json_true());
		any |= strcmp(key, "actions") != 0;
	}
	json_object_set_new(now, "has_any", json_boolean(any));
}

/* A decision maker hears how many proposals wait for their answer, and
 * how many of those are past the date it was due. */
static void
decisions_add(struct request *rq, json_t *view)
{
	json_t	*row;
	char	 today[DATE_CHARS + 1];

	if (view == NULL ||
	    !access_any(&rq->who, ROLE_BIT(ROLE_DECISION_MAKER)))
		return;
	date_today(rq->now, today);
	if ((row = home_decisions_waiting(rq->db, rq->who.account_id,
	    today)) == NULL)
		return;
	if (view_int(row, "waiting") > 0)
		json_object_set_new(view, "decisions", row);
	else
		json_decref(row);
}

/*
 * Whose votes the reader has left, on an election's row: "own_left"
 * (their own), "voted_self" (cast already), and the names of those whose
 * proxy votes they hold and have not cast ("proxy_names", joined by ",
 * "; the reader was told them when appointed, and the ballot lists them)
 * with "proxies_left", or "proxies_cast" when every one they held is
 * cast.  The words are the phase's (templates/elections/phase_words.html):
 * "You have voted. You still hold Ann Lee's proxy vote."
 */
static void
votes_said(struct request *rq, json_t *row, const json_t *left, int64_t me)
{
	json_t		*o;
	char		*names = NULL, *more;
	int64_t		 id = view_int(row, "id");
	size_t		 i, proxies = 0;
	int		 own = 0, cast;

	json_array_foreach(left, i, o) {
		if (view_int(o, "value") == me) {
			own = 1;
			continue;
		}
		if (asprintf(&more, "%s%s%s", names ? names : "",
		    names ? ", " : "", view_str(o, "label")) == -1)
			more = NULL;
		free(names);
		if ((names = more) == NULL)
			return;
		proxies++;
	}
	if (own)
		json_object_set_new(row, "own_left", json_true());
	else if (roll_has_voted(rq->db, id, me) == 1)
		json_object_set_new(row, proxies ? "voted_self" : "voted",
		    json_true());
	if (proxies > 0) {
		json_object_set_new(row, "proxy_names", json_string(names));
		json_object_set_new(row, "proxies_left",
		    json_integer((json_int_t)proxies));
	} else if (own && (cast = proxies_cast(rq->db, id, me)) > 0)
		json_object_set_new(row, "proxies_cast", json_integer(cast));
	free(names);
}

/*
 * One election on the home page: its phase, as the line about it says
 * it, and for the reader whether they have voted or have a vote left
 * (their own or one they hold by proxy: the ballot's own rule,
 * votes_left), and whose.  The first poll where they have one gets the
 * big button; nobody is sent to a ballot they cannot fill in.
 */
static void
election_now(struct request *rq, json_t *row, json_t *actions,
    const char *today)
{
	static const char *const phase_keys[] = { "nominating",
	    "nominations_closed", "voting", "counting", "published" };
	enum election_phase phase = election_phase(row, today);
	json_t		*left;
	char		 href[64];
	int64_t		 me, id = view_int(row, "id");

	json_object_set_new(row, phase_keys[phase], json_true());
	if (phase != PHASE_VOTING ||
	    (me = account_person(rq->db, rq->who.account_id)) == 0)
		return;
	left = votes_left(rq->db, row, me, today);
	/* The elections come first: an empty row of buttons means no
	 * earlier poll has taken the vote button. */
	if (json_array_size(left) > 0 && json_array_size(actions) == 0) {
		snprintf(href, sizeof(href), "/elections/%lld", (long long)id);
		action_add(actions, href, N_("Vote in the election"));
		/* Easy read's button opens the ballot paper itself, one
		 * step fewer for a reader who needs each to be plain. */
		snprintf(href, sizeof(href), "/elections/%lld/vote?read=easy",
		    (long long)id);
		json_object_set_new(json_array_get(actions, 0), "easy_href",
		    json_string(href));
	}
	if (json_array_size(left) > 0)
		json_object_set_new(row, "can_vote", json_true());
	votes_said(rq, row, left, me);
	json_decref(left);
}

/*
 * Someone taking part (a member or a rep, not staff) hears in plain words
 * what matters to them now, and gets the three or four things they are
 * most likely to do next as big buttons: vote while a poll is open, read
 * the next meeting's papers, read "you said, we did", see their group.
 * Their places are those of their member and rep grants only: a decision
 * maker for the same group is not asked to vote in its election.
 */
static void
now_add(struct request *rq, json_t *view)
{
	struct scope_filter	 f;
	json_t			*now, *meetings, *elections, *actions, *row;
	json_t			*surveys;
	char			 today[DATE_CHARS + 1], href[64];
	int64_t			 group;
	size_t			 i;

	if (view == NULL || easy_reader_of(&rq->who) == EASY_READER_STAFF ||
	    access_filter(&rq->who, ROLES_TAKING_PART, 0, &f) == -1)
		return;
	date_today(rq->now, today);
	meetings = home_next_meetings(rq->db, &f, today);
	elections = home_elections_open(rq->db, &f, today);
	surveys = home_surveys_open(rq->db, &f);
	/* A survey written in Welsh too is called by its Welsh title. */
	survey_words_in(surveys, "title", survey_reader_lang(rq));
	now = json_pack("{s:O, s:o, s:o, s:o, s:O}", "meetings", meetings,
	    "to_decide", home_proposals_to_decide(rq->db, &f),
	    "answers", home_answers_received(rq->db, &f, today),
	    "surveys", surveys,
	    "elections", elections);
	actions = json_array();
	json_array_foreach(elections, i, row)
		election_now(rq, row, actions, today);
	if ((row = json_array_get(meetings, 0)) != NULL) {
		snprintf(href, sizeof(href), "/meetings/%lld",
		    (long long)view_int(row, "id"));
		action_add(actions, href, "Your next meeting");
	}
	if ((group = home_first_group(rq->db, &f)) > 0) {
		snprintf(href, sizeof(href), "/groups/%lld/you-said-we-did",
		    (long long)group);
		action_add(actions, href, N_("You said, we did"));
		snprintf(href, sizeof(href), "/groups/%lld", (long long)group);
		action_add(actions, href, N_("Your group"));
	}
	json_decref(meetings);
	json_decref(elections);
	if (now != NULL)
		json_object_set_new(now, "actions", actions);
	else
		json_decref(actions);
	now_flags(now);
	json_object_set_new(view, "now", now);
	scope_filter_clear(&f);
}

void
home(struct request *rq, struct response *rs)
{
	static const char *sql_org = "SELECT name FROM organisation WHERE id = 1";
	json_t	*org = NULL;
	json_t	*view;

	if (db_row(rq->db, &org, sql_org, "") < 0) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* A moderator hears at once that a panel needs a reserve. */
	view = json_pack("{s:s, s:o, s:o, s:o, s:b, s:b, "
	    "s:o}", "title", "Home",
	    "needs_reserves", lots_needing_reserves(rq->db,
	    rq->who.account_id),
	    "organisation", org ? org : json_object(),
	    "grants", account_grants_view(rq->db, rq->who.account_id),
	    "is_staff", access_any(&rq->who, ROLES_STAFF),
	    "has_role", rq->who.ngrants > 0,
	    "notice", password_notice(rq));
	/* A moderator who holds only the evaluator role reaches their lots
	 * from home, as from the Procurement page. */
	lots_moderated_add(view, rq->db, rq->who.account_id);
	ownerless_add(rq, view);
	/* A named worker finds the people whose plans they make (names
	 * only: opening a plan is the recorded read). */
	if (view != NULL) {
		json_t	*mine = plans_of_worker(rq->db, rq->who.account_id);

		json_object_set_new(view, "has_my_plans",
		    json_boolean(json_array_size(mine) > 0));
		json_object_set_new(view, "my_plans", mine ? mine :
		    json_array());
	}
	peer_home_add(rq, view);
	decisions_add(rq, view);
	now_add(rq, view);
	response_view(rs, "home", view);
}

void
healthz(struct request *rq, struct response *rs)
{
	static const char *sql = "SELECT count(*) FROM schema_migrations";
	int64_t	 n;

	if (db_int(rq->db, &n, sql, "") <= 0) {
		response_error(rs, 503, "The database is not ready.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/json");
	buf_puts(&rs->body, "{\"status\":\"ok\"}\n");
}
