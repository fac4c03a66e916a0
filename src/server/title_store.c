#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"
#include "language.h"
#include "title_store.h"
#include "../db/db.h"
#include "../elections/elections.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/uk_time.h"

/* Which of the records sharing a kind's words this one is (counted by
 * id within those), and how many share them: "nth" and "many" of a row,
 * said "2 of 3" when the words repeat (the demo's follow-ups all say
 * "Raise it with the healthcare manager..."). */
#define SAME(table, alias, same) \
	"(SELECT COUNT(*) FROM " table " o WHERE " same " AND o.id <= " \
	alias ".id) AS nth, (SELECT COUNT(*) FROM " table " o WHERE " \
	same ") AS many"

/* The first {id} of a path under prefix names one of these (column
 * "which", a date shown in words, "of", what it belongs to, "day", a
 * date that tells two of one kind apart, "at", an instant, and "nth"
 * and "many", SAME's ordinal); a record of any other kind, with no name
 * of its own, is called by its number.  A record named by one of our
 * words (an election by its post) stores the word's value, and "words"
 * says it in the reader's language.  A title never carries what its
 * reader's page may not show, nor a person's health: a request for peer
 * support is named by its unit and the minute it was asked, never by
 * what it is about; a referral by its service and day, never by whom
 * (docs/ARCHITECTURE.md, "What a title may carry"). */
