/*
 * The words and rules of elections that are not SQL: positions, methods,
 * form tables, the phase an election is in, and reading a typed ballot.
 *
 * Who may stand and vote (documented in docs/ARCHITECTURE.md):
 *   - a voter is a current member of the group (a membership that began
 *     on or before today and has not ended), who has not left (people.
 *     left_on) and does not hold it as an observer;
 *   - a candidate is such a voter who is also not *restricted*: nothing
 *     is recorded in people.restrictions, the coordinators' note of
 *     licence conditions and other limits on what the person may do.
 *     A restriction does not take away the vote; a coordinator clears
 *     the note when the person may stand;
 *   - proposer and seconder are voters, two different people, and the
 *     seconder is not the candidate (self-nomination is proposer ==
 *     candidate).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/view.h"

const char *const election_stored_words[] = { N_("accepted"), N_("elected"),
    N_("excluded"), N_("continuing"), N_("not elected"),
    N_("first preferences"), N_("votes"), N_("surplus"), N_("exclusion"),
    N_("reached the quota"), N_("last continuing"), N_("most votes"),
    N_("most votes, tie decided by lot"), N_("unopposed"), N_("lot"), NULL };

const struct choice election_positions[] = {
	{ "chair", N_("Chair") },
	{ "vice_chair", N_("Vice chair") },
	{ "secretary", N_("Secretary") },
	{ "treasurer", N_("Treasurer") },
	{ "rep", N_("Rep") },
	{ "council_rep", N_("Council rep") },
	{ "board_seat", N_("Board seat") },
	{ NULL, NULL },
};

const struct choice election_methods[] = {
	{ "fptp", N_("First past the post (mark one name for each place)") },
	{ "stv", N_("Single transferable vote (number the names 1, 2, 3...)") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }

const struct field_spec election_fields[] = {
	F("position", N_("Position"),
	    FIELD_CHOICE, 1, 0, election_positions, NULL,
	    NULL),
	F("seats", N_("Places to fill"), FIELD_POSITIVE, 1, ELECTION_SEATS_MAX,
	    NULL, N_("Usually 1; more for a team of reps"), NULL),
	F("method", N_("How votes are counted"), FIELD_CHOICE, 1, 0,
	    election_methods, NULL, NULL),
	F("nominations_close_on", N_("Nominations close on"), FIELD_DATE, 1,
	    DATE_AHEAD, NULL, N_("Nominations open today"), NULL),
	F("voting_opens_on", N_("Voting opens on"), FIELD_DATE, 1, DATE_AHEAD,
	    NULL, N_("On or after the day nominations close"), NULL),
	F("voting_closes_on", N_("Voting closes on"), FIELD_DATE, 1,
	    DATE_AHEAD, NULL, N_("Nobody sees any count before the poll "
	    "closes"), NULL),
	F("term_months", N_("Term of office in months"), FIELD_POSITIVE, 0,
	    ELECTION_TERM_MONTHS_MAX, NULL, N_("The winners hold the position "
	    "this long; 12 if left empty"), NULL),
};
const size_t election_fields_count = FIELDS_COUNT(election_fields);

const struct field_spec nomination_fields[] = {
	F("person_id", N_("Candidate"), FIELD_ID, 1, 0, NULL,
	    N_("A current member with no restriction recorded"), NULL),
	F("proposer_id", N_("Proposed by"), FIELD_ID, 1, 0, NULL,
	    N_("The candidate themselves for a self-nomination"), NULL),
	F("seconder_id", N_("Seconded by"), FIELD_ID, 1, 0, NULL,
	    N_("Another member, not the candidate"), NULL),
	F("statement", N_("Candidate's statement"), FIELD_TEXTAREA, 0,
	    STATEMENT_MAX_CHARS, NULL, N_("Printed on the ballot page"), NULL),
};
const size_t nomination_fields_count = FIELDS_COUNT(nomination_fields);

const struct field_spec election_rules_fields[] = {
	F("proxy_votes", N_("The constitution allows voting by proxy"),
	    FIELD_CHECK,
	    0, 0, NULL, N_("A member may name another member to vote for them"),
	    NULL),
};
const size_t election_rules_fields_count =
    FIELDS_COUNT(election_rules_fields);

const struct field_spec proxy_fields[] = {
	F("person_id", N_("Member who cannot vote themselves"), FIELD_ID, 1, 0,
	    NULL, NULL, NULL),
	F("proxy_id", N_("Member who will vote for them"), FIELD_ID, 1, 0, NULL,
	    NULL, NULL),
};
const size_t proxy_fields_count = FIELDS_COUNT(proxy_fields);

const struct field_spec paper_issue_fields[] = {
	F("person_id", N_("Member given a paper ballot"), FIELD_ID, 1, 0, NULL,
	    N_("Marks them on the roll, so they cannot vote online as well"),
	    NULL),
};
const size_t paper_issue_fields_count = FIELDS_COUNT(paper_issue_fields);

const struct field_spec batch_fields[] = {
	F("label", N_("Batch"), FIELD_TEXT, 1, BATCH_LABEL_MAX_CHARS, NULL,
	    N_("The name written on the bundle, for example Box 1"), NULL),
	F("papers", N_("Papers, one a line"), FIELD_TEXTAREA, 1,
	    BATCH_TEXT_MAX_CHARS, NULL, N_("The numbers of the names marked, in "
	    "the voter's order: 2 1 3. Type each paper as it lies in the "
	    "bundle."), NULL),
};
const size_t batch_fields_count = FIELDS_COUNT(batch_fields);

enum election_phase
election_phase(const json_t *e, const char *today)
{
	const char	*state = view_str(e, "state");

	if (strcmp(state, "published") == 0)
		return PHASE_PUBLISHED;
	if (strcmp(state, "closed") == 0)
		return PHASE_CLOSED;
	if (strcmp(state, "voting") == 0)
		/* Past its last day the poll is closed, declared or not. */
		return strcmp(today, view_str(e, "voting_closes_on")) > 0 ?
		    PHASE_CLOSED : PHASE_VOTING;
	return strcmp(today, view_str(e, "nominations_close_on")) > 0 ?
	    PHASE_NOMINATIONS_CLOSED : PHASE_NOMINATIONS;
}

