/*
 * The demo's meetings: the Over-50s Forum's rules, a meeting a month ago
 * whose minutes were approved and published (with a paper, so the archive
 * has one to draw), its overdue action point carried onto the next
 * agenda, and Westvale's council meeting.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../limits.h"
#include "../meetings/meetings.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../util/buf.h"
#include "../util/date.h"
#include "../util/view.h"

enum { OVER_50S, REP_TEAM, WOMENS_GROUP, WESTVALE_COUNCIL };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE };

static const char *const forum_constitution =
    "## Over-50s Forum: terms of reference\n\n"
    "The forum speaks for men aged 50 and over at HMP Fenwick. It raises "
    "issues **as a group**: no member is ever named.\n\n"
    "- Members elect a chair, a vice chair and a secretary each year.\n"
    "- Half the members make a quorum.\n"
    "- Papers go out a week before each meeting.\n";

/*
 * Adds a paper as a group would circulate it: a real PDF with a heading
 * and text, drawn by our own renderer, so the archive and downloads show
 * something to read.  enum db_result.
 */
static int
demo_paper(struct db *db, int64_t actor, int64_t meeting, const char *title,
    const char *text, const char *circulated)
{
	struct buf	 out;
	struct pdf	*pdf;
	int64_t		 id;
	int		 rc = DB_ERROR;

	buf_init(&out, DEMO_PAPER_MAX);
	if ((pdf = pdf_new(&out, title, PDF_NORMAL)) != NULL) {
		pdf_heading(pdf, title, 1);
		pdf_paragraph(pdf, text);
		if (pdf_finish(pdf) == 0)
			rc = paper_add(db, actor, meeting, title,
			    "application/pdf", "pdf", out.data, out.len,
			    circulated, &id);
	}
	buf_release(&out);
	return rc;
}

static int
meeting_at(struct db *db, int64_t actor, int64_t group, const char *on,
    int64_t invited, int64_t *id)
{
	json_t	*v;
	int	 rc;

	v = json_pack("{s:s, s:s, s:s, s:s, s:o}", "kind", "forum", "held_on",
	    on, "starts_at", "14:00", "place", "Chapel, B wing", "invited_id",
	    invited ? json_integer(invited) : json_null());
	rc = meeting_add(db, actor, group, v, id);
	json_decref(v);
	return rc;
}

/* Everyone present but one, who sent apologies. */
static int
attend_all(struct db *db, int64_t actor, int64_t meeting)
{
	struct form	 f = { NULL, 0 };
	json_t		*rows, *row;
	char		 name[48];
	size_t		 i;
	int		 rc;

	rows = attendance_list(db, meeting);
	json_array_foreach(rows, i, row) {
		snprintf(name, sizeof(name), "person_%lld", (long long)
		    view_int(row, "person_id"));
		form_add(&f, name, strlen(name), i ? "present" : "apologies",
		    i ? 7 : 9);
	}
	json_decref(rows);
	form_add(&f, "invited_attended", 16, "1", 1);
	rc = attendance_save(db, actor, meeting, &f, "Healthcare manager");
	form_clear(&f);
	return rc;
}

static int
minutes_typed(struct db *db, int64_t actor, int64_t meeting)
{
	struct form	 f = { NULL, 0 };
	json_t		*items, *item;
	char		 name[48];
	const char	*text;
	size_t		 i;
	int		 rc;

	items = agenda_list(db, meeting);
	json_array_foreach(items, i, item) {
		snprintf(name, sizeof(name), "item_%lld", (long long)
		    view_int(item, "id"));
		text = i == 0 ? "Welcome from the chair. One apology." :
		    "The forum heard that evening medication is still late "
		    "on C wing and **agreed** to draft a proposal.";
		form_add(&f, name, strlen(name), text, strlen(text));
	}
	json_decref(items);
	rc = minutes_save(db, actor, meeting, &f);
	form_clear(&f);
	return rc;
}

/* Each forum's charter, published where its members can read it. */
static int
demo_charters(struct db *db, const int64_t *groups, const int64_t *accounts,
    const char *today)
{
	static const struct { int group, author; const char *title; } docs[] = {
		{ OVER_50S, COORD_FENWICK, "Over-50s Forum charter" },
		{ WESTVALE_COUNCIL, COORD_WESTVALE, "Westvale council charter" },
	};
	char	 on[DATE_CHARS + 1];
	int64_t	 id;
	json_t	*v;
	size_t	 i;
	int	 rc = DB_OK;

	date_add_days(today, -60, on);
	for (i = 0; rc == DB_OK && i < sizeof(docs) / sizeof(docs[0]); i++) {
		v = json_pack("{s:s, s:s, s:s, s:s}", "title", docs[i].title,
		    "kind", "charter", "published_on", on, "body",
		    "## What we are for\n\nWe speak for the people who use "
		    "the service, and we meet **every month**.\n");
		rc = v == NULL ? DB_ERROR : document_add(db,
		    accounts[docs[i].author], groups[docs[i].group], v, &id);
		json_decref(v);
	}
	return rc;
}