static const struct {
	const char	*prefix;
	const char	*sql;	/* one row: "which", perhaps "of" and "day" */
	const struct choice *words;	/* "which" is a value of these */
	const char	*day_said;	/* "due {day}"; NULL: the day alone */
	const char	*kind;	/* said before a page titled by the name
				   alone ("Proposal: ..."); or NULL */
} which_sql[] = {
	{ "/groups/", "SELECT name AS which FROM groups WHERE id = ?",
	    NULL, NULL, N_("Group") },
	{ "/sites/", "SELECT name AS which FROM sites WHERE id = ?",
	    NULL, NULL, N_("Site") },
	{ "/units/", "SELECT name AS which FROM units WHERE id = ?",
	    NULL, NULL, N_("Unit") },
	{ "/people/", "SELECT display_name AS which FROM people WHERE id = ?",
	    NULL, NULL, N_("Person") },
	{ "/memberships/", "SELECT p.display_name AS which FROM memberships m "
	    "JOIN people p ON p.id = m.person_id WHERE m.id = ?", NULL, NULL, NULL },
	{ "/recruits/", "SELECT p.display_name AS which FROM recruits r "
	    "JOIN people p ON p.id = r.person_id WHERE r.id = ?", NULL, NULL, NULL },
	{ "/issues/", "SELECT title AS which FROM issues WHERE id = ?",
	    NULL, NULL, N_("Issue") },
	{ "/proposals/", "SELECT title AS which FROM proposals WHERE id = ?",
	    NULL, NULL, N_("Proposal") },
	{ "/actions/", "SELECT text AS which FROM actions WHERE id = ?",
	    NULL, NULL, N_("Action point") },
	{ "/meetings/", "SELECT m.held_on AS which, g.name AS of FROM meetings m "
	    "JOIN groups g ON g.id = m.group_id WHERE m.id = ?", NULL, NULL, NULL },
	{ "/procurements/", "SELECT title AS which FROM procurements "
	    "WHERE id = ?", NULL, NULL, N_("Procurement") },
	{ "/lots/", "SELECT l.title AS which, p.title AS of FROM lots l "
	    "JOIN procurements p ON p.id = l.procurement_id WHERE l.id = ?",
	    NULL, NULL, NULL },
	/* A survey's title in Welsh too, when written (which_cy). */
	{ "/surveys/", "SELECT title AS which, title_cy AS which_cy FROM "
	    "surveys WHERE id = ?", NULL, NULL, N_("Survey") },
	{ "/seats/", "SELECT name AS which FROM seats WHERE id = ?",
	    NULL, NULL, N_("Seat") },
	/* The same post in the same group is elected again another year:
	 * the day the poll closes tells them apart. */
	{ "/elections/", "SELECT e.position AS which, g.name AS of, "
	    "e.voting_closes_on AS day FROM elections e JOIN groups g "
	    "ON g.id = e.group_id WHERE e.id = ?", election_positions, NULL, NULL },
	{ "/documents/", "SELECT title AS which FROM group_documents "
	    "WHERE id = ?", NULL, NULL, N_("Document") },
	{ "/directory/", "SELECT name AS which FROM services WHERE id = ?",
	    NULL, NULL, N_("Service") },
	/* A vote at an event has a title of its own, which its page's
	 * title is: the group and the day say which event. */
	{ "/event-votes/", "SELECT v.title AS which, g.name AS of, "
	    "v.held_on AS day FROM event_votes v JOIN groups g "
	    "ON g.id = v.group_id WHERE v.id = ?", NULL, NULL,
	    N_("Vote at an event") },
	/* A conversation is told apart by when and where it was. */
	{ "/conversations/", "SELECT c.occurred_at AS which, "
	    "COALESCE(u.name, s.name) AS of FROM conversations c "
	    "JOIN sites s ON s.id = c.site_id LEFT JOIN units u "
	    "ON u.id = c.unit_id WHERE c.id = ?", NULL, NULL, NULL },
	/* The pseudonymous reference says which arrival, not who. */
	{ "/arrivals/", "SELECT reference AS which, arrived_on AS day "
	    "FROM arrivals WHERE id = ?", NULL, NULL, NULL },
	{ "/arrival-steps/", "SELECT t.text AS which, a.reference AS of "
	    "FROM arrival_steps t JOIN arrivals a ON a.id = t.arrival_id "
	    "WHERE t.id = ?", NULL, NULL, NULL },
	{ "/expenses/", "SELECT e.description AS which, g.name AS of, "
	    "e.incurred_on AS day, " SAME("expense_claims", "e",
	    "o.description = e.description AND o.group_id = e.group_id AND "
	    "o.incurred_on = e.incurred_on") " FROM expense_claims e JOIN "
	    "groups g ON g.id = e.group_id WHERE e.id = ?", NULL, NULL, NULL },
	/* Many follow-ups say the same thing: the unit (or site) and the
	 * day it is due tell them apart, else their order. */
	{ "/followups/", "SELECT f.action AS which, COALESCE(u.name, s.name) "
	    "AS of, f.due_on AS day, " SAME("followups", "f",
	    "o.action = f.action AND o.site_id = f.site_id AND o.due_on = "
	    "f.due_on AND COALESCE((SELECT unit_id FROM conversations WHERE "
	    "id = o.conversation_id), 0) = COALESCE(c.unit_id, 0)")
	    " FROM followups f JOIN sites s ON s.id = f.site_id LEFT JOIN "
	    "conversations c ON c.id = f.conversation_id LEFT JOIN units u "
	    "ON u.id = c.unit_id WHERE f.id = ?", NULL, N_("due {day}"), NULL },
	{ "/peer-requests/", "SELECT u.name AS which, r.asked_at AS at, "
	    SAME("peer_requests", "r", "o.unit_id = r.unit_id AND "
	    "o.asked_at / 60 = r.asked_at / 60") " FROM peer_requests r "
	    "JOIN units u ON u.id = r.unit_id WHERE r.id = ?", NULL, NULL, NULL },
	{ "/peer-shifts/", "SELECT u.name AS which, p.starts_at AS at "
	    "FROM peer_shifts p JOIN units u ON u.id = p.unit_id "
	    "WHERE p.id = ?", NULL, NULL, NULL },
	{ "/referrals/", "SELECT v.name AS which, r.made_on AS day, "
	    SAME("referrals", "r", "o.service_id = r.service_id AND "
	    "o.made_on = r.made_on") " FROM referrals r JOIN services v "
	    "ON v.id = r.service_id WHERE r.id = ?", NULL, NULL, NULL },
	{ "/wishes/", "SELECT w.text AS which, w.asked_on AS day, "
	    SAME("wishes", "w", "o.text = w.text AND o.asked_on = "
	    "w.asked_on") " FROM wishes w WHERE w.id = ?", NULL, NULL, NULL },
	{ "/sessions/", "SELECT c.name AS which, COALESCE(NULLIF(t.place, "
	    "''), s.name) AS of, t.held_on AS day FROM course_sessions t "
	    "JOIN courses c ON c.id = t.course_id JOIN sites s "
	    "ON s.id = t.site_id WHERE t.id = ?", NULL, NULL,
	    N_("Course session") },
	/* Each tender's lots are "Lot 1", "Lot 2"...: its tender says
	 * which. */
	{ "/questions/", "SELECT q.text AS which, l.title || ', ' || p.title "
	    "AS of FROM lot_questions q JOIN lots l ON l.id = q.lot_id "
	    "JOIN procurements p ON p.id = l.procurement_id WHERE q.id = ?",
	    NULL, NULL, NULL },
	{ "/scores/", "SELECT b.bidder AS which, l.title || ', ' || p.title "
	    "AS of FROM scores x JOIN bids b ON b.id = x.bid_id JOIN lots l "
	    "ON l.id = b.lot_id JOIN procurements p ON p.id = "
	    "l.procurement_id WHERE x.id = ?", NULL, NULL, NULL },
	{ "/bids/", "SELECT b.bidder AS which, l.title || ', ' || p.title "
	    "AS of FROM bids b JOIN lots l ON l.id = b.lot_id JOIN "
	    "procurements p ON p.id = l.procurement_id WHERE b.id = ?",
	    NULL, NULL, NULL },
	{ "/panel-members/", "SELECT a.display_name AS which, l.title || ', ' "
	    "|| p.title AS of FROM panel_members m JOIN accounts a ON a.id = "
	    "m.account_id JOIN lots l ON l.id = m.lot_id JOIN procurements p "
	    "ON p.id = l.procurement_id WHERE m.id = ?", NULL, NULL, NULL },
	{ "/survey-questions/", "SELECT prompt AS which FROM "
	    "survey_questions WHERE id = ?", NULL, NULL, NULL },
};

