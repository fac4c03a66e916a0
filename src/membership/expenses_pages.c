/*
 * Volunteers' expenses: claiming (with a receipt, checked by its bytes as
 * meeting papers are), the claimant's own list, the coordinator's
 * decision with a reason, marking paid, and the receipt download.  A
 * volunteer sees only their own claims: the list is chosen in SQL by
 * claimant, and a claim's page is for its claimant or staff covering its
 * group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../render/upload_check.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* amount_pence as "12.50" and kind and state as words (in place). */
static void
claim_labels(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	expense_labels(rows);
	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "is_submitted", json_boolean(
		    strcmp(view_str(row, "state"), "submitted") == 0));
		json_object_set_new(row, "is_approved", json_boolean(
		    strcmp(view_str(row, "state"), "approved") == 0));
	}
}

/* Whether the claim is the signed-in user's own: nobody decides or
 * marks paid their own claim. */
static int
own_claim(const struct request *rq, const json_t *claim)
{
	return view_int(claim, "claimant_id") == rq->who.account_id;
}

static int
claim_staff(const struct request *rq, const json_t *claim)
{
	return access_covers(&rq->who, ROLES_STAFF, view_int(claim, "site_id"),
	    view_int(claim, "group_id"));
}

void
expenses_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pm, pc;
	json_t			*mine, *theirs, *view;
	const char		*state = paging_filter(rq, "state");
	int			 staff = access_any(&rq->who, ROLES_STAFF);

	if (paging_refused_list(&pm, rq, rs, "mine"))
		return;
	if (paging_refused_list(&pc, rq, rs, "claims")) {
		paging_clear(&pm);
		return;
	}
	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		goto done;
	}
	mine = expense_list(rq->db, &f, rq->who.account_id, NULL, &pm);
	theirs = staff ? expense_list(rq->db, &f, 0, state, &pc) :
	    json_array();
	claim_labels(mine);
	claim_labels(theirs);
	view = json_pack("{s:s, s:o, s:o, s:b, s:o, s:i}", "title",
	    "Expenses", "mine", mine, "claims", theirs, "is_staff", staff,
	    "filter", paging_filter_view("state", N_("State"), expense_states,
	    state), "export_rows_max", EXPORT_ROWS_MAX);
	paging_finish(&pm, rq, view, mine, NULL);
	paging_finish(&pc, rq, view, theirs, NULL);
	response_view(rs, "membership/expenses", view);
	scope_filter_clear(&f);
done:
	paging_clear(&pm);
	paging_clear(&pc);
}

/* The receipt part, if one was sent: checked, or an error for it. */
static int
receipt_check(struct request *rq, json_t *errors,
    const struct form_field **file, struct filetype *type)
{
	*file = form_get_file(&rq->body, "receipt");
	if (*file != NULL && (*file)->len == 0)
		*file = NULL;
	if (*file != NULL && !upload_check((const unsigned char *)
	    (*file)->value, (*file)->len, (*file)->filename, type)) {
		form_error(errors, "receipt", N_("The receipt must be a PNG or "
		    "JPEG photo or a PDF, named for what it is"));
		return -1;
	}
	return 0;
}

/* The same person, date, kind and amount as a claim not rejected is
 * most often the same journey claimed twice: held back until ticked. */
static void
duplicate_check(struct request *rq, const json_t *v, int64_t pence,
    json_t *errors)
{
	char	 amount[32];
	int64_t	 id;

	if (expense_duplicate(rq->db, rq->who.account_id, view_str(v, "kind"),
	    view_str(v, "incurred_on"), pence, &id) <= 0)
		return;
	money_format(pence, amount, sizeof(amount));
	form_error_words(errors, "confirm_duplicate", N_("You have already "
	    "claimed \xc2\xa3{amount} ({kind | t}) on {date | date} (claim "
	    "{claim}). Tick that this is a separate claim, or cancel it"),
	    json_pack("{s:s, s:s, s:s, s:I}", "amount", amount, "kind",
	    choice_label(expense_kinds, view_str(v, "kind")), "date",
	    view_str(v, "incurred_on"), "claim", (json_int_t)id));
}

/* The amount, checked with the fields (a date ahead is the table's), so
 * a bad amount and another bad field show in one answer. */
static int
claim_rules(const json_t *v, json_t *errors)
{
	const char	*amount = json_string_value(json_object_get(v, "amount"));

	if (amount != NULL && money_parse_pence(amount, EXPENSE_PENCE_MAX) <= 0)
		form_error_words(errors, "amount", N_("{label | t}: enter "
		    "pounds and pence, like 12.50, up to 1000.00"),
		    json_pack("{s:s}", "label", N_("Amount in pounds")));
	return 0;
}

