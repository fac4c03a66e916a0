/*
 * Counting an election from its ballots: first past the post and the
 * single transferable vote.  Pure: ballots and a seed in, a count sheet
 * (JSON) out; no database, no clock.  The same ballots and seed always
 * give the same sheet, which is what "verify" relies on.
 *
 * STV follows the Scottish Local Government Elections Order 2007
 * (SSI 2007/42, schedule 1, rules 45-52):
 *
 *   quota (rule 46)    valid papers / (seats + 1), fraction dropped, + 1
 *                      (the Droop quota).
 *   elected (47, 51)   anyone whose votes reach the quota, at the end of
 *                      the stage in which they do; an elected candidate
 *                      receives no further papers.
 *   surplus (48, 49)   every paper the candidate holds goes on to its next
 *                      continuing preference at transfer value
 *                      surplus x value-of-paper / candidate's votes,
 *                      to five decimal places, remainder ignored; papers
 *                      with no next preference are non-transferable.  The
 *                      largest surplus goes first; surpluses are always
 *                      transferred before anyone is excluded.
 *   exclusion (50)     with no surplus left, the candidate with fewest
 *                      votes is excluded and each of their papers goes on
 *                      at the value it had when they received it.
 *   last places (52)   when the continuing candidates are as many as the
 *                      seats left, they are all elected.
 *   ties (49(2), 50(3)) the candidate with more (for a surplus) or fewer
 *                      (for exclusion) votes at the earliest stage at
 *                      which the tied candidates differed; if they never
 *                      differed, by lot.
 *
 * One simplification, written down so nobody is surprised: an excluded
 * candidate's papers move in one stage, not in sub-parcels by transfer
 * value (rule 50(3)), so someone who would reach the quota partway
 * through an exclusion is found elected at the end of that stage.  For
 * groups of tens of voters the two agree unless a later sub-parcel would
 * have gone to the candidate who was elected by an earlier one.
 *
 * The lot is deterministic and recorded: each tied candidate draws
 * BLAKE2b(seed, stage, candidate id) and the smallest draw loses (is
 * excluded) or wins (is taken first), so anyone holding the seed can
 * re-draw it.  The seed is made at random when the election is made,
 * before anyone votes, and is shown with the result.
 *
 * Votes are whole numbers of 1/100000 (COUNT_UNIT), so the arithmetic is
 * exact and "to five decimal places" means what the rules say.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"

enum cand_state { CONTINUING, ELECTED, EXCLUDED };

/* One count in progress.  Owns every array; count_free() frees them. */
struct count {
	const struct count_input *in;
	int64_t		*total;		/* [ncand] this stage */
	int64_t		*history;	/* [stage][ncand], stages so far */
	size_t		 nstages;
	enum cand_state	*state;		/* [ncand] */
	int		*holder;	/* [nballots]: candidate, or -1 */
	size_t		*pos;		/* [nballots]: index of that preference */
	int64_t		*value;		/* [nballots] */
	int		*surplus_due;	/* [ncand]: elected, surplus not moved */
	int64_t		 quota;
	int64_t		 nontransferable;
	size_t		 nelected;
	json_t		*stages;	/* the sheet being written */
	json_t		*elected;	/* candidate ids in order */
};

static void
count_free(struct count *c)
{
	free(c->total);
	free(c->history);
	free(c->state);
	free(c->holder);
	free(c->pos);
	free(c->value);
	free(c->surplus_due);
}

static const int *
ranking(const struct count_input *in, size_t b)
{
	return in->ranks + b * in->ncand;
}

json_t *
count_votes_json(int64_t v)
{
	char	 s[COUNT_VOTES_CHARS];

	snprintf(s, sizeof(s), "%lld.%05lld", (long long)(v / COUNT_UNIT),
	    (long long)(v % COUNT_UNIT));
	return json_string(s);
}

/* The lot for one candidate at one stage: the first 8 bytes of a keyed
 * BLAKE2b, as a number.  Recorded seed, so anyone can draw it again. */
