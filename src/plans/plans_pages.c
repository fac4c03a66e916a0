/*
 * A person's plan: the page their named worker and coordinators read
 * (audited), the person's own page and their sign-off ("is this
 * right?"), starting a plan with a named worker, and adding blue and
 * orange life cards and steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../proposals/proposals.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* How late each wish awaiting an answer is, and its escalation level. */
static void
wish_flags(json_t *wishes, const char *today)
{
	json_t		*w;
	const char	*due, *answer;
	size_t		 i;

	json_array_foreach(wishes, i, w) {
		due = view_str(w, "due_on");
		answer = json_string_value(json_object_get(w, "answer"));
		if (answer != NULL && (strcmp(answer, "needs_review") != 0 ||
		    date_diff_days(due, today) < 0))
			continue;
		json_object_set_new(w, "awaiting", json_true());
		json_object_set_new(w, "escalation",
		    json_integer(proposal_escalation(due, today)));
	}
}

/* An unacknowledged referral escalates as release comes near. */
static void
referral_flags(json_t *referrals, const json_t *release, const char *today)
{
	json_t	*r;
	char	 due[DATE_CHARS + 1];
	size_t	 i;

	if (release == NULL)
		return;
	referral_ack_due(view_str(release, "release_on"), due);
	json_array_foreach(referrals, i, r) {
		if (strcmp(view_str(r, "stage"), "made") != 0)
			continue;
		json_object_set_new(r, "ack_due_on", json_string(due));
		json_object_set_new(r, "escalation",
		    json_integer(proposal_escalation(due, today)));
	}
}

/* Splits cards into the blue life and the orange life. */
static void
cards_by_life(json_t *view, json_t *cards)
{
	json_t	*blue = json_array(), *orange = json_array(), *c;
	size_t	 i;

	json_array_foreach(cards, i, c)
		json_array_append(strcmp(view_str(c, "life"), "blue") == 0 ?
		    blue : orange, c);
	json_object_set_new(view, "blue", blue);
	json_object_set_new(view, "orange", orange);
	json_decref(cards);
}

json_t *
plan_view(struct db *db, json_t *person, const char *today)
{
	json_t	*view, *plan = NULL, *release = NULL, *wishes, *referrals;
	int64_t	 id = view_int(person, "id");

	if (plan_load(db, id, &plan) < 0 || release_load(db, id, &release) < 0)
		goto fail;
	wishes = plan_wishes(db, id);
	referrals = referral_list(db, id);
	wish_flags(wishes, today);
	referral_flags(referrals, release, today);
	view = json_pack("{s:O, s:o?, s:o, s:o, s:o?, s:o}", "person", person,
	    "plan", plan, "steps", plan_steps(db, id), "wishes", wishes,
	    "release", release, "referrals", referrals);
	if (view == NULL)
		return NULL;
	cards_by_life(view, plan_cards(db, id));
	return view;
fail:
	json_decref(plan);
	json_decref(release);
	return NULL;
}

