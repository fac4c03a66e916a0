/*
 * Casting a vote online, for oneself or as a proxy.  The ballot form
 * names each candidate; first past the post ticks up to `seats` names
 * ("mark"), STV numbers them ("pref_ID" = 1, 2, 3...).
 *
 * The vote is one transaction (dispatch's BEGIN IMMEDIATE, writers
 * queued on one lock): the roll row, whose primary key refuses a second
 * vote by the same person, then the ballot with a random key.  Two
 * requests at once both try; one commits, the other finds the roll row
 * and gets 409 with nothing stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

json_t *
votes_left(struct db *db, const json_t *e, int64_t me, const char *today)
{
	json_t	*opts = json_array(), *held, *o;
	int64_t	 id = view_int(e, "id");
	size_t	 i;

	if (voter_eligible(db, id, me, today) &&
	    roll_has_voted(db, id, me) == 0)
		json_array_append_new(opts, json_pack("{s:I, s:s}", "value",
		    (json_int_t)me, "label", N_("Myself")));
	if (view_int(e, "proxy_votes")) {
		held = proxies_held(db, id, me, today);
		json_array_foreach(held, i, o)
			json_object_set_new(o, "proxy", json_true());
		json_array_extend(opts, held);
		json_decref(held);
	}
	/* Only one vote left: it is whose this paper is. */
	if (json_array_size(opts) == 1)
		json_object_set_new(json_array_get(opts, 0), "selected",
		    json_true());
	return opts;
}

/* The error for a paper that does not say whose vote it is, naming only
 * what the paper offers: the reader's own vote, the votes members asked
 * them to cast (a proxy vote), or both. */
static const char *
whose_error(const json_t *for_opts, int64_t me)
{
	const json_t	*o;
	size_t		 i;
	int		 own = 0, proxies = 0;

	json_array_foreach(for_opts, i, o) {
		if (view_int(o, "value") == me)
			own = 1;
		else
			proxies = 1;
	}
	if (own && proxies)
		return N_("Choose whose vote this is: yours, or one a member "
		    "asked you to cast for them");
	if (proxies)
		return N_("Choose whose vote this is: a member who asked you "
		    "to vote for them");
	return N_("Choose “Myself”: this is your own vote");
}

/* What the paper said when it came back with an error, so nobody types
 * their numbers again: each candidate's number or tick and whose vote it
 * was, from body (the refused POST; NULL for a blank paper). */
static void
ballot_as_sent(const struct form *body, json_t *cands, json_t *for_opts)
{
	char		 name[BALLOT_FIELD_CHARS];
	const char	*v;
	json_t		*c;
	size_t		 i, k;

	if (body == NULL)
		return;
	json_array_foreach(cands, i, c) {
		snprintf(name, sizeof(name), "pref_%lld",
		    (long long)view_int(c, "id"));
		if ((v = form_get(body, name)) != NULL)
			json_object_set_new(c, "pref", json_string(v));
		for (k = 0; (v = form_get_nth(body, "mark", k)) != NULL; k++)
			if (strtoll(v, NULL, 10) == view_int(c, "id"))
				json_object_set_new(c, "marked", json_true());
	}
	json_array_foreach(for_opts, i, c)
		json_object_set_new(c, "selected", json_boolean(
		    view_int(c, "value") == form_get_id(body, "for") ||
		    json_array_size(for_opts) == 1));
}

/* Marks the refused box beside itself, as fields.html marks a form's
 * field: whose vote it is ("for": the view's for_error), the names as a
 * whole ("mark", "candidates": candidates_error) or one name's number
 * ("pref_ID": that candidate's error). */
static void
ballot_error_mark(json_t *view, json_t *cands, const char *field,
    const json_t *error)
{
	char		 name[BALLOT_FIELD_CHARS];
	json_t		*c, *beside;
	size_t		 i;

	if (strcmp(field, "for") == 0 || strcmp(field, "mark") == 0 ||
	    strcmp(field, "candidates") == 0) {
		if ((beside = json_object()) == NULL)
			return;
		fields_error_show(beside, error);
		json_object_set_new(view, strcmp(field, "for") == 0 ?
		    "for_error" : "candidates_error", beside);
		return;
	}
	json_array_foreach(cands, i, c) {
		snprintf(name, sizeof(name), "pref_%lld", (long long)view_int(c,
		    "id"));
		if (strcmp(name, field) == 0)
			fields_error_show(c, error);
	}
}

