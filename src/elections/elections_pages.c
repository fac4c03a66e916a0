/*
 * An election's pages: the group's list, a new election, the election
 * itself, nominations, the group's proxy rule, proxies, paper ballots
 * handed out, and the moves from nominations to voting to closed.
 *
 * No page shows a count or a result before the poll is closed
 * (election_count_visible): the election page carries one only then.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* Who nominates: the group's members, reps and staff. */
#define WRITERS	(ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) | ROLES_STAFF)

int
election_staff(const struct request *rq, const json_t *e)
{
	return access_covers(&rq->who, ROLES_STAFF, view_int(e, "site_id"),
	    view_int(e, "group_id"));
}

void
election_labels(json_t *e, enum election_phase phase)
{
	json_object_set_new(e, "position_label", json_string(choice_label(
	    election_positions, view_str(e, "position"))));
	json_object_set_new(e, "method_label", json_string(choice_label(
	    election_methods, view_str(e, "method"))));
	json_object_set_new(e, "phase_label",
	    json_string(election_phase_label(phase)));
	json_object_set_new(e, "stv", json_boolean(strcmp(view_str(e,
	    "method"), "stv") == 0));
	/* The stored sheet is shown through the count page, never raw. */
	json_object_del(e, "result");
	json_object_del(e, "lot_seed");
}

json_t *
election_for_page(struct request *rq, struct response *rs,
    enum election_phase *phase)
{
	json_t	*e;
	char	 today[DATE_CHARS + 1];

	if (election_load(rq->db, rq->ids[0], &e) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	date_today(rq->now, today);
	*phase = election_phase(e, today);
	return e;
}

void
elections_index(struct request *rq, struct response *rs)
{
	json_t	*group, *rows, *row;
	char	 today[DATE_CHARS + 1];
	size_t	 i;

	if ((group = group_for_page(rq, rs)) == NULL)
		return;
	date_today(rq->now, today);
	rows = election_list(rq->db, rq->ids[0]);
	json_array_foreach(rows, i, row)
		election_labels(row, election_phase(row, today));
	response_view(rs, "elections/list", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Elections"), "group", group, "elections", rows));
}

/* The order of the three dates (each not before today: the field
 * table), checked with the fields so every error shows in one answer. */
static int
election_rules(const json_t *v, json_t *errors)
{
	const char *close = json_string_value(json_object_get(v,
	    "nominations_close_on"));
	const char *opens = json_string_value(json_object_get(v,
	    "voting_opens_on"));
	const char *closes = json_string_value(json_object_get(v,
	    "voting_closes_on"));

	if (close != NULL && opens != NULL && strcmp(opens, close) < 0)
		form_error(errors, "voting_opens_on", N_("Voting opens on or after "
		    "the day nominations close"));
	if (opens != NULL && closes != NULL && strcmp(closes, opens) < 0)
		form_error(errors, "voting_closes_on", N_("Voting closes on or after "
		    "the day it opens"));
	return 0;
}

static int
election_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	date_today(rq->now, today);
	rc = election_add(rq->db, rq->who.account_id, rq->ids[0], v, today,
	    &id);
	if (rc == DB_OK)
		*location = location_of("/elections/%lld", id);
	return rc;
}

static json_t *
election_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1], later[DATE_CHARS + 1];
	char	 closes[DATE_CHARS + 1];
	json_t	*initial;

	(void)rs;
	(void)group;
	(void)refused;
	date_today(rq->now, today);
	date_add_days(today, ELECTION_NOMINATION_DAYS, later);
	date_add_days(later, ELECTION_VOTING_DAYS, closes);
	initial = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "position",
	    "chair", "seats", "1", "method", "fptp", "nominations_close_on",
	    later, "voting_opens_on", later, "voting_closes_on", closes,
	    "term_months", "12");
	fp->initial = initial;
	return initial;
}

void
elections_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/elections", "name", election_prepare,
	};
	struct form_page fp = {
		.title = N_("Call an election"),
		.submit = N_("Open nominations"),
		.fields = election_fields, .nfields = election_fields_count,
		.save = election_store, .rules = election_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
rules_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = election_rules_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/elections", rq->ids[0]);
	return rc;
}