const char *
election_phase_label(enum election_phase p)
{
	static const char *const labels[] = {
		N_("Nominations open"), N_("Nominations closed"), N_("Voting open"),
		N_("Poll closed"), N_("Result published"),
	};

	return labels[p];
}

int
election_count_visible(enum election_phase p, int staff)
{
	return p == PHASE_PUBLISHED || (p == PHASE_CLOSED && staff);
}

int
ballot_parse(const char *text, size_t ncand, enum count_method method,
    size_t seats, int *out, const char **why)
{
	const char	*s = text;
	char		*end;
	size_t		 n = 0, i;
	long		 v;

	for (i = 0; i < ncand; i++)
		out[i] = -1;
	for (;;) {
		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (!isdigit((unsigned char)*s)) {
			*why = N_("only numbers, spaces and commas");
			return -1;
		}
		v = strtol(s, &end, 10);
		s = end;
		if (v < 1 || (size_t)v > ncand) {
			*why = N_("a number that is not on the paper");
			return -1;
		}
		for (i = 0; i < n; i++)
			if (out[i] == (int)(v - 1)) {
				*why = N_("the same name twice");
				return -1;
			}
		if (n >= ncand)
			return -1;
		out[n++] = (int)(v - 1);
	}
	if (n == 0) {
		*why = N_("no name marked");
		return -1;
	}
	if (method == COUNT_FPTP && n > seats) {
		*why = N_("more names marked than there are places");
		return -1;
	}
	return 0;
}