/* The view of the plan for one reader, or NULL having answered. */
static json_t *
plan_page_view(struct request *rq, struct response *rs, int64_t person_id,
    const char *what)
{
	enum plan_reader reader;
	json_t		*person, *view;
	char		 today[DATE_CHARS + 1];

	if ((person = plan_open(rq, rs, person_id, what, &reader)) == NULL)
		return NULL;
	date_today(rq->now, today);
	view = plan_view(rq->db, person, today);
	json_decref(person);
	if (view == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	json_object_set_new(view, "is_person", json_boolean(reader ==
	    PLAN_PERSON));
	json_object_set_new(view, "may_edit", json_boolean(reader ==
	    PLAN_WORKER || reader == PLAN_COORDINATOR));
	json_object_set_new(view, "may_start", json_boolean(
	    reader == PLAN_COORDINATOR));
	return view;
}

void
plan_show(struct request *rq, struct response *rs)
{
	json_t	*view = plan_page_view(rq, rs, rq->ids[0], "page");

	if (view == NULL)
		return;
	json_object_set_new(view, "title", json_string(N_("Personal plan")));
	response_view(rs, "plans/plan", view);
}

void
plan_mine(struct request *rq, struct response *rs)
{
	int64_t	 person = account_person(rq->db, rq->who.account_id);
	json_t	*view;

	if (person == 0) {
		response_view(rs, "plans/plan_none", json_pack("{s:s}",
		    "title", N_("Your plan")));
		return;
	}
	if ((view = plan_page_view(rq, rs, person, "own")) == NULL)
		return;
	json_object_set_new(view, "title", json_string(N_("Your plan")));
	response_view(rs, "plans/plan", view);
}

void
plan_confirm_mine(struct request *rq, struct response *rs)
{
	int64_t	 person = account_person(rq->db, rq->who.account_id);
	char	 now[DATETIME_CHARS + 1];
	int	 rc;

	datetime_now(rq->now, now);
	rc = person == 0 ? DB_CONSTRAINT : plan_confirm(rq->db,
	    rq->who.account_id, person, now);
	if (rc == DB_OK)
		response_redirect(rs, "/account/plan");
	else
		response_after_move(rs, rc, "You do not have a plan yet.",
		    "/account/plan", 0);
}

int
plan_form_save(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct plan_write	*w = ctx;
	char			 today[DATE_CHARS + 1], now[DATETIME_CHARS + 1];
	int			 rc;

	date_today(rq->now, today);
	datetime_now(rq->now, now);
	rc = w->write(rq->db, rq->who.account_id, rq->ids[0], v, today, now);
	if (rc == DB_OK)
		*location = location_of("/people/%lld/plan", rq->ids[0]);
	return form_constraint(rc, errors, w->field, w->conflict);
}

/* Forms on a plan: only its named worker and coordinators covering the
 * person's site (never someone who declared treating them). */
static json_t *
plan_writer_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	(void)fp;
	if (!plan_writer(rq, rs, view_int(person, "id")))
		*refused = 1;
	return NULL;
}

static const struct form_record plan_writer_record = {
	person_load, "/people/%lld/plan", "display_name", plan_writer_prepare,
};

void
plan_card_new(struct request *rq, struct response *rs)
{
	static const struct plan_write w = { plan_card_add, "text",
	    N_("The plan is full: change it with them before adding more") };
	struct form_page fp = {
		.title = N_("Add to their blue or orange life"),
		.submit = N_("Add to their plan"),
		.fields = plan_card_fields, .nfields = plan_card_fields_count,
		.save = plan_form_save, .ctx = (void *)&w,
	};

	form_page_record(rq, rs, &fp, &plan_writer_record);
}

void
plan_step_new(struct request *rq, struct response *rs)
{
	static const struct plan_write w = { plan_step_add, "text",
	    N_("The plan has as many steps as it can hold") };
	struct form_page fp = {
		.title = N_("Add a step"), .submit = N_("Add this step"),
		.fields = plan_step_fields, .nfields = plan_step_fields_count,
		.save = plan_form_save, .ctx = (void *)&w,
	};

	form_page_record(rq, rs, &fp, &plan_writer_record);
}

static json_t *
start_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	json_t	*plan = NULL, *kept;
	int	 r = plan_reader_of(rq->db, &rq->who, view_int(person, "id"));

	/* A coordinator who declared treating them names no one. */
	if (r != PLAN_COORDINATOR) {
		response_error(rs, r < 0 ? 500 : 403, r < 0 ?
		    "Something went wrong." : N_("Only coordinators at "
		    "their site name a plan's worker."));
		*refused = 1;
		return NULL;
	}
	if (rq->method == HTTP_GET && !plan_read_recorded(rq, rs,
	    view_int(person, "id"), "form")) {
		*refused = 1;
		return NULL;
	}
	if (plan_load(rq->db, view_int(person, "id"), &plan) < 0)
		plan = NULL;
	kept = json_pack("{s:{s:o}, s:o}", "options", "worker_id",
	    worker_options(rq->db, view_int(person, "site_id"),
	    view_int(person, "id")), "initial", plan != NULL ? plan :
	    json_object());
	return form_page_keep(fp, kept);
}

void
plan_start_page(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_load, "/people/%lld/plan", "display_name", start_prepare,
	};
	static const struct plan_write w = { plan_start, "worker_id",
	    N_("Choose someone who works at their site") };
	struct form_page fp = {
		.title = N_("Their plan's named worker"), .submit = N_("Save"),
		.fields = plan_start_fields, .nfields = plan_start_fields_count,
		.save = plan_form_save, .ctx = (void *)&w,
	};

	form_page_record(rq, rs, &fp, &fr);
}