void
elections_rules(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		election_rules_load, "/groups/%lld/elections", "name",
		form_initial_record,
	};
	struct form_page fp = {
		.title = N_("How the group votes"), .submit = N_("Save"),
		.fields = election_rules_fields,
		.nfields = election_rules_fields_count, .save = rules_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Shared by the proxy and paper-ballot forms: staff, a phase, and the
 * group's voters as the choices.  Static tables; the strings are
 * literals. */
struct roll_form {
	unsigned	 phases;
	const char	*refusal;
	int		 needs_proxy_rule;
};

/* A proxy is recorded until the poll closes; a paper ballot is given
 * out while it is open.  The forms refuse, and the election's page
 * offers them, by these phases alone. */
static const struct roll_form proxy_form = {
	1u << PHASE_NOMINATIONS | 1u << PHASE_NOMINATIONS_CLOSED |
	1u << PHASE_VOTING, N_("The poll has closed."), 1,
};
static const struct roll_form paper_form = {
	1u << PHASE_VOTING, N_("The poll is not open."), 0,
};

/* The votes of left that members asked the reader to cast for them
 * (votes_left marks them "proxy"): the page names whose they are. */
static json_t *
proxies_left(const json_t *left)
{
	json_t		*out = json_array();
	const json_t	*o;
	size_t		 i;

	json_array_foreach(left, i, o)
		if (json_is_true(json_object_get(o, "proxy")))
			json_array_append_new(out, json_pack("{s:O}", "name",
			    json_object_get(o, "label")));
	return out;
}

/* The voter the signed-in account is, with what they may do now. */
static void
voter_view(struct request *rq, json_t *view, const json_t *e,
    enum election_phase phase, const char *today)
{
	int64_t	 me = account_person(rq->db, rq->who.account_id);
	int	 eligible, voted;
	json_t	*held, *left;

	if (me == 0)
		return;
	eligible = voter_eligible(rq->db, view_int(e, "id"), me, today);
	voted = roll_has_voted(rq->db, view_int(e, "id"), me) == 1;
	held = view_int(e, "proxy_votes") ? proxies_held(rq->db, view_int(e,
	    "id"), me, today) : json_array();
	left = votes_left(rq->db, e, me, today);
	json_object_set_new(view, "voter", json_pack("{s:b, s:b, s:b, s:o, "
	    "s:o}", "eligible", eligible, "voted", voted, "can_vote",
	    phase == PHASE_VOTING && json_array_size(left) > 0,
	    "proxies_held", held, "proxies_left", proxies_left(left)));
	json_decref(left);
}

void
elections_show(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *view, *sheet = NULL;
	char		 today[DATE_CHARS + 1];
	int64_t		 eligible = 0, voted = 0;
	int		 staff, writer;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	date_today(rq->now, today);
	staff = election_staff(rq, e);
	writer = access_covers(&rq->who, WRITERS, view_int(e, "site_id"),
	    view_int(e, "group_id"));
	(void)roll_counts(rq->db, rq->ids[0], today, &eligible, &voted);
	if (election_count_visible(phase, staff)) {
		/* After the close only; answers 403 itself otherwise. */
		sheet = election_sheet_for(rq, rs, e, phase);
		if (sheet == NULL) {
			json_decref(e);
			return;
		}
	}
	election_labels(e, phase);
	view = json_pack("{s:s, s:o, s:o, s:{s:I, s:I}, s:b, s:b, s:b, s:b, "
	    "s:b, s:b, s:o}",
	    "title", N_("Election"), "election", e,
	    "candidates", candidate_list(rq->db, rq->ids[0]),
	    "turnout", "eligible", (json_int_t)eligible, "voted",
	    (json_int_t)voted,
	    "staff", staff, "can_nominate", writer && phase == PHASE_NOMINATIONS,
	    "can_open", staff && phase <= PHASE_NOMINATIONS_CLOSED &&
	    strcmp(today, view_str(e, "voting_opens_on")) >= 0,
	    "can_close", staff && phase == PHASE_VOTING &&
	    strcmp(today, view_str(e, "voting_closes_on")) >= 0,
	    "can_enter_papers", staff && (phase == PHASE_VOTING ||
	    phase == PHASE_CLOSED),
	    "can_publish", staff && phase == PHASE_CLOSED,
	    "result", sheet ? sheet : json_null());
	if (view != NULL) {
		voter_view(rq, view, e, phase, today);
		/* Where it is, as the easy-read page says it in words. */
		json_object_set_new(view, "nominating", json_boolean(
		    phase == PHASE_NOMINATIONS));
		json_object_set_new(view, "before_voting", json_boolean(
		    phase < PHASE_VOTING));
		json_object_set_new(view, "voting", json_boolean(
		    phase == PHASE_VOTING));
		json_object_set_new(view, "counting", json_boolean(
		    phase == PHASE_CLOSED));
		json_object_set_new(view, "published", json_boolean(
		    phase == PHASE_PUBLISHED));
		if (staff) {
			json_object_set_new(view, "can_record_proxy",
			    json_boolean(view_int(e, "proxy_votes") &&
			    (proxy_form.phases & 1u << phase)));
			json_object_set_new(view, "can_issue_paper",
			    json_boolean(paper_form.phases & 1u << phase));
			json_object_set_new(view, "proxies",
			    proxy_list(rq->db, rq->ids[0]));
			json_object_set_new(view, "batches",
			    batch_list(rq->db, rq->ids[0],
			    language_words(rq->lang)));
		}
	}
	response_view(rs, "elections/show", view);
}

/* Refuses (409) unless the election is in one of the phases allowed
 * (a bit mask of 1 << phase).  1 when refused. */
static int
phase_refuse(struct response *rs, enum election_phase phase, unsigned ok,
    const char *why)
{
	if (ok & (1u << phase))
		return 0;
	response_error(rs, 409, why);
	return 1;
}

/* Lives on the handler's stack for one request; owns nothing. */
struct nominate_ctx {
	int64_t	 me;		/* the nominating member, 0 for staff */
};

static int
nomination_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct nominate_ctx *nc = ctx;
	int64_t	 who = view_int(v, "person_id"), prop = view_int(v,
	    "proposer_id"), sec = view_int(v, "seconder_id");
	int	 rc;

	if (nc->me != 0 && prop != nc->me)
		form_error(errors, "proposer_id", N_("You can only nominate as "
		    "yourself: choose your own name as proposer"));
	if (sec == prop)
		form_error(errors, "seconder_id", N_("The seconder must be someone "
		    "other than the proposer"));
	else if (sec == who)
		form_error(errors, "seconder_id", N_("Candidates cannot second "
		    "themselves"));
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = form_constraint(candidate_add(rq->db, rq->who.account_id,
	    rq->ids[0], v), errors, "person_id", "That member is already "
	    "standing");
	if (rc == DB_OK)
		*location = location_of("/elections/%lld#candidates",
		    rq->ids[0]);
	return rc;
}

