/*
 * The evidence in its reader's words: every sentence the builder
 * (evidence_build.c) makes from figures is one message per case, its
 * values named, so a translation can order them ("Mae pobl 50 i 64 oed
 * yn 18% o'r safle...").  Each function takes the catalogue of the
 * reader's language; NULL gives English, which is what the JSON says, so
 * a program reading the API reads the same words whatever its account's
 * language.  No figure is worked out here: what is hidden came hidden,
 * and reads "fewer than 5" or "hidden" in the reader's words
 * (suppressed_words).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../render/template.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/view.h"

char *
evidence_say(const char *msgid, json_t *ctx, const struct catalogue *words)
{
	return template_words_dup(msgid, ctx, words, TEXT_MAX_CHARS * 8);
}

/* evidence_say into out ("" when it cannot be made), ctx consumed. */
static const char *
say_into(const char *msgid, json_t *ctx, const struct catalogue *words,
    char *out, size_t sz)
{
	char	*s = ctx != NULL ? evidence_say(msgid, ctx, words) : NULL;

	snprintf(out, sz, "%s", s != NULL ? s : "");
	free(s);
	json_decref(ctx);
	return out;
}

void
evidence_month_words(const char *month, const struct catalogue *words,
    char *out, size_t sz)
{
	char		 first[DATE_CHARS + 1], day[DATE_WORDS_CHARS + 1];
	const char	*s;

	snprintf(first, sizeof(first), "%.7s-01", month);
	s = date_words_in(first, day, words);
	/* "1 November 2026" without the day. */
	snprintf(out, sz, "%s", s == day ? strchr(day, ' ') + 1 : month);
}

void
evidence_point_words(const json_t *pt, const struct catalogue *words,
    char *out, size_t sz)
{
	const json_t	*whole = json_object_get(pt, "whole");
	char		 a[64], b[64], pc[16];

	if (json_is_integer(whole) && json_integer_value(whole) == 0) {
		snprintf(out, sz, "%s", catalogue_get(words,
		    N_("none in this period")));
		return;
	}
	suppressed_words(json_object_get(pt, "part"), words, a, sizeof(a));
	suppressed_words(whole, words, b, sizeof(b));
	if (json_is_integer(json_object_get(pt, "percent"))) {
		snprintf(pc, sizeof(pc), "%lld%%", (long long)view_int(pt,
		    "percent"));
		say_into(N_("{part} of {whole} ({percent})"), json_pack(
		    "{s:s, s:s, s:s}", "part", a, "whole", b, "percent", pc),
		    words, out, sz);
	} else
		say_into(N_("{part} of {whole} (too few to show a share)"),
		    json_pack("{s:s, s:s}", "part", a, "whole", b), words, out,
		    sz);
}

const char *
evidence_months_note(int none, const struct catalogue *words)
{
	return catalogue_get(words, none ? N_("None in any month") :
	    N_("Too few over the period to show month by month"));
}

void
evidence_median_words(int days, const struct catalogue *words, char *out,
    size_t sz)
{
	catalogue_fill_n(catalogue_nget(words, "{n} day", "{n} days",
	    (unsigned long)days), days, out, sz);
}

void
evidence_figure_words(int figure, int lower_is_better,
    const struct catalogue *words, char *out, size_t sz)
{
	if (lower_is_better)
		catalogue_fill_n(catalogue_nget(words, "{n} point",
		    "{n} points", (unsigned long)abs(figure)), figure, out, sz);
	else
		snprintf(out, sz, "%d%%", figure);
}

const char *
evidence_target_by(const char *set_by, const struct catalogue *words)
{
	if (strcmp(set_by, "site") == 0)
		return catalogue_get(words, N_("the site's own"));
	if (strcmp(set_by, "group") == 0)
		return catalogue_get(words, N_("the group's own"));
	return NULL;
}

void
evidence_target_words(int target, int lower_is_better, const char *set_by,
    const struct catalogue *words, char *out, size_t sz)
{
	char	 t[64];

	if (lower_is_better)
		catalogue_fill_n(catalogue_nget(words, "at most {n} point",
		    "at most {n} points", (unsigned long)abs(target)), target,
		    t, sizeof(t));
	else
		snprintf(t, sizeof(t), "%d%%", target);
	/* "80% (the site's own)" inside the verdict's own brackets read
	 * as brackets in brackets: a comma instead. */
	if (strcmp(set_by, "site") == 0)
		say_into(N_("{target}, the site's own"), json_pack("{s:s}",
		    "target", t), words, out, sz);
	else if (strcmp(set_by, "group") == 0)
		say_into(N_("{target}, the group's own"), json_pack("{s:s}",
		    "target", t), words, out, sz);
	else
		snprintf(out, sz, "%s", t);
}