/* The ballot, with every one of errors (NULL: none; taken) beside its
 * box and in the summary. */
static void
vote_page(struct response *rs, int status, json_t *e, json_t *cands,
    json_t *for_opts, const struct form *body, json_t *errors)
{
	json_t	*view, *error;
	size_t	 i;

	ballot_as_sent(body, cands, for_opts);
	if (errors == NULL)
		errors = json_array();
	view = json_pack("{s:s, s:o, s:o, s:o, s:O, s:b}", "title", N_("Vote"),
	    "election", e, "candidates", cands, "for", for_opts,
	    "errors", errors, "has_errors", json_array_size(errors) > 0);
	if (view != NULL)
		json_array_foreach(errors, i, error)
			ballot_error_mark(view, cands, view_str(error,
			    "field"), error);
	json_decref(errors);
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, status, "elections/vote", view);
}

/* The ticked names, in ballot order, as a JSON array of candidate ids:
 * NULL with its error added to errors when the paper is not valid. */
static json_t *
ranking_fptp(const struct form *body, const json_t *cands, size_t seats,
    json_t *errors)
{
	json_t		*out = json_array(), *c;
	const char	*v, *why = NULL;
	char		*end;
	long long	 id;
	size_t		 k, i, n = 0;

	for (k = 0; (v = form_get_nth(body, "mark", k)) != NULL; k++) {
		id = strtoll(v, &end, 10);
		json_array_foreach(cands, i, c)
			if (*end == '\0' && id == view_int(c, "id"))
				break;
		if (i == json_array_size(cands)) {
			why = N_("Choose from the names on the paper");
			goto bad;
		}
		for (i = 0; i < json_array_size(out); i++)
			if (json_integer_value(json_array_get(out, i)) == id) {
				why = N_("Tick each name once");
				goto bad;
			}
		json_array_append_new(out, json_integer(id));
		n++;
	}
	if (n == 0)
		why = N_("Tick the name you vote for");
	else if (n > seats)
		why = N_("You ticked more names than there are places");
	else
		return out;
bad:
	form_error(errors, "mark", why);
	json_decref(out);
	return NULL;
}

/* Numbered names: 1, 2, 3... with no gaps or repeats.  Every box at
 * fault gets its own error, naming its candidate, so one look at the
 * paper shows all there is to put right; NULL when there is any. */