static json_t *
nomination_prepare(struct request *rq, struct response *rs, json_t *e,
    struct form_page *fp, int *refused)
{
	struct nominate_ctx *nc = fp->ctx;
	char		 today[DATE_CHARS + 1];
	json_t		*kept, *voters;

	date_today(rq->now, today);
	if (phase_refuse(rs, election_phase(e, today), 1u << PHASE_NOMINATIONS,
	    "Nominations are closed.")) {
		*refused = 1;
		return NULL;
	}
	nc->me = election_staff(rq, e) ? 0 : account_person(rq->db,
	    rq->who.account_id);
	if (!election_staff(rq, e) && nc->me == 0) {
		response_error(rs, 403, "Your account is not linked to a member "
		    "of the group: ask a coordinator to enter the nomination.");
		*refused = 1;
		return NULL;
	}
	voters = eligible_voters(rq->db, rq->ids[0], today);
	kept = json_pack("{s:{s:o, s:O, s:O}, s:{s:I}}", "options",
	    "person_id", eligible_candidates(rq->db, rq->ids[0], today),
	    "proposer_id", voters, "seconder_id", voters,
	    "initial", "proposer_id", (json_int_t)nc->me);
	json_decref(voters);
	return form_page_keep(fp, kept);
}

void
elections_nominate(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		election_load, "/elections/%lld", "group_name",
		nomination_prepare,
	};
	struct nominate_ctx nc = { 0 };
	struct form_page fp = {
		.title = N_("Nominate a candidate"), .submit = N_("Nominate"),
		.fields = nomination_fields, .nfields = nomination_fields_count,
		.save = nomination_store, .ctx = &nc,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static void
election_step(struct request *rq, struct response *rs, const char *from,
    const char *to)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = election_move(rq->db, rq->who.account_id, rq->ids[0], from, to,
	    today);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "The election has already moved on.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else {
		/* Closing shuffled the ballots (election_move): the WAL's
		 * vote-by-vote page images go after the commit. */
		rs->checkpoint_after_commit = strcmp(to, "closed") == 0;
		response_redirect(rs, "/elections/%lld", (long long)rq->ids[0]);
	}
}

