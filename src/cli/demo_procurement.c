/*
 * The demo's procurement panels: healthcare for HMP Fenwick, where an
 * expert by experience, a GP and a commissioner have scored two bids.
 * The first question is open (everyone has submitted) and agreed at the
 * consensus meeting; the second is still sealed because one score is
 * only a draft.  Westvale has a small one of its own.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../procurement/procurement.h"
#include "../render/pdf.h"
#include "../util/date.h"

enum { SITE_FENWICK, SITE_HARBOUR, SITE_WESTVALE };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE, CHIEF_WESTVALE, EVALUATOR, VIEWER, GP, COMMISSIONER,
    RESERVE };

static const struct { const char *text; int weight; } questions[] = {
	{ "How will people get to see a GP within two days, including at "
	    "weekends and on arrival?", 40 },
	{ "How will you involve people who use the service in checking its "
	    "quality?", 35 },
	{ "How will medicines be given so that nobody misses a dose at "
	    "lock-up?", 25 },
};

static const char *const bidders[] = {
	"Northmoor Health Partnership (fictional)",
	"Fenwick Community Care (fictional)",
};

/* [evaluator][question][bid]: score and justification. */
static const struct { int score; const char *why; } scored[3][2][2] = {
	{ { { 4, "Clear plan for weekend clinics; arrivals seen in 24 hours." },
	    { 2, "Weekend cover depends on agency staff; no plan for "
	      "arrivals." } },
	  { { 5, "Service user panel every quarter, with paid places." },
	    { 3, "Feedback forms only." } } },
	{ { { 4, "Realistic rota and named lead GP." },
	    { 3, "Cover described but thin at weekends." } },
	  { { 4, "Involvement built into the contract measures." },
	    { 3, "Annual survey." } } },
	{ { { 5, "Meets the two-day standard with evidence from elsewhere." },
	    { 2, "No evidence given for the two-day standard." } },
	  { { 4, "Good; costs of the panel are included." },
	    { 2, "Not costed." } } },
};

/* A bid document with words in it, as a real bid would have. */
static int
bid_document(struct db *db, int64_t actor, int64_t bid, const char *bidder)
{
	struct buf	 out;
	struct pdf	*pdf;
	int		 rc = DB_ERROR;

	buf_init(&out, 1024 * 1024);
	pdf = pdf_new(&out, bidder, PDF_NORMAL);
	pdf_heading(pdf, bidder, 1);
	pdf_paragraph(pdf, "Our bid for healthcare at HMP Fenwick. This is "
	    "demonstration text: the organisation is fictional.");
	if (pdf_finish(pdf) == 0)
		rc = bid_document_set(db, actor, bid, "application/pdf", "pdf",
		    out.data, out.len);
	buf_release(&out);
	return rc;
}

/* A procurement (*id) with one lot (*lot) moderated by moderator. */
static int
procurement_with_lot(struct db *db, int64_t actor, int64_t site,
    const char *title, int64_t moderator, int64_t *id, int64_t *lot)
{
	json_t	*v;
	int	 rc;

	v = json_pack("{s:s, s:s}", "title", title, "description", "Services "
	    "are bought with experts by experience on the panel.");
	rc = procurement_add(db, actor, site, v, id);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:s, s:i, s:s, s:I}", "title", "Lot 1", "scale_max", 5,
	    "scale_descriptors", "No answer\nPoor\nWeak\nAdequate\nGood\n"
	    "Excellent\n", "moderator_id", (json_int_t)moderator);
	rc = lot_add(db, actor, *id, v, lot);
	json_decref(v);
	return rc;
}

/* Adds a question and a bid (and its document) from the tables. */
static int
lot_fill(struct db *db, int64_t actor, int64_t lot, size_t nq, size_t nb,
    int64_t *qids, int64_t *bids)
{
	json_t	*v;
	size_t	 i;
	int	 rc = DB_OK;

	for (i = 0; i < nq && rc == DB_OK; i++) {
		v = json_pack("{s:s, s:i}", "text", questions[i].text, "weight",
		    questions[i].weight);
		rc = question_add(db, actor, lot, v, &qids[i]);
		json_decref(v);
	}
	for (i = 0; i < nb && rc == DB_OK; i++) {
		v = json_pack("{s:s}", "bidder", bidders[i]);
		if ((rc = bid_add(db, actor, lot, v, &bids[i])) == DB_OK)
			rc = bid_document(db, actor, bids[i], bidders[i]);
		json_decref(v);
	}
	return rc;
}

/* Seats evaluator on the panel for every question; declares no
 * conflict with every bid. */
