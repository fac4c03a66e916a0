/*
 * Paper ballots, typed in by two tellers.  Each teller counts a bundle
 * (a batch) and types its papers alone; the batch is accepted, and its
 * papers become ballots, only when a second teller's entry is the same
 * paper for paper.  When they differ, both entries are thrown away and
 * the tellers are told which papers differ (their numbers in the
 * bundle, or that the number of papers differs), never what the other
 * teller typed nor how many papers; both count again.  Tellers are
 * staff covering the group (routes.c), two different accounts.
 *
 * A batch can hold no more papers than were handed out (the roll's
 * 'paper' marks), so typed-in papers cannot outnumber paper voters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_differ.h"
#include "elections.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/easy_read.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static const char *sql_batch_add =
    "INSERT INTO ballot_batches (election_id, label) VALUES (?, ?) "
    "ON CONFLICT (election_id, label) DO NOTHING";
static const char *sql_batch_find =
    "SELECT id, state FROM ballot_batches WHERE election_id = ? AND label = ?";
static const char *sql_other_entry =
    "SELECT papers FROM ballot_batch_entries WHERE batch_id = ? "
    "AND teller_id != ? LIMIT 1";
static const char *sql_entry_save =
    "INSERT INTO ballot_batch_entries (batch_id, teller_id, papers) "
    "VALUES (?, ?, ?) ON CONFLICT (batch_id, teller_id) "
    "DO UPDATE SET papers = excluded.papers";
static const char *sql_entries_drop =
    "DELETE FROM ballot_batch_entries WHERE batch_id = ?";
static const char *sql_batch_accept =
    "UPDATE ballot_batches SET state = 'accepted', papers = ?, differed = '' "
    "WHERE id = ? AND state = 'open'";
static const char *sql_batch_differed =
    "UPDATE ballot_batches SET differed = ? WHERE id = ?";
static const char *sql_paper_room =
    "SELECT (SELECT count(*) FROM election_voters WHERE election_id = ?1 "
    "AND how = 'paper') - (SELECT ifnull(sum(papers), 0) FROM "
    "ballot_batches WHERE election_id = ?1 AND state = 'accepted')";
static const char *sql_batch_list =
    "SELECT b.label, b.state, b.papers, b.differed, (SELECT count(*) FROM "
    "ballot_batch_entries x WHERE x.batch_id = b.id) AS entries "
    "FROM ballot_batches b WHERE b.election_id = ? ORDER BY b.label";

json_t *
batch_list(struct db *db, int64_t election_id, const struct catalogue *words)
{
	json_t		*rows = db_rows(db, sql_batch_list, "i", election_id);
	json_t		*row;
	char		 said[BATCH_DIFFERED_WORDS];
	size_t		 i;

	/* "differed" stays as kept, for the JSON; the page shows it worded. */
	json_array_foreach(rows, i, row)
		json_object_set_new(row, "differed_said", json_string(
		    batch_differ_words(json_string_value(json_object_get(row,
		    "differed")), words, 0, said, sizeof(said))));
	return rows;
}

/* On the handler's stack for one request; borrows everything. */
struct batch_ctx {
	struct response	*rs;
	json_t		*election;	/* borrowed from form_page_record */
	const struct catalogue *words;	/* the reader's language */
	int		 easy;		/* they read easy read */
};

/* The typed papers as a JSON array of rankings (candidate ids), or NULL
 * with an error added for the papers field. */