static uint64_t
lot_draw(const unsigned char seed[COUNT_SEED_BYTES], size_t stage,
    int64_t candidate_id)
{
	unsigned char	 msg[16], out[16];
	uint64_t	 v = 0;
	size_t		 i;

	for (i = 0; i < 8; i++) {
		msg[i] = (unsigned char)((uint64_t)stage >> (8 * i));
		msg[8 + i] = (unsigned char)((uint64_t)candidate_id >> (8 * i));
	}
	crypto_generichash(out, sizeof(out), msg, sizeof(msg), seed,
	    COUNT_SEED_BYTES);
	for (i = 0; i < 8; i++)
		v = (v << 8) | out[i];
	return v;
}

/*
 * Among tied[0..n), the one a rule picks: want_low picks the fewest votes
 * at the earliest stage at which the tied differ (exclusion), otherwise
 * the most (surplus order, FPTP places); if they never differ, the
 * smallest lot draw.  how receives "votes at stage N" or "lot".
 */
static int
tie_break(const struct count *c, const int *tied, size_t n, int want_low,
    char how[48])
{
	int		*left;
	size_t		 nleft = n, s, i, k;
	int64_t		 best, v;
	uint64_t	 draw, best_draw;
	int		 pick;

	if (n == 1)
		return tied[0];
	if ((left = malloc(n * sizeof(*left))) == NULL)
		return tied[0];
	memcpy(left, tied, n * sizeof(*left));
	for (s = 0; s < c->nstages && nleft > 1; s++) {
		best = c->history[s * c->in->ncand + left[0]];
		for (i = 1; i < nleft; i++) {
			v = c->history[s * c->in->ncand + left[i]];
			if (want_low ? v < best : v > best)
				best = v;
		}
		for (i = 0, k = 0; i < nleft; i++)
			if (c->history[s * c->in->ncand + left[i]] == best)
				left[k++] = left[i];
		if (k < nleft)
			snprintf(how, 48, "votes at stage %zu", s + 1);
		nleft = k;
	}
	if (nleft == 1) {
		pick = left[0];
		free(left);
		return pick;
	}
	snprintf(how, 48, "lot");
	pick = left[0];
	best_draw = lot_draw(c->in->seed, c->nstages, c->in->cand_ids[pick]);
	for (i = 1; i < nleft; i++) {
		draw = lot_draw(c->in->seed, c->nstages,
		    c->in->cand_ids[left[i]]);
		if (draw < best_draw) {
			best_draw = draw;
			pick = left[i];
		}
	}
	free(left);
	return pick;
}

/* Moves paper b on to its next continuing preference (or exhausts it). */
static void
paper_move(struct count *c, size_t b, int64_t value)
{
	const int	*r = ranking(c->in, b);
	size_t		 p = c->pos[b] + 1;

	while (p < c->in->ncand && r[p] >= 0 && c->state[r[p]] != CONTINUING)
		p++;
	c->value[b] = value;
	if (p < c->in->ncand && r[p] >= 0) {
		c->pos[b] = p;
		c->holder[b] = r[p];
		c->total[r[p]] += value;
	} else {
		c->holder[b] = -1;
		c->nontransferable += value;
	}
}

/* Closes a stage: keeps its totals for tie-breaks and writes its row. */
static int
stage_record(struct count *c, const char *action, int who, json_t *extra)
{
	const struct count_input *in = c->in;
	int64_t		*h;
	json_t		*stage, *totals;
	size_t		 i;

	h = realloc(c->history, (c->nstages + 1) * in->ncand * sizeof(*h));
	if (h == NULL) {
		json_decref(extra);
		return -1;
	}
	c->history = h;
	memcpy(h + c->nstages * in->ncand, c->total, in->ncand * sizeof(*h));
	c->nstages++;
	totals = json_array();
	for (i = 0; i < in->ncand; i++)
		json_array_append_new(totals, json_pack("{s:I, s:o, s:s}",
		    "candidate_id", (json_int_t)in->cand_ids[i], "votes",
		    count_votes_json(c->total[i]), "state",
		    c->state[i] == ELECTED ? "elected" : c->state[i] ==
		    EXCLUDED ? "excluded" : "continuing"));
	stage = json_pack("{s:I, s:s, s:o, s:o, s:o}", "stage",
	    (json_int_t)c->nstages, "action", action, "candidate_id",
	    who >= 0 ? json_integer(in->cand_ids[who]) : json_null(),
	    "totals", totals, "non_transferable",
	    count_votes_json(c->nontransferable));
	if (stage != NULL && extra != NULL)
		json_object_update(stage, extra);
	json_decref(extra);
	return json_array_append_new(c->stages, stage);
}