static json_t *
ranking_stv(const struct form *body, const json_t *cands, json_t *errors)
{
	char		 name[BALLOT_FIELD_CHARS];
	size_t		 n = json_array_size(cands), i, k = 0, had;
	int64_t		*by_rank;
	json_t		*out, *c;
	const char	*v;
	char		*end;
	long		 r;

	if ((by_rank = calloc(n + 1, sizeof(*by_rank))) == NULL)
		return NULL;
	had = json_array_size(errors);
	json_array_foreach(cands, i, c) {
		snprintf(name, sizeof(name), "pref_%lld", (long long)view_int(c,
		    "id"));
		v = form_get(body, name);
		if (v == NULL || *v == '\0')
			continue;
		r = strtol(v, &end, 10);
		if (*end != '\0' || r < 1 || (size_t)r > n)
			form_error_words(errors, name, N_("{name}: use a number "
			    "from 1 to {n}, the number of names"), json_pack(
			    "{s:s, s:I}", "name", view_str(c, "display_name"),
			    "n", (json_int_t)n));
		else if (by_rank[r] != 0)
			form_error_words(errors, name, N_("{name}: {r} is "
			    "next to another name too; use each number once"),
			    json_pack("{s:s, s:I}", "name", view_str(c,
			    "display_name"), "r", (json_int_t)r));
		else {
			by_rank[r] = view_int(c, "id");
			k++;
		}
	}
	out = json_array();
	for (i = 1; i <= k && json_array_size(errors) == had; i++) {
		if (by_rank[i] == 0)
			form_error(errors, "candidates", N_("Number the names "
			    "1, 2, 3... without a gap"));
		else
			json_array_append_new(out, json_integer(by_rank[i]));
	}
	free(by_rank);
	if (k == 0 && json_array_size(errors) == had)
		form_error(errors, "candidates", N_("Put 1 next to your first "
		    "choice"));
	if (json_array_size(errors) > had) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* Whether the caller may know if for_id has voted: it is themselves,
 * or a member who named them proxy.  Nobody else's vote is their
 * business, so for anyone else the answer is the same 422 whether or
 * not that member has voted. */
static int
vote_is_mine(struct request *rq, int64_t election, int64_t for_id,
    int64_t me)
{
	int64_t	 proxy = 0;

	return for_id != 0 && (for_id == me || (proxy_for(rq->db, election,
	    for_id, &proxy) > 0 && proxy == me));
}

static void
vote_cast(struct request *rq, struct response *rs, json_t *e, json_t *cands,
    json_t *for_opts, int64_t me, const char *today)
{
	json_t		*ranking, *o, *errors;
	char		*text;
	int64_t		 for_id = form_get_id(&rq->body, "for");
	size_t		 i;
	int		 rc;

	/* Voted already (a request racing this one may have just done it):
	 * the same answer as the roll's primary key gives below; asked only
	 * about the caller's own vote or one they hold by proxy. */
	if (vote_is_mine(rq, view_int(e, "id"), for_id, me) &&
	    roll_has_voted(rq->db, view_int(e, "id"), for_id) == 1) {
		response_error(rs, 409, "That vote has already been cast.");
		goto out;
	}
	/* One of the caller's options, and (checked again here, not only
	 * by the options' query) still a voter today.  Every error at once:
	 * whose vote it is and each box of the paper. */
	errors = json_array();
	json_array_foreach(for_opts, i, o)
		if (view_int(o, "value") == for_id)
			break;
	if (i == json_array_size(for_opts) ||
	    !voter_eligible(rq->db, view_int(e, "id"), for_id, today))
		form_error(errors, "for", whose_error(for_opts, me));
	if (strcmp(view_str(e, "method"), "stv") == 0)
		ranking = ranking_stv(&rq->body, cands, errors);
	else
		ranking = ranking_fptp(&rq->body, cands,
		    (size_t)view_int(e, "seats"), errors);
	if (ranking == NULL || json_array_size(errors) > 0) {
		if (json_array_size(errors) == 0)
			form_error(errors, "", N_("Something went wrong."));
		json_decref(ranking);
		vote_page(rs, 422, e, cands, for_opts, &rq->body, errors);
		return;
	}
	json_decref(errors);
	text = json_dumps(ranking, JSON_COMPACT);
	json_decref(ranking);
	rc = text == NULL ? DB_ERROR : roll_vote(rq->db, rq->who.account_id,
	    view_int(e, "id"), for_id, for_id == me ? "online" : "proxy",
	    for_id == me ? 0 : me, text);
	free(text);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "That vote has already been cast.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/elections/%lld?voted=1",
		    (long long)view_int(e, "id"));
out:
	json_decref(e);
	json_decref(cands);
	json_decref(for_opts);
}

void
elections_vote(struct request *rq, struct response *rs)
{
	enum election_phase phase;
	json_t		*e, *cands, *for_opts;
	char		 today[DATE_CHARS + 1];
	int64_t		 me;

	if ((e = election_for_page(rq, rs, &phase)) == NULL)
		return;
	if (phase != PHASE_VOTING) {
		json_decref(e);
		response_error(rs, 409, "The poll is not open.");
		return;
	}
	if ((me = account_person(rq->db, rq->who.account_id)) == 0) {
		json_decref(e);
		response_error(rs, 403, "Your account is not linked to a member "
		    "of the group. Ask for a paper ballot.");
		return;
	}
	date_today(rq->now, today);
	election_labels(e, phase);
	cands = candidate_list(rq->db, rq->ids[0]);
	for_opts = votes_left(rq->db, e, me, today);
	if (rq->method == HTTP_POST) {
		vote_cast(rq, rs, e, cands, for_opts, me, today);
		return;
	}
	if (json_array_size(for_opts) == 0) {
		json_decref(e);
		json_decref(cands);
		json_decref(for_opts);
		response_error(rs, 409, "You have already voted, or are not on "
		    "the roll.");
		return;
	}
	vote_page(rs, 200, e, cands, for_opts, NULL, NULL);
}