static json_t *
papers_read(const char *text, const json_t *e, const json_t *cands,
    json_t *errors)
{
	size_t		 ncand = json_array_size(cands), n = 0, i;
	enum count_method m = strcmp(view_str(e, "method"), "stv") == 0 ?
	    COUNT_STV : COUNT_FPTP;
	json_t		*papers = json_array(), *r;
	char		*copy, *line, *save;
	const char	*why = "";
	int		*out;

	copy = strdup(text);
	out = calloc(ncand + 1, sizeof(*out));
	if (copy == NULL || out == NULL || papers == NULL)
		goto fail;
	for (line = strtok_r(copy, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		if (line[strspn(line, " \t")] == '\0')
			continue;
		if (++n > BATCH_PAPERS_MAX) {
			form_error_words(errors, "papers", N_("A batch holds "
			    "{max} papers at most"), json_pack("{s:i}", "max",
			    BATCH_PAPERS_MAX));
			goto fail;
		}
		if (ballot_parse(line, ncand, m, (size_t)view_int(e, "seats"),
		    out, &why) == -1) {
			form_error_words(errors, "papers", N_("Paper {n}: "
			    "{why | t}"), json_pack("{s:I, s:s}", "n",
			    (json_int_t)n, "why", why));
			goto fail;
		}
		r = json_array();
		for (i = 0; i < ncand && out[i] >= 0; i++)
			json_array_append_new(r, json_integer(view_int(
			    json_array_get(cands, (size_t)out[i]), "id")));
		json_array_append_new(papers, r);
	}
	free(copy);
	free(out);
	return papers;
fail:
	free(copy);
	free(out);
	json_decref(papers);
	return NULL;
}

static int
batch_accept(struct db *db, int64_t actor, int64_t election, int64_t batch,
    const json_t *papers)
{
	json_t	*p;
	char	*text;
	size_t	 i;
	int	 rc = DB_OK;

	json_array_foreach(papers, i, p) {
		if ((text = json_dumps(p, JSON_COMPACT)) == NULL)
			return DB_ERROR;
		rc = ballot_store(db, election, text);
		free(text);
		if (rc != DB_OK)
			return rc;
	}
	if ((rc = db_exec(db, sql_batch_accept, "ii",
	    (int64_t)json_array_size(papers), batch)) != DB_OK ||
	    (rc = db_exec(db, sql_entries_drop, "i", batch)) != DB_OK)
		return rc;
	return audit_append(db, actor, "election.batch_accepted", "election",
	    election, NULL);
}

/* Both entries go; the tellers count again.  Kept although the reply is
 * 422, so both tellers see the batch needs counting again. */
static int
batch_reject(struct batch_ctx *bc, struct db *db, int64_t actor,
    int64_t batch, const char *differ, json_t *errors)
{
	char	 said[BATCH_DIFFERED_WORDS];
	json_t	*words;
	int	 rc;

	/* The kept form worded for the teller, in their language. */
	batch_differ_words(differ, bc->words, bc->easy, said, sizeof(said));
	words = json_pack("{s:s}", "differed", said);	/* form_error_words' */
	form_error_words(errors, "papers", bc->easy ? N_("Your entry and the "
	    "other teller's entry are not the same. {differed} Count the "
	    "batch again. Type it in again.") : N_("Your entry and the other "
	    "teller's differ ({differed}). Both tellers count the batch again "
	    "and type it in again."), words);
	if ((rc = db_exec(db, sql_entries_drop, "i", batch)) != DB_OK ||
	    (rc = db_exec(db, sql_batch_differed, "ti", differ, batch)) != DB_OK ||
	    (rc = audit_append(db, actor, "election.batch_mismatch", "election",
	    view_int(bc->election, "id"), differ)) != DB_OK)
		return rc;
	bc->rs->commit_anyway = 1;
	return DB_CONSTRAINT;
}

static int
batch_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	struct batch_ctx *bc = ctx;
	int64_t		 election = rq->ids[0], batch, room = 0;
	json_t		*cands, *papers, *row = NULL, *theirs;
	char		*text = NULL, *differ;
	int		 rc = DB_CONSTRAINT;

	cands = candidate_list(rq->db, election);
	if ((papers = papers_read(view_str(v, "papers"), bc->election, cands,
	    errors)) == NULL)
		goto out;
	if ((rc = db_exec(rq->db, sql_batch_add, "ij", election,
	    json_object_get(v, "label"))) != DB_OK ||
	    db_row(rq->db, &row, sql_batch_find, "ij", election,
	    json_object_get(v, "label")) <= 0) {
		rc = DB_ERROR;
		goto out;
	}
	batch = view_int(row, "id");
	if (strcmp(view_str(row, "state"), "accepted") == 0) {
		form_error(errors, "label",
		    N_("That batch is already accepted"));
		rc = DB_CONSTRAINT;
		goto out;
	}
	text = json_dumps(papers, JSON_COMPACT);
	json_decref(row);
	row = NULL;
	if (db_row(rq->db, &row, sql_other_entry, "ii", batch,
	    rq->who.account_id) == 0) {
		/* The first teller: keep the entry and wait for the second. */
		if ((rc = db_exec(rq->db, sql_entry_save, "iit", batch,
		    rq->who.account_id, text)) == DB_OK &&
		    (rc = audit_append(rq->db, rq->who.account_id,
		    "election.batch_entry", "election", election, NULL)) == DB_OK)
			*location = location_of("/elections/%lld?batch=waiting",
			    election);
		goto out;
	}
	theirs = json_loads(view_str(row, "papers"), 0, NULL);
	if (!json_equal(theirs, papers)) {
		differ = batch_differ_code(theirs, papers);
		rc = batch_reject(bc, rq->db, rq->who.account_id, batch,
		    differ ? differ : "", errors);
		free(differ);
	} else if (db_int(rq->db, &room, sql_paper_room, "i", election) < 0) {
		rc = DB_ERROR;
	} else if ((int64_t)json_array_size(papers) > room) {
		form_error(errors, "papers", N_("More papers than were given out "
		    "and not yet typed in: check the roll"));
		rc = DB_CONSTRAINT;
	} else if ((rc = batch_accept(rq->db, rq->who.account_id, election,
	    batch, papers)) == DB_OK)
		*location = location_of("/elections/%lld?batch=accepted",
		    election);
	json_decref(theirs);
out:
	free(text);
	json_decref(row);
	json_decref(papers);
	json_decref(cands);
	return rc;
}

static json_t *
batch_prepare(struct request *rq, struct response *rs, json_t *e,
    struct form_page *fp, int *refused)
{
	struct batch_ctx *bc = fp->ctx;
	char		 today[DATE_CHARS + 1];
	enum election_phase phase;

	date_today(rq->now, today);
	phase = election_phase(e, today);
	if (phase != PHASE_VOTING && phase != PHASE_CLOSED) {
		response_error(rs, 409, "Paper ballots are typed in while the "
		    "poll is open or after it closes, before the result is "
		    "published.");
		*refused = 1;
		return NULL;
	}
	bc->election = e;
	return NULL;
}

void
elections_batch(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		election_load, "/elections/%lld", "group_name", batch_prepare,
	};
	struct batch_ctx bc = { rs, NULL, language_words(rq->lang),
	    request_easy_read(rq, rs) };
	struct form_page fp = {
		.title = N_("Type in a batch of paper ballots"),
		.submit = N_("Save my count of this batch"),
		.fields = batch_fields, .nfields = batch_fields_count,
		.save = batch_store, .ctx = &bc,
	};

	form_page_record(rq, rs, &fp, &fr);
}