/* A row's column in words: a date in the language of words, else as
 * stored; NULL when the row has none. */
static const char *
part_words(const json_t *row, const char *column, char *day,
    const struct catalogue *words)
{
	const char	*s = json_string_value(json_object_get(row, column));

	return s == NULL || *s == '\0' ? NULL : date_words_in(s, day, words);
}

/* The parts that say which record: its name, what it belongs to, a
 * day, an instant and, when those repeat, its place among the records
 * they name ("2 of 3"). */
enum { PART_WHICH, PART_OF, PART_DAY, PART_AT, PART_NTH, PARTS };

static void
parts_free(char **part)
{
	size_t	 i;

	for (i = 0; i < PARTS; i++) {
		free(part[i]);
		part[i] = NULL;
	}
}

/* The record's parts in the language of words (NULL: English) from its
 * row, "which" worded by named when it is one of our words, into part
 * (malloc'd; NULL for a part it lacks); 0, or -1 with no "which" (or
 * no memory), when part holds nothing. */
static int
which_parts(const json_t *row, const struct choice *named,
    const char *day_said, const struct catalogue *words, char **part)
{
	static const char *const column[] = { "which", "of", "day" };
	const char	*s;
	json_t		*at = json_object_get(row, "at");
	json_int_t	 many;
	char		 d[DATE_WORDS_CHARS + 64], n[DATE_WORDS_CHARS + 64];
	char		 count[24];
	size_t		 i;

	many = json_integer_value(json_object_get(row, "many"));
	for (i = 0; i < PARTS; i++)
		part[i] = NULL;
	for (i = 0; i < sizeof(column) / sizeof(column[0]); i++) {
		/* A record whose name was written in Welsh too (which_cy)
		 * is called by it in Welsh, the one language with a
		 * catalogue. */
		s = i == PART_WHICH && words != NULL ?
		    part_words(row, "which_cy", d, words) : NULL;
		if (s == NULL &&
		    (s = part_words(row, column[i], d, words)) == NULL)
			continue;
		if (i == PART_WHICH && named != NULL)
			s = catalogue_get(words, choice_label(named, s));
		if (i == PART_DAY && day_said != NULL) {
			snprintf(n, sizeof(n), "%s", s);
			s = catalogue_fill(catalogue_get(words, day_said),
			    "day", n, d, sizeof(d));
		}
		if ((part[i] = strdup(s)) == NULL)
			break;
	}
	if (json_is_integer(at)) {
		uk_words(json_integer_value(at), words, d, sizeof(d));
		part[PART_AT] = strdup(d);
	}
	if (many > 1) {
		snprintf(count, sizeof(count), "%lld", (long long)many);
		catalogue_fill_n(catalogue_get(words, N_("{n} of {count}")),
		    json_integer_value(json_object_get(row, "nth")), d,
		    sizeof(d));
		part[PART_NTH] = strdup(catalogue_fill(d, "count", count, n,
		    sizeof(n)));
	}
	if (part[PART_WHICH] == NULL) {
		parts_free(part);
		return -1;
	}
	return 0;
}

