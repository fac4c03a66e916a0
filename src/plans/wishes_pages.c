/*
 * Wishes and preferences: recorded in the person's words with their
 * worker, sent to a named responder with a deadline, answered with
 * reasons like a proposal's response (the same rule, answer_rules), and
 * escalated by the same weekly levels when overdue.  What awaits a
 * responder, and what is overdue at a coordinator's sites (who and with
 * whom, never the words), are audited reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../proposals/proposals.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static json_t *
wish_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	if (!plan_writer(rq, rs, view_int(person, "id"))) {
		*refused = 1;
		return NULL;
	}
	return form_page_keep(fp, json_pack("{s:{s:o}}", "options",
	    "responder_id", responder_options(rq->db,
	    view_int(person, "site_id"))));
}

void
wish_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		person_load, "/people/%lld/plan", "display_name", wish_prepare,
	};
	static const struct plan_write w = { wish_add, "responder_id",
	    N_("Choose who must answer from the list") };
	struct form_page fp = {
		.title = N_("Record a wish or preference"),
		.submit = N_("Send it"),
		.fields = wish_fields, .nfields = wish_fields_count,
		.save = plan_form_save, .ctx = (void *)&w,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
answer_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1], now[DATETIME_CHARS + 1];
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	datetime_now(rq->now, now);
	wish_answer_rules(v, today, errors);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = wish_answer(rq->db, rq->who.account_id, rq->ids[0], v, today,
	    now);
	if (rc == DB_OK)
		*location = strdup("/wishes/awaiting");
	return form_constraint(rc, errors, "kind", "This wish is not "
	    "waiting for your answer");
}

/* Only the responder it went to answers it; their reading is audited. */
static json_t *
answer_prepare(struct request *rq, struct response *rs, json_t *wish,
    struct form_page *fp, int *refused)
{
	(void)fp;
	if (view_int(wish, "responder_id") != rq->who.account_id) {
		response_error(rs, 403, "This wish was sent to someone else.");
		*refused = 1;
	} else if (audit_append(rq->db, rq->who.account_id, "plan.read",
	    "person", view_int(wish, "person_id"), "wish") != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
		*refused = 1;
	}
	return NULL;
}

void
wish_answer_page(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		wish_load, "/wishes/awaiting?wish=%lld", "text", answer_prepare,
	};
	struct form_page fp = {
		.title = N_("Answer the wish"), .submit = N_("Send the answer"),
		.fields = wish_answer_fields,
		.nfields = wish_answer_fields_count, .save = answer_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Records that the reader saw something of each row's person's plan. */
static int
audit_rows(struct request *rq, const json_t *rows, const char *what)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		if (audit_append(rq->db, rq->who.account_id, "plan.read",
		    "person", view_int(row, "person_id"), what) != DB_OK)
			return -1;
	return 0;
}

/* Adds how late each row is against its due_on, and its level. */
static void
escalate_rows(json_t *rows, const char *today)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		const char *due = view_str(row, "due_on");

		json_object_set_new(row, "days_overdue",
		    json_integer(date_diff_days(due, today)));
		json_object_set_new(row, "escalation",
		    json_integer(proposal_escalation(due, today)));
	}
}

void
wishes_awaiting_page(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*rows, *view;
	char		 today[DATE_CHARS + 1];

	if (paging_refused(&pg, rq, rs))
		return;
	date_today(rq->now, today);
	rows = wishes_awaiting(rq->db, rq->who.account_id, today, &pg);
	escalate_rows(rows, today);
	view = json_pack("{s:s, s:o}", "title", N_("Wishes awaiting your answer"),
	    "wishes", rows);
	paging_finish(&pg, rq, view, rows, "due_on");
	paging_clear(&pg);
	if (view != NULL && audit_rows(rq, rows, "wish awaiting") == -1) {
		json_decref(view);
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	response_view(rs, "plans/awaiting", view);
}

void
plans_overdue_page(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pw, pr;
	json_t			*wishes = NULL, *referrals = NULL, *view;
	char			 today[DATE_CHARS + 1];

	if (paging_refused_list(&pw, rq, rs, "wishes"))
		return;
	if (paging_refused_list(&pr, rq, rs, "referrals")) {
		paging_clear(&pw);
		return;
	}
	if (access_filter(&rq->who, ROLE_BIT(ROLE_COORDINATOR), 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		goto done;
	}
	date_today(rq->now, today);
	wishes = wishes_overdue(rq->db, &f, rq->who.account_id, today, &pw);
	referrals = referrals_escalating(rq->db, &f, rq->who.account_id, today,
	    &pr);
	escalate_rows(wishes, today);
	escalate_rows(referrals, today);
	view = json_pack("{s:s, s:O, s:O}", "title", N_("Plans: overdue answers "
	    "and referrals"), "wishes", wishes, "referrals", referrals);
	paging_finish(&pw, rq, view, wishes, "due_on");
	paging_finish(&pr, rq, view, referrals, "release_on");
	if (view != NULL && (audit_rows(rq, wishes, "overdue wish") == -1 ||
	    audit_rows(rq, referrals, "referral escalating") == -1)) {
		json_decref(view);
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else
		response_view(rs, "plans/overdue", view);
	scope_filter_clear(&f);
done:
	json_decref(wishes);
	json_decref(referrals);
	paging_clear(&pw);
	paging_clear(&pr);
}