static int
seat(struct db *db, int64_t actor, int64_t lot, int64_t account,
    const char *kind, const int64_t *qids, size_t nq, const int64_t *bids,
    size_t nb, const char *now, int64_t *member)
{
	json_t	*qs = json_array(), *entries = json_array();
	size_t	 i;
	int	 rc, removed;

	for (i = 0; i < nq; i++)
		json_array_append_new(qs, json_integer(qids[i]));
	for (i = 0; i < nb; i++)
		json_array_append_new(entries, json_pack("{s:I, s:b, s:s}",
		    "bid_id", (json_int_t)bids[i], "conflict", 0, "details",
		    ""));
	rc = panel_add(db, actor, lot, account, kind, qs, now, member);
	if (rc == DB_OK)
		rc = declarations_save(db, account, *member, entries, now,
		    &removed);
	json_decref(qs);
	json_decref(entries);
	return rc;
}

/* One evaluator's scores for one question, submitted or a draft. */
static int
score(struct db *db, int64_t account, int64_t member, int64_t question,
    const int64_t *bids, int nb, int e, int q, int submit, const char *now)
{
	json_t	*entries = json_array();
	int	 b, rc;

	for (b = 0; b < nb; b++)
		json_array_append_new(entries, json_pack("{s:I, s:i, s:s}",
		    "bid_id", (json_int_t)bids[b], "score", scored[e][q][b].score,
		    "justification", scored[e][q][b].why));
	rc = scores_save(db, account, member, question, entries, submit, now);
	json_decref(entries);
	return rc;
}

int
demo_procurement(struct db *db, const int64_t *sites, const int64_t *accounts,
    time_t now)
{
	static const char *const kinds[] = { "expert_by_experience",
	    "clinician", "commissioner" };
	const int	 panel[] = { EVALUATOR, GP, COMMISSIONER };
	char		 stamp[DATETIME_CHARS + 1];
	int64_t		 procurement, lot, qids[3], bids[2], members[3], id;
	json_t		*v;
	int		 e, rc;
	int64_t		 coord = accounts[COORD_FENWICK];

	datetime_now(now, stamp);
	rc = procurement_with_lot(db, coord, sites[SITE_FENWICK],
	    "Healthcare for HMP Fenwick", coord, &procurement, &lot);
	if (rc == DB_OK)
		rc = lot_fill(db, coord, lot, 3, 2, qids, bids);
	for (e = 0; e < 3 && rc == DB_OK; e++)
		rc = seat(db, coord, lot, accounts[panel[e]], kinds[e], qids, 3,
		    bids, 2, stamp, &members[e]);
	/* Question 1 open; question 2 sealed: the GP's is a draft. */
	for (e = 0; e < 3 && rc == DB_OK; e++) {
		rc = score(db, accounts[panel[e]], members[e], qids[0], bids, 2,
		    e, 0, 1, stamp);
		if (rc == DB_OK)
			rc = score(db, accounts[panel[e]], members[e], qids[1],
			    bids, 2, e, 1, e != 1, stamp);
	}
	if (rc == DB_OK) {
		v = json_pack("{s:s, s:[I,I,I], s:s}", "held_on", stamp,
		    "present_ids", (json_int_t)members[0], (json_int_t)members[1],
		    (json_int_t)members[2], "others_present",
		    "Procurement officer (notes)");
		json_object_set_new(v, "held_on", json_stringn(stamp,
		    DATE_CHARS));
		rc = consensus_meeting_save(db, coord, lot, v);
		json_decref(v);
	}
	if (rc == DB_OK)
		rc = consensus_save(db, coord, qids[0], bids[0], 4, "Strong, "
		    "evidenced plan; the panel agreed 4.", NULL, stamp);
	if (rc == DB_OK)
		rc = consensus_save(db, coord, qids[0], bids[1], 2, "Weekend and "
		    "arrival cover not shown.", NULL, stamp);
	if (rc == DB_OK) {
		v = json_pack("{s:I, s:s}", "account_id", (json_int_t)
		    accounts[RESERVE], "kind", "expert_by_experience");
		rc = reserve_add(db, coord, procurement, v);
		json_decref(v);
	}
	/* Westvale: one question, one bid, one submitted score. */
	if (rc == DB_OK)
		rc = procurement_with_lot(db, accounts[COORD_WESTVALE],
		    sites[SITE_WESTVALE], "Resettlement support, Westvale",
		    accounts[COORD_WESTVALE], &procurement, &lot);
	if (rc == DB_OK)
		rc = lot_fill(db, accounts[COORD_WESTVALE], lot, 1, 1, qids,
		    bids);
	if (rc == DB_OK)
		rc = seat(db, accounts[COORD_WESTVALE], lot, accounts[EVALUATOR],
		    kinds[0], qids, 1, bids, 1, stamp, &id);
	if (rc == DB_OK)
		rc = score(db, accounts[EVALUATOR], id, qids[0], bids, 1, 0, 0,
		    1, stamp);
	return rc;
}