static void
elect(struct count *c, int who, const char *how)
{
	c->state[who] = ELECTED;
	c->surplus_due[who] = c->total[who] > c->quota;
	c->nelected++;
	json_array_append_new(c->elected, json_pack("{s:I, s:s}",
	    "candidate_id", (json_int_t)c->in->cand_ids[who], "how", how));
}

/* Elects everyone at or over the quota, most votes first (rule 51). */
static void
elect_reached(struct count *c)
{
	int	*tied;
	size_t	 i, n;
	int64_t	 top;
	int	 who;
	char	 how[48];

	if ((tied = malloc(c->in->ncand * sizeof(*tied))) == NULL)
		return;
	for (;;) {
		top = -1;
		for (i = 0; i < c->in->ncand; i++)
			if (c->state[i] == CONTINUING && c->total[i] >= c->quota &&
			    c->total[i] > top)
				top = c->total[i];
		if (top < 0 || c->nelected >= c->in->seats)
			break;
		for (i = 0, n = 0; i < c->in->ncand; i++)
			if (c->state[i] == CONTINUING && c->total[i] == top)
				tied[n++] = (int)i;
		how[0] = '\0';
		who = tie_break(c, tied, n, 0, how);
		elect(c, who, "reached the quota");
	}
	free(tied);
}

/* Which elected candidate's surplus moves next (rule 49), or -1. */
static int
surplus_next(struct count *c, char how[48])
{
	int	*tied;
	size_t	 i, n = 0;
	int64_t	 top = 0;
	int	 who;

	for (i = 0; i < c->in->ncand; i++)
		if (c->surplus_due[i] && c->total[i] - c->quota > top)
			top = c->total[i] - c->quota;
	if (top == 0 || (tied = malloc(c->in->ncand * sizeof(*tied))) == NULL)
		return -1;
	for (i = 0; i < c->in->ncand; i++)
		if (c->surplus_due[i] && c->total[i] - c->quota == top)
			tied[n++] = (int)i;
	who = tie_break(c, tied, n, 0, how);
	free(tied);
	return who;
}

static int
surplus_transfer(struct count *c, int who, const char *how)
{
	int64_t	 surplus = c->total[who] - c->quota, held = c->total[who];
	int64_t	 moved = 0, tv;
	size_t	 b;

	c->surplus_due[who] = 0;
	for (b = 0; b < c->in->nballots; b++) {
		if (c->holder[b] != who)
			continue;
		/* Rule 48(3): A / B to five places, remainder ignored. */
		tv = surplus * c->value[b] / held;
		moved += tv;
		paper_move(c, b, tv);	/* exhausted papers: non-transferable */
	}
	/* What the truncation drops is not passed on either. */
	c->nontransferable += surplus - moved;
	c->total[who] = c->quota;
	return stage_record(c, "surplus", who, json_pack("{s:o, s:s?}",
	    "surplus", count_votes_json(surplus), "tie_break",
	    how[0] ? how : NULL));
}

static int
exclude_lowest(struct count *c)
{
	int	*tied;
	size_t	 i, n = 0, b;
	int64_t	 low = -1;
	int	 who;
	char	 how[48] = "";

	for (i = 0; i < c->in->ncand; i++)
		if (c->state[i] == CONTINUING && (low < 0 || c->total[i] < low))
			low = c->total[i];
	if (low < 0 || (tied = malloc(c->in->ncand * sizeof(*tied))) == NULL)
		return -1;
	for (i = 0; i < c->in->ncand; i++)
		if (c->state[i] == CONTINUING && c->total[i] == low)
			tied[n++] = (int)i;
	who = tie_break(c, tied, n, 1, how);
	free(tied);
	c->state[who] = EXCLUDED;
	for (b = 0; b < c->in->nballots; b++)
		if (c->holder[b] == who)
			paper_move(c, b, c->value[b]);
	c->total[who] = 0;
	return stage_record(c, "exclusion", who, json_pack("{s:s?}",
	    "tie_break", how[0] ? how : NULL));
}