static int
claim_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct form_field	*file;
	struct filetype		 type = { NULL, NULL };
	char			 today[DATE_CHARS + 1];
	int64_t			 pence, id;
	int			 rc;

	(void)ctx;
	date_today(rq->now, today);
	pence = money_parse_pence(view_str(v, "amount"), EXPENSE_PENCE_MAX);
	receipt_check(rq, errors, &file, &type);
	if (json_is_integer(json_object_get(v, "meeting_id")) &&
	    expense_meeting_group(rq->db, view_int(v, "meeting_id")) !=
	    view_int(v, "group_id"))
		form_error(errors, "meeting_id", N_("Choose a meeting of the group "
		    "the claim is for"));
	if (json_array_size(errors) == 0 && !json_is_true(json_object_get(v,
	    "confirm_duplicate")))
		duplicate_check(rq, v, pence, errors);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = expense_add(rq->db, rq->who.account_id, v, pence, type.mime,
	    type.ext, file ? file->value : NULL, file ? file->len : 0, today,
	    &id);
	if (rc == DB_OK)
		*location = location_of("/expenses/%lld", id);
	return rc;
}

void
expenses_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Claim expenses"), .submit = N_("Send the claim"),
		.back = "/expenses", .fields = expense_fields,
		.nfields = expense_fields_count, .save = claim_store,
		.rules = claim_rules, .template = "membership/expense_form",
	};
	struct scope_filter	 f;
	char			 today[DATE_CHARS + 1];
	json_t			*options, *initial;

	/* A claim is for work in a group the claimant's grants reach. */
	if (access_filter(&rq->who, ROLES_ALL, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	date_today(rq->now, today);
	options = json_pack("{s:o, s:o}", "group_id", group_list_options(
	    rq->db, &f), "meeting_id", expense_meeting_options(rq->db, &f,
	    today, language_words(rq->lang)));
	initial = json_pack("{s:s}", "incurred_on", today);
	fp.options = options;
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	json_decref(options);
	json_decref(initial);
	scope_filter_clear(&f);
}

/* Loads the claim for its claimant or staff covering it: 1, or 0 with
 * the response answered. */
static int
claim_for_reader(struct request *rq, struct response *rs, json_t **claim)
{
	if (expense_load(rq->db, rq->ids[0], claim) <= 0) {
		response_error(rs, 404, "Page not found.");
		return 0;
	}
	if (!own_claim(rq, *claim) && !claim_staff(rq, *claim)) {
		json_decref(*claim);
		response_denied(rs);
		return 0;
	}
	return 1;
}

void
expenses_show(struct request *rq, struct response *rs)
{
	json_t	*claim, *rows, *view;
	int	 staff;

	if (!claim_for_reader(rq, rs, &claim))
		return;
	staff = claim_staff(rq, claim);
	rows = json_pack("[o]", claim);
	claim_labels(rows);
	view = json_pack("{s:s, s:O, s:b, s:b}", "title", N_("Expense claim"),
	    "claim", json_array_get(rows, 0), "is_staff", staff, "own",
	    own_claim(rq, json_array_get(rows, 0)));
	json_decref(rows);
	response_view(rs, "membership/expense", view);
}

static int
decide_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*claim = ctx;
	char		 today[DATE_CHARS + 1];
	int		 rc;

	if (strcmp(view_str(v, "decision"), "rejected") == 0 &&
	    !json_is_string(json_object_get(v, "reason")))
		form_error(errors, "reason",
		    N_("Give the reason for rejecting it"));
	if (own_claim(rq, claim))
		form_error(errors, "decision", N_("Someone else must decide your "
		    "own claim"));
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	date_today(rq->now, today);
	rc = expense_decide(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = location_of("/expenses/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "decision",
	    "This claim has already been decided");
}

void
expenses_decide(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		expense_load, "/expenses/%lld", "claimant_name",
		form_record_as_ctx,
	};
	struct form_page fp = {
		.title = N_("Decide the claim"), .submit = N_("Save decision"),
		.fields = expense_decision_fields,
		.nfields = expense_decision_fields_count, .save = decide_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
expenses_mark_paid(struct request *rq, struct response *rs)
{
	json_t	*claim;
	char	 today[DATE_CHARS + 1];
	int	 rc, own;

	if (expense_load(rq->db, rq->ids[0], &claim) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	own = own_claim(rq, claim);
	json_decref(claim);
	if (own) {
		response_error(rs, 403, "Someone else must mark your own "
		    "claim paid.");
		return;
	}
	date_today(rq->now, today);
	rc = expense_paid(rq->db, rq->who.account_id, rq->ids[0], today);
	response_after_move(rs, rc, "Only an approved claim can be marked "
	    "paid, and only once.", "/expenses/%lld", rq->ids[0]);
}

void
expenses_receipt_get(struct request *rq, struct response *rs)
{
	json_t	*claim;
	char	*mime, *ext;
	int	 rc;

	if (!claim_for_reader(rq, rs, &claim))
		return;
	rc = expense_receipt(rq->db, rq->ids[0], &rs->body, &mime, &ext);
	response_download(rs, rc, mime, ext, language_words(rq->lang),
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {description} and {incurred_on}, the claim's. */
	    N_("receipt-{description}-{incurred_on}"), claim);
	json_decref(claim);
}