static void
election_unopposed(struct request *rq, struct response *rs, const json_t *e,
    const char *today)
{
	json_t	*sheet = election_count(rq->db, e);
	int	 rc;

	rc = sheet == NULL ? DB_ERROR : election_publish(rq->db,
	    rq->who.account_id, e, sheet, today);
	json_decref(sheet);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "The election has already moved on.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/elections/%lld/count",
		    (long long)rq->ids[0]);
}

void
elections_open(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *cands;
	char		 today[DATE_CHARS + 1];
	int		 refused;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	date_today(rq->now, today);
	cands = candidate_list(rq->db, rq->ids[0]);
	refused = phase_refuse(rs, phase, 1u << PHASE_NOMINATIONS |
	    1u << PHASE_NOMINATIONS_CLOSED, "Voting has already opened.");
	if (!refused && strcmp(today, view_str(e, "voting_opens_on")) < 0) {
		response_error(rs, 409, "Voting opens on the date set for it.");
		refused = 1;
	} else if (!refused && json_array_size(cands) == 0) {
		response_error(rs, 409, "Nobody is standing yet.");
		refused = 1;
	}
	/* No more names than places: no poll; the result is declared. */
	if (!refused && json_array_size(cands) <= (size_t)view_int(e, "seats"))
		election_unopposed(rq, rs, e, today);
	else if (!refused)
		election_step(rq, rs, "nominations", "voting");
	json_decref(cands);
	json_decref(e);
}

void
elections_close(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e;
	char		 today[DATE_CHARS + 1];
	int		 early;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	date_today(rq->now, today);
	/* Never before its last day: closing early would let whoever
	 * closes it see a count while others still meant to vote. */
	early = strcmp(today, view_str(e, "voting_closes_on")) < 0;
	json_decref(e);
	if (phase_refuse(rs, phase, 1u << PHASE_VOTING | 1u << PHASE_CLOSED,
	    "The poll is not open."))
		return;
	if (early)
		response_error(rs, 409, "The poll closes on the date set for it, "
		    "not before.");
	else
		election_step(rq, rs, "voting", "closed");
}


static json_t *
roll_prepare(struct request *rq, struct response *rs, json_t *e,
    struct form_page *fp, int *refused)
{
	const struct roll_form *rf = fp->ctx;
	char		 today[DATE_CHARS + 1];
	json_t		*kept, *voters;

	date_today(rq->now, today);
	if (phase_refuse(rs, election_phase(e, today), rf->phases,
	    rf->refusal)) {
		*refused = 1;
		return NULL;
	}
	if (rf->needs_proxy_rule && !view_int(e, "proxy_votes")) {
		response_error(rs, 409, "The group's rules do not allow voting "
		    "by proxy.");
		*refused = 1;
		return NULL;
	}
	voters = eligible_voters(rq->db, rq->ids[0], today);
	kept = json_pack("{s:O, s:o}", "person_id", voters, "proxy_id", voters);
	json_decref(voters);
	fp->options = kept;
	return kept;
}

static int
proxy_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	if (view_int(v, "person_id") == view_int(v, "proxy_id")) {
		form_error(errors, "proxy_id", N_("A proxy is someone else"));
		return DB_CONSTRAINT;
	}
	rc = proxy_add(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/elections/%lld", rq->ids[0]);
	return rc;
}

void
elections_proxy(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		election_load, "/elections/%lld", "group_name", roll_prepare,
	};
	struct form_page fp = {
		.title = N_("Record a proxy"), .submit = N_("Record the proxy"),
		.fields = proxy_fields, .nfields = proxy_fields_count,
		.save = proxy_store, .ctx = (void *)&proxy_form,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
paper_issue_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = form_constraint(roll_vote(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "person_id"), "paper", 0, NULL), errors, "person_id",
	    "That member has already voted or been given a paper");
	if (rc == DB_OK)
		*location = location_of("/elections/%lld", rq->ids[0]);
	return rc;
}

void
elections_paper_issue(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		election_load, "/elections/%lld", "group_name", roll_prepare,
	};
	struct form_page fp = {
		.title = N_("Give out a paper ballot"),
		.submit = N_("Mark on the roll"),
		.fields = paper_issue_fields,
		.nfields = paper_issue_fields_count,
		.save = paper_issue_store, .ctx = (void *)&paper_form,
	};

	form_page_record(rq, rs, &fp, &fr);
}