static size_t
continuing(const struct count *c)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->in->ncand; i++)
		n += c->state[i] == CONTINUING;
	return n;
}

static int
stv(struct count *c)
{
	const struct count_input *in = c->in;
	size_t		 b, i;
	int		 who;
	char		 how[48];

	c->quota = (int64_t)(in->nballots / (in->seats + 1) + 1) * COUNT_UNIT;
	for (b = 0; b < in->nballots; b++) {
		c->holder[b] = ranking(in, b)[0];
		c->pos[b] = 0;
		c->value[b] = COUNT_UNIT;
		c->total[c->holder[b]] += COUNT_UNIT;
	}
	if (stage_record(c, "first preferences", -1, NULL) == -1)
		return -1;
	elect_reached(c);
	while (c->nelected < in->seats) {
		if (continuing(c) <= in->seats - c->nelected) {
			/* Rule 52: as many continuing as seats left. */
			for (i = 0; i < in->ncand; i++)
				if (c->state[i] == CONTINUING)
					elect(c, (int)i, "last continuing");
			break;
		}
		how[0] = '\0';
		if ((who = surplus_next(c, how)) >= 0) {
			if (surplus_transfer(c, who, how) == -1)
				return -1;
		} else if (exclude_lowest(c) == -1)
			return -1;
		elect_reached(c);
	}
	return 0;
}

/* FPTP: one vote for each name marked (up to the seats); the most votes
 * win, and a tie for the last place is decided by lot. */
static int
fptp(struct count *c)
{
	const struct count_input *in = c->in;
	int		*tied;
	size_t		 b, p, i, n;
	int64_t		 top;
	const int	*r;
	int		 who;
	char		 how[48];

	for (b = 0; b < in->nballots; b++) {
		r = ranking(in, b);
		for (p = 0; p < in->ncand && r[p] >= 0; p++)
			c->total[r[p]] += COUNT_UNIT;
	}
	if (stage_record(c, "votes", -1, NULL) == -1 ||
	    (tied = malloc(in->ncand * sizeof(*tied))) == NULL)
		return -1;
	while (c->nelected < in->seats) {
		top = -1;
		for (i = 0; i < in->ncand; i++)
			if (c->state[i] == CONTINUING && c->total[i] > top)
				top = c->total[i];
		if (top < 0)
			break;
		for (i = 0, n = 0; i < in->ncand; i++)
			if (c->state[i] == CONTINUING && c->total[i] == top)
				tied[n++] = (int)i;
		how[0] = '\0';
		/* Only a tie across the last seat needs the lot. */
		who = n <= in->seats - c->nelected ? tied[0] :
		    tie_break(c, tied, n, 0, how);
		elect(c, who, how[0] ? "most votes, tie decided by lot" :
		    "most votes");
	}
	free(tied);
	return 0;
}

/* Is candidate among those the sheet elected? */
static int
sheet_elected(const json_t *sheet, json_int_t candidate)
{
	json_t	*el;
	size_t	 i;

	json_array_foreach(json_object_get(sheet, "elected"), i, el)
		if (json_integer_value(json_object_get(el, "candidate_id")) ==
		    candidate)
			return 1;
	return 0;
}

/* Units of "12.50000" as count_votes_json writes them; -1 if not. */
static int64_t
votes_units(const json_t *v)
{
	long long	 whole, part;
	const char	*s = json_string_value(v);

	if (s == NULL || sscanf(s, "%lld.%lld", &whole, &part) != 2)
		return -1;
	return (int64_t)whole * COUNT_UNIT + (int64_t)part;
}

/* A stage is written before the elections it leads to (rule 51 looks at
 * its totals), so as written its row says "continuing" of someone it
 * elected.  Told from what the sheet holds rather than from the next
 * stage's row, so that settling a settled sheet changes nothing: a
 * candidate the count elected was elected by a stage where they had the
 * quota (an elected candidate keeps it), or else at the last. */