int
demo_meetings(struct db *db, const int64_t *groups, const int64_t *accounts,
    time_t now)
{
	char	 today[DATE_CHARS + 1], on[DATE_CHARS + 1], due[DATE_CHARS + 1];
	int64_t	 first, second, council, secretary, chair;
	json_t	*v;
	int	 rc;

	date_today(now, today);
	v = json_pack("{s:s, s:s, s:i, s:i, s:s}", "constitution",
	    forum_constitution, "quorum_rule", "half", "quorum_number", 0,
	    "papers_days", 7, "standing_items", "Welcome and apologies\n"
	    "Minutes of the last meeting\nAny other business\n");
	rc = rules_save(db, accounts[COORD_FENWICK], groups[OVER_50S], v);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	if ((rc = demo_charters(db, groups, accounts, today)) != DB_OK)
		return rc;
	date_add_days(today, -35, on);
	if ((rc = meeting_at(db, accounts[MEMBER_FORUM], groups[OVER_50S], on,
	    accounts[GOVERNOR], &first)) != DB_OK ||
	    (rc = attend_all(db, accounts[MEMBER_FORUM], first)) != DB_OK ||
	    (rc = minutes_typed(db, accounts[MEMBER_FORUM], first)) != DB_OK)
		return rc;
	/* An action point now three weeks late: it rides on every agenda. */
	date_add_days(today, -21, due);
	v = json_pack("{s:s, s:I, s:s}", "text", "Ask healthcare for the "
	    "medication round times in writing", "owner_id",
	    (json_int_t)accounts[COORD_FENWICK], "due_on", due);
	rc = action_point_add(db, accounts[MEMBER_FORUM], first, v, on);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	/* The survey the first meeting discussed, circulated before it: a
	 * paper goes in while the minutes are a draft, and into the archive
	 * with them. */
	date_add_days(today, -42, on);
	if ((rc = demo_paper(db, accounts[COORD_FENWICK], first,
	    "Over-50s survey: what members said", "Most members who answered "
	    "find the evening medication round too early, and would like "
	    "large-print canteen sheets.", on)) != DB_OK)
		return rc;
	/* Ten days later the next meeting approves them, and they go up. */
	date_add_days(today, -25, on);
	if ((rc = meeting_at(db, accounts[MEMBER_FORUM], groups[OVER_50S], on,
	    0, &second)) != DB_OK)
		return rc;
	/* The chair proposed the first minutes; the secretary seconded. */
	if (group_officer(db, groups[OVER_50S], "chair", &chair) <= 0 ||
	    group_officer(db, groups[OVER_50S], "secretary", &secretary) <= 0)
		return DB_ERROR;
	v = json_pack("{s:I, s:I, s:I}", "approved_at", (json_int_t)second,
	    "proposed_by", (json_int_t)chair, "seconded_by",
	    (json_int_t)secretary);
	rc = minutes_approve(db, accounts[MEMBER_FORUM], first, v);
	json_decref(v);
	if (rc != DB_OK || (rc = minutes_publish(db, accounts[COORD_FENWICK],
	    first, on)) != DB_OK)
		return rc;
	date_add_days(today, -8, on);
	v = json_pack("{s:s, s:s, s:s, s:s}", "kind", "council", "held_on", on,
	    "starts_at", "10:00", "place", "Westvale reception");
	rc = meeting_add(db, accounts[COORD_WESTVALE], groups[WESTVALE_COUNCIL],
	    v, &council);
	json_decref(v);
	/* A paper for each: the healthcare update, and reception plans. */
	if (rc == DB_OK)
		rc = demo_paper(db, accounts[COORD_FENWICK], second,
		    "Healthcare update", "The medication round on C wing "
		    "moves to 19:30 from next month. Healthcare will put the "
		    "round times in writing for the forum.", today);
	if (rc == DB_OK)
		rc = demo_paper(db, accounts[COORD_WESTVALE], council,
		    "Plans for the new reception", "Seats, a water "
		    "fountain and a notice board with the signposting "
		    "directory, in the room where people wait.", today);
	return rc;
}