/* ---- where members and population differ ------------------------------ */

/* The age bands as a group of people: "people aged 65 or over" is one
 * phrase in English, "pobl 65 oed neu hŷn" in Welsh, not a band inside
 * the same words. */
static const struct { const char *answer, *who; } ages[] = {
	{ "Under 25", N_("people aged under 25") },
	{ "25 to 34", N_("people aged 25 to 34") },
	{ "35 to 49", N_("people aged 35 to 49") },
	{ "50 to 64", N_("people aged 50 to 64") },
	{ "65 or over", N_("people aged 65 or over") },
};

/* The category as a group of people in words's language: malloc'd. */
static char *
who_words(const struct evidence_gap *g, const struct catalogue *words)
{
	const char	*msgid = NULL;
	char		*s, item[NAME_MAX_CHARS * 4];
	json_t		*ctx;
	size_t		 i;

	snprintf(item, sizeof(item), "%s", catalogue_get(words, g->label));
	/* "people whose Ethnic group is": the label starts a line
	 * elsewhere, here it is inside a sentence. */
	if (item[0] >= 'A' && item[0] <= 'Z')
		item[0] = (char)(item[0] - 'A' + 'a');
	if (strcmp(g->item, "age") == 0) {
		for (i = 0; i < sizeof(ages) / sizeof(ages[0]); i++)
			if (strcmp(g->answer, ages[i].answer) == 0)
				msgid = ages[i].who;
		if (msgid == NULL)
			msgid = N_("people aged {answer}");
	} else if (strcmp(g->item, "unit") == 0)
		msgid = N_("people on {answer}");
	else if (strcmp(g->answer, "Yes") == 0 || strcmp(g->answer, "No") == 0)
		msgid = N_("people answering {answer} on {Item}");
	else
		msgid = N_("people whose {item} is {answer}");
	/* A unit is named as the site named it; an answer is a message. */
	ctx = json_pack("{s:s, s:s, s:s}", "answer", strcmp(g->item, "unit") ==
	    0 ? g->answer : catalogue_get(words, g->answer), "Item",
	    catalogue_get(words, g->label), "item", item);
	s = ctx != NULL ? evidence_say(msgid, ctx, words) : NULL;
	json_decref(ctx);
	return s;
}

char *
evidence_gap_sentence(const struct evidence_gap *g,
    const struct catalogue *words)
{
	const char	*msgid;
	char		*who, *Who, *s = NULL, pp[16], mp[16];
	json_t		*ctx;
	int		 gap = g->population - g->members;

	if (g->population < 0 || g->members < 0 ||
	    (gap < EVIDENCE_GAP_POINTS && -gap < EVIDENCE_GAP_POINTS))
		return NULL;
	if ((who = who_words(g, words)) == NULL)
		return NULL;
	if ((Who = strdup(who)) == NULL) {
		free(who);
		return NULL;
	}
	/* English starts with the people, Welsh with its verb ("Mae"):
	 * each translation takes the case it needs. */
	if (Who[0] >= 'a' && Who[0] <= 'z')
		Who[0] = (char)(Who[0] - 'a' + 'A');
	snprintf(pp, sizeof(pp), "%d%%", g->population);
	snprintf(mp, sizeof(mp), "%d%%", g->members);
	if (g->group != NULL)
		msgid = N_("{Who} are {population} of the site and {members} "
		    "of {group}.");
	else if (g->site != NULL)
		msgid = N_("{Who} are {population} of {site} and {members} of "
		    "its members.");
	else
		msgid = N_("{Who} are {population} of the population served "
		    "and {members} of its members.");
	ctx = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?}", "who", who, "Who",
	    Who, "population", pp, "members", mp, "site", g->site, "group",
	    g->group);
	if (ctx != NULL)
		s = evidence_say(msgid, ctx, words);
	json_decref(ctx);
	free(who);
	free(Who);
	return s;
}