void
count_settle(json_t *sheet)
{
	json_t		*stages = json_object_get(sheet, "stages"), *t;
	int64_t		 quota = votes_units(json_object_get(sheet, "quota"));
	const char	*state;
	json_int_t	 who;
	size_t		 i, j, n = json_array_size(stages);
	int		 won;

	for (i = 0; i < n; i++)
		json_array_foreach(json_object_get(json_array_get(stages, i),
		    "totals"), j, t) {
			state = json_string_value(json_object_get(t, "state"));
			who = json_integer_value(json_object_get(t,
			    "candidate_id"));
			won = sheet_elected(sheet, who);
			if (i + 1 == n)
				state = won ? "elected" : "not elected";
			else if (won && quota > 0 && state != NULL &&
			    strcmp(state, "continuing") == 0 && votes_units(
			    json_object_get(t, "votes")) >= quota)
				state = "elected";
			if (state != NULL)
				json_object_set_new(t, "state",
				    json_string(state));
		}
}

static json_t *
count_unopposed(const struct count_input *in)
{
	json_t	*elected = json_array();
	size_t	 i;

	for (i = 0; i < in->ncand; i++)
		json_array_append_new(elected, json_pack("{s:I, s:s}",
		    "candidate_id", (json_int_t)in->cand_ids[i], "how",
		    "unopposed"));
	return json_pack("{s:s, s:I, s:I, s:[], s:o, s:n, s:b}", "method",
	    in->method == COUNT_STV ? "stv" : "fptp", "seats",
	    (json_int_t)in->seats, "valid", (json_int_t)in->nballots,
	    "stages", "elected", elected, "quota", "unopposed", 1);
}

json_t *
count_run(const struct count_input *in)
{
	struct count	 c;
	json_t		*sheet = NULL;
	int		 rc;

	memset(&c, 0, sizeof(c));
	c.in = in;
	/* No more valid nominations than places: every candidate is elected
	 * unopposed and no poll is needed (or counted, if one was held). */
	if (in->ncand > 0 && in->ncand <= in->seats)
		return count_unopposed(in);
	/* No ballots, no names or no places: nothing to count, nobody
	 * elected (rule 52 must not elect on no votes at all). */
	if (in->ncand == 0 || in->seats == 0 || in->nballots == 0)
		return json_pack("{s:s, s:I, s:I, s:[], s:[], s:o}", "method",
		    in->method == COUNT_STV ? "stv" : "fptp", "seats",
		    (json_int_t)in->seats, "valid", (json_int_t)in->nballots,
		    "stages", "elected", "quota", json_null());
	c.total = calloc(in->ncand, sizeof(*c.total));
	c.state = calloc(in->ncand, sizeof(*c.state));
	c.surplus_due = calloc(in->ncand, sizeof(*c.surplus_due));
	c.holder = calloc(in->nballots + 1, sizeof(*c.holder));
	c.pos = calloc(in->nballots + 1, sizeof(*c.pos));
	c.value = calloc(in->nballots + 1, sizeof(*c.value));
	c.stages = json_array();
	c.elected = json_array();
	if (c.total == NULL || c.state == NULL || c.surplus_due == NULL ||
	    c.holder == NULL || c.pos == NULL || c.value == NULL ||
	    c.stages == NULL || c.elected == NULL)
		goto out;
	rc = in->method == COUNT_STV ? stv(&c) : fptp(&c);
	if (rc == 0)
		sheet = json_pack("{s:s, s:I, s:I, s:o, s:O, s:O}", "method",
		    in->method == COUNT_STV ? "stv" : "fptp", "seats",
		    (json_int_t)in->seats, "valid", (json_int_t)in->nballots,
		    "quota", in->method == COUNT_STV ?
		    count_votes_json(c.quota) : json_null(),
		    "stages", c.stages, "elected", c.elected);
	count_settle(sheet);
out:
	json_decref(c.stages);
	json_decref(c.elected);
	count_free(&c);
	return sheet;
}
