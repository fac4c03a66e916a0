/*
 * The eight criteria of good practice and the arithmetic of judging them:
 * verdicts against the organisation's targets, shares and the months of
 * a period.  Pure: no database, no request; the words are
 * evidence_words.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../util/catalogue.h"

/* The criteria as DOMAIN.md lists them ("What good looks like"). */
const struct evidence_criterion_def evidence_criteria[EV__MAX] = {
	[EV_REPRESENTATIVE] = { "representative",
	    N_("Representative and involved"),
	    N_("Do the members reflect the people the place serves? The figure "
	    "is the largest gap, in points, between a group's share of the "
	    "population and its share of the members."), 1 },
	[EV_PROCEDURES] = { "procedures", N_("Good procedures"),
	    N_("Are minutes published within 14 days, and action points closed "
	    "by their date?"), 0 },
	[EV_SUPPORT] = { "support", N_("Top-level support"),
	    N_("Do decision makers come when invited, and answer proposals "
	    "within their deadline?"), 0 },
	[EV_STRATEGY] = { "strategy", N_("A clear strategy"),
	    N_("Are the strategy's objectives done, or not yet due?"), 0 },
	[EV_PERCEPTIONS] = { "perceptions",
	    N_("Perceptions of those involved"),
	    N_("Do members agree that taking part is worth it, that they are "
	    "listened to and that they see change? (The involvement "
	    "experience survey.)"), 0 },
	[EV_TRUST] = { "trust", N_("Confidence and trust"),
	    N_("Do members trust staff to act, feel treated as equals and feel "
	    "safe to speak? (The involvement experience survey.)"), 0 },
	[EV_TRAINING] = { "training", N_("Support and training"),
	    N_("Do active reps have current training and supervision on "
	    "schedule, and are expenses paid within 30 days?"), 0 },
	[EV_MONITORING] = { "monitoring",
	    N_("Diversity and equality monitored"),
	    N_("Is equality monitored, and current, for members, survey "
	    "respondents and the experts by experience on procurement "
	    "panels?"), 0 },
};

const char *const evidence_verdict_keys[VERDICT__MAX] = {
	"none", "met", "watch", "not_met",
};
const char *const evidence_verdict_words[VERDICT__MAX] = {
	N_("Too few to judge"), N_("Met"), N_("Watch"), N_("Not met"),
};

enum evidence_verdict
evidence_verdict(int figure, int target, int lower_is_better)
{
	if (figure < 0)
		return VERDICT_NONE;
	if (lower_is_better) {
		if (figure <= target)
			return VERDICT_MET;
		return figure <= target + EVIDENCE_WATCH_POINTS ?
		    VERDICT_WATCH : VERDICT_NOT_MET;
	}
	if (figure >= target)
		return VERDICT_MET;
	return figure >= target - EVIDENCE_WATCH_POINTS ? VERDICT_WATCH :
	    VERDICT_NOT_MET;
}

int
evidence_percent(int64_t part, int64_t whole)
{
	if (whole <= 0 || part < 0)
		return -1;
	return (int)((part * 200 + whole) / (whole * 2));
}

int
evidence_median_days(const json_t *histogram, int64_t at_least)
{
	const json_t	*row;
	int64_t		 total = 0, seen = 0, lo = -1, n, days;
	size_t		 i;

	json_array_foreach(histogram, i, row)
		total += json_integer_value(json_object_get(row, "n"));
	if (total <= 0 || total < at_least)
		return -1;
	/* The (total + 1) / 2 th and the total / 2 + 1 th answers, 1-based:
	 * one answer when total is odd, the middle two when even. */
	json_array_foreach(histogram, i, row) {
		n = json_integer_value(json_object_get(row, "n"));
		days = json_integer_value(json_object_get(row, "days"));
		if (lo < 0 && seen + n >= (total + 1) / 2)
			lo = days;
		if (seen + n >= total / 2 + 1)
			return (int)((lo + days + 1) / 2);
		seen += n;
	}
	return (int)lo;
}

static int
month_parse(const char *date, int *y, int *m)
{
	if (!date_valid(date))
		return -1;
	*y = (int)strtol(date, NULL, 10);
	*m = (int)strtol(date + 5, NULL, 10);
	return 0;
}

int
evidence_months(const char *from, const char *to, char months[][8])
{
	int	 y, m, ty, tm, n = 0;

	if (month_parse(from, &y, &m) == -1 || month_parse(to, &ty, &tm) == -1)
		return -1;
	if (ty * 12 + tm < y * 12 + m ||
	    ty * 12 + tm - (y * 12 + m) >= EVIDENCE_MONTHS_MAX)
		return -1;
	while (y * 12 + m <= ty * 12 + tm) {
		snprintf(months[n++], 8, "%04d-%02d", y, m);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return n;
}

void
evidence_month_end(const char *month, const char *to,
    char out[DATE_CHARS + 1])
{
	char	 first[DATE_CHARS + 1], next[DATE_CHARS + 1];

	snprintf(first, sizeof(first), "%.7s-01", month);
	date_add_months(first, 1, next);
	date_add_days(next, -1, out);
	if (to != NULL && date_valid(to) && strcmp(out, to) > 0)
		snprintf(out, DATE_CHARS + 1, "%s", to);
}
