/*
 * Seats on a board: the group's seats and their schedules (every member
 * of the group may see them), a new seat, and swapping a turn.
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
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* The seat with its labels, members and schedule from today. */
static json_t *
seat_view(struct db *db, int64_t id, const char *today)
{
	json_t	*seat;

	if (seat_load(db, id, &seat) <= 0)
		return NULL;
	json_object_set_new(seat, "kind_label", json_string(choice_label(
	    seat_kinds, view_str(seat, "kind"))));
	json_object_set_new(seat, "rotation_label", json_string(choice_label(
	    seat_rotations, view_str(seat, "rotation"))));
	json_object_set_new(seat, "rotating", json_boolean(strcmp(view_str(seat,
	    "kind"), "rotating") == 0));
	json_object_set_new(seat, "members", seat_members(db, id));
	json_object_set_new(seat, "schedule", seat_schedule_view(db, seat,
	    today));
	json_object_set_new(seat, "past", seat_past_view(db, seat, today));
	json_object_set_new(seat, "swaps", seat_swap_list(db, id));
	return seat;
}

void
seats_index(struct request *rq, struct response *rs)
{
	json_t	*group, *ids, *row, *seats;
	char	 today[DATE_CHARS + 1];
	size_t	 i;

	if ((group = group_for_page(rq, rs)) == NULL)
		return;
	date_today(rq->now, today);
	ids = seat_list(rq->db, rq->ids[0]);
	seats = json_array();
	json_array_foreach(ids, i, row)
		json_array_append_new(seats, seat_view(rq->db, view_int(row,
		    "id"), today));
	json_decref(ids);
	response_view(rs, "elections/seats", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Seats"), "group", group, "seats", seats));
}

/* Checked with the fields, so every error shows in one answer. */
static int
seat_rules(const json_t *v, json_t *errors)
{
	size_t	 n = json_array_size(json_object_get(v, "members"));

	if (strcmp(view_str(v, "rotation"), "period") == 0 &&
	    !json_is_integer(json_object_get(v, "period_days")))
		form_error(errors, "period_days", N_("Give the days in a period, "
		    "1 or more"));
	if (strcmp(view_str(v, "kind"), "fixed") == 0 && n != 1)
		form_error(errors, "members", N_("A fixed seat has exactly one "
		    "holder"));
	else if (n > SEAT_MEMBERS_MAX)
		form_error(errors, "members",
		    N_("Too many members for one seat"));
	return 0;
}

static int
seat_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	rc = form_constraint(seat_add(rq->db, rq->who.account_id, rq->ids[0],
	    v, &id), errors, "name", "The group already has a seat of that "
	    "name");
	if (rc == DB_OK)
		*location = location_of("/seats/%lld", id);
	return rc;
}

static json_t *
seat_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;

	(void)rs;
	(void)refused;
	date_today(rq->now, today);
	kept = json_pack("{s:{s:o}, s:{s:s, s:s, s:s}}", "options", "members",
	    group_member_options(rq->db, view_int(group, "id")), "initial",
	    "kind", "rotating", "rotation", "meeting", "starts_on", today);
	return form_page_keep(fp, kept);
}

void
seats_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/seats", "name", seat_prepare,
	};
	struct form_page fp = {
		.title = N_("Add a seat"), .submit = N_("Add the seat"),
		.fields = seat_fields, .nfields = seat_fields_count,
		.save = seat_store, .rules = seat_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
seats_show(struct request *rq, struct response *rs)
{
	json_t	*seat;
	char	 today[DATE_CHARS + 1];

	date_today(rq->now, today);
	if ((seat = seat_view(rq->db, rq->ids[0], today)) == NULL) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	response_view(rs, "elections/seat", json_pack("{s:s, s:o}", "title",
	    "Seat", "seat", seat));
}

static int
swap_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*seat = ctx;
	struct seat_swap *swaps;
	json_t		*members, *m;
	size_t		 nswaps, n, i, holder, mine;
	int64_t		 turn, other = SEAT_TURN_NONE, me;
	char		 today[DATE_CHARS + 1];
	int		 rc, staff;

	date_today(rq->now, today);
	turn = json_integer_value(json_object_get(v, "turn")) - 1;
	members = seat_members(rq->db, rq->ids[0]);
	if (members == NULL || seat_swaps(rq->db, rq->ids[0], &swaps,
	    &nswaps) == -1) {
		json_decref(members);
		return DB_ERROR;
	}
	n = json_array_size(members);
	staff = election_staff(rq, seat);
	me = staff ? 0 : account_person(rq->db, rq->who.account_id);
	mine = n;	/* none: an account with no person holds no turn */
	json_array_foreach(members, i, m)
		if (me != 0 && view_int(m, "person_id") == me)
			mine = i;
	json_array_foreach(members, i, m)
		if (view_int(m, "person_id") == view_int(v, "person_id"))
			break;
	if (turn < seat_turn_today(rq->db, seat, today))
		form_error(errors, "turn", N_("That turn has passed"));
	else {
		seat_schedule(n, swaps, nswaps, turn, 1, &holder);
		other = seat_next_turn(n, swaps, nswaps, turn, i);
		/* Members give away only their own turns; staff any. */
		if (!staff && holder != mine)
			form_error(errors, "turn", N_("You can only swap a turn "
			    "you hold yourself"));
		else if (holder == i)
			form_error(errors, "person_id", N_("That member already "
			    "holds this turn"));
		else if (other == SEAT_TURN_NONE)
			form_error(errors, "person_id", N_("That member has no later "
			    "turn to give in exchange"));
	}
	rc = json_array_size(errors) > 0 ? DB_CONSTRAINT : seat_swap_add(
	    rq->db, rq->who.account_id, rq->ids[0], turn, other,
	    json_string_value(json_object_get(v, "reason")));
	free(swaps);
	json_decref(members);
	if (rc == DB_OK)
		*location = location_of("/seats/%lld", rq->ids[0]);
	return rc;
}

static json_t *
swap_prepare(struct request *rq, struct response *rs, json_t *seat,
    struct form_page *fp, int *refused)
{
	json_t	*members, *m, *opts, *kept, *turns;
	char	 today[DATE_CHARS + 1];
	size_t	 i;

	if (strcmp(view_str(seat, "kind"), "rotating") != 0) {
		response_error(rs, 409, "A fixed seat has one holder: there are "
		    "no turns to swap.");
		*refused = 1;
		return NULL;
	}
	members = seat_members(rq->db, rq->ids[0]);
	opts = json_array();
	json_array_foreach(members, i, m)
		json_array_append_new(opts, json_pack("{s:I, s:s}", "value",
		    (json_int_t)view_int(m, "person_id"), "label",
		    view_str(m, "display_name")));
	json_decref(members);
	date_today(rq->now, today);
	/* Turns are chosen by their date or meeting, never typed by number. */
	turns = seat_schedule_view(rq->db, seat, today);
	json_array_foreach(turns, i, m)
		json_object_set_new(m, "value", json_integer(view_int(m,
		    "turn")));
	kept = json_pack("{s:o, s:o}", "person_id", opts, "turn", turns ?
	    turns : json_array());
	fp->options = kept;
	fp->ctx = seat;
	return kept;
}

void
seats_swap(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		seat_load, "/seats/%lld", "name", swap_prepare,
	};
	struct form_page fp = {
		.title = N_("Swap a turn"), .submit = N_("Swap"),
		.fields = swap_fields, .nfields = swap_fields_count,
		.save = swap_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