/* The parts not already in the title, joined by ", "; malloc'd. */
static char *
parts_join(char **part, const int *said)
{
	char	*out, *more;
	size_t	 i;

	if ((out = strdup("")) == NULL)
		return NULL;
	for (i = 0; i < PARTS && out != NULL; i++) {
		if (part[i] == NULL || said[i])
			continue;
		if (asprintf(&more, "%s%s%s", out, out[0] ? ", " : "",
		    part[i]) == -1)
			more = NULL;
		free(out);
		out = more;
	}
	return out;
}

/* The record's parts in English and in its reader's words: from the
 * row sql finds, else its number; 0, or -1 when there is no record. */
static int
record_parts(const struct request *rq, const char *sql,
    const struct choice *named, const char *day_said, char **en,
    char **said)
{
	json_t	*row = NULL;
	char	 number[64];
	int	 rc = -1;
	size_t	 i;

	if (sql == NULL) {
		for (i = 0; i < PARTS; i++)
			en[i] = said[i] = NULL;
		en[PART_WHICH] = strdup(catalogue_fill_n(N_("number {n}"),
		    (long long)rq->ids[0], number, sizeof(number)));
		said[PART_WHICH] = strdup(catalogue_fill_n(catalogue_get(
		    language_words(rq->lang), N_("number {n}")),
		    (long long)rq->ids[0], number, sizeof(number)));
		return 0;
	}
	if (db_row(rq->db, &row, sql, "i", rq->ids[0]) > 0 &&
	    which_parts(row, named, day_said, NULL, en) == 0) {
		if ((rc = which_parts(row, named, day_said,
		    language_words(rq->lang), said)) != 0)
			parts_free(en);
	}
	json_decref(row);
	return rc;
}

void
title_which(const struct request *rq, json_t *view)
{
	const char	*title, *sql = NULL;
	const struct choice *named = NULL;
	const char	*day_said = NULL, *kind = NULL;
	char		*en[PARTS], *said[PARTS], *which = NULL, *theirs = NULL;
	char		*both;
	int		 in_title[PARTS];
	size_t		 i, n;

	title = json_string_value(json_object_get(view, "title"));
	if (title == NULL || rq->nids == 0 || rq->route == NULL)
		return;
	for (i = 0; i < sizeof(which_sql) / sizeof(which_sql[0]); i++) {
		n = strlen(which_sql[i].prefix);
		if (strncmp(rq->route->pattern, which_sql[i].prefix, n) == 0 &&
		    strncmp(rq->route->pattern + n, "{id}", 4) == 0) {
			sql = which_sql[i].sql;
			named = which_sql[i].words;
			day_said = which_sql[i].day_said;
			kind = which_sql[i].kind;
			break;
		}
	}
	if (record_parts(rq, sql, named, day_said, en, said) != 0)
		return;
	/* A record's own page is titled by its name alone ("Evening
	 * medication before lock-up"): its kind goes first, then every
	 * part, so the title says what as well as which ("Course session:
	 * Accredited rep training, Education block, 7 October 2026").  The
	 * JSON's title stays the name. */
	if (kind != NULL && en[PART_WHICH] != NULL &&
	    strcmp(title, en[PART_WHICH]) == 0) {
		memset(in_title, 0, sizeof(in_title));
		if ((theirs = parts_join(said, in_title)) != NULL) {
			json_object_set_new(view, "title_base",
			    json_string(kind));
			json_object_set_new(view, "title_which",
			    json_string(theirs));
		}
		free(theirs);
		parts_free(en);
		parts_free(said);
		return;
	}
	/* What the page's own title says already (a form's caption: "Close
	 * this follow-up: Raise it with..."), it does not say twice; a
	 * caption worded for its reader says it in their words. */
	for (i = 0; i < PARTS; i++)
		in_title[i] = (en[i] != NULL && strstr(title, en[i]) != NULL) ||
		    (said[i] != NULL && strstr(title, said[i]) != NULL);
	/* The JSON's title in English; the page's in its reader's words
	 * (templates/layout/top.html: title_base, then title_which). */
	if ((which = parts_join(en, in_title)) != NULL && which[0] != '\0' &&
	    (theirs = parts_join(said, in_title)) != NULL &&
	    asprintf(&both, "%s: %s", title, which) != -1) {
		json_object_set_new(view, "title_base", json_string(title));
		json_object_set_new(view, "title_which", json_string(theirs));
		json_object_set_new(view, "title", json_string(both));
		free(both);
	}
	free(which);
	free(theirs);
	parts_free(en);
	parts_free(said);
}
