/*
 * The one builder of the evidence: a scope and a period into the view
 * that the dashboards, their JSON, the annual report's PDF and its XLSX
 * all draw, so none can show a figure the others hide.  Every count goes
 * through one struct figures (one suppressed page): a measure's part
 * and whole each month and over the period, the members by unit and by
 * each monitored characteristic beside the population, the activity
 * counts.  Shares, gaps, charts and verdicts are worked out afterwards,
 * from shown counts only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence_build.h"
#include "../proposals/proposals.h"
#include "../server/form_page.h"
#include "../surveys/surveys.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/view.h"

#define HIGHLIGHTS_MAX	5	/* "you said, we did" items in the view */

/* One measure of a criterion: a flow counted by month, or a snapshot on
 * each month's last day; its records page for each kind of scope. */
struct measure_def {
	enum evidence_criterion	 criterion;
	const char		*key;
	const char		*label;		/* a message */
	int			 flow;		/* enum evidence_flow, or -1 */
	int			 snapshot;	/* enum evidence_snapshot, or -1 */
	const char		*group_href;	/* "/groups/%lld/..." or NULL */
	const char		*site_href;	/* "/sites/%lld/..." or NULL */
	const char		*org_href;	/* a plain path, or NULL */
};

static const struct measure_def measures[] = {
	{ EV_PROCEDURES, "minutes", N_("Minutes published within 14 days of "
	    "the meeting"), FLOW_MINUTES, -1, "/groups/%lld/meeting-measures",
	    NULL, NULL },
	{ EV_PROCEDURES, "action_points", N_("Action points closed by their "
	    "date"), FLOW_ACTION_POINTS, -1, "/groups/%lld/action-points", NULL,
	    NULL },
	{ EV_SUPPORT, "invited", N_("Decision makers who came when invited"),
	    FLOW_INVITED, -1, "/groups/%lld/meetings", NULL, NULL },
	{ EV_SUPPORT, "answered", N_("Proposals answered within their deadline"),
	    FLOW_ANSWERED, -1, "/groups/%lld/timeliness",
	    "/sites/%lld/timeliness", NULL },
	{ EV_STRATEGY, "objectives", N_("Objectives done or not yet due"), -1,
	    SNAP_OBJECTIVES, "/groups/%lld/strategy", NULL, NULL },
	{ EV_PERCEPTIONS, "perceptions", N_("Answers agreeing to the three "
	    "questions about taking part (involvement experience survey)"),
	    FLOW_PERCEPTIONS, -1, NULL, NULL, "/surveys" },
	{ EV_TRUST, "trust", N_("Answers agreeing to the three questions about "
	    "trust between members and staff (involvement experience survey)"),
	    FLOW_TRUST, -1, NULL, NULL, "/surveys" },
	{ EV_TRAINING, "trained", N_("Active reps with current training"), -1,
	    SNAP_TRAINED, NULL, "/sites/%lld/training", NULL },
	{ EV_TRAINING, "supervised", N_("Active reps with supervision on "
	    "schedule"), -1, SNAP_SUPERVISED, NULL, NULL,
	    "/supervision/overdue" },
	{ EV_TRAINING, "expenses", N_("Expenses paid within 30 days"),
	    FLOW_EXPENSES, -1, NULL, NULL, "/expenses" },
	{ EV_MONITORING, "monitored", N_("Members with an equality monitoring "
	    "record from the last 12 months"), -1, SNAP_MONITORED, NULL, NULL,
	    NULL },
	{ EV_MONITORING, "respondents", N_("Survey responses to a survey that "
	    "asked the equality monitoring questions"), FLOW_RESPONDENTS, -1,
	    NULL, NULL, "/surveys" },
	{ EV_MONITORING, "experts", N_("Experts by experience on procurement "
	    "panels with a monitoring record from the last 12 months"), -1,
	    SNAP_EXPERTS, NULL, NULL, "/procurements" },
};
#define NMEASURES	(sizeof(measures) / sizeof(measures[0]))

static const struct choice activities[] = {
	{ "attendance", N_("Attendance") },
	{ "sessions", N_("Sessions held") },
	{ "new_members", N_("New members") },
	{ "moved_on", N_("Moved on to work or volunteering") },
	{ NULL, NULL },
};

static int64_t
row_count(const json_t *rows, const char *month, const char *key)
{
	const json_t	*row;
	size_t		 i;

	json_array_foreach(rows, i, row)
		if (strcmp(view_str(row, "month"), month) == 0)
			return view_int(row, key);
	return 0;
}

static json_t *
month_object(struct build *b, const char *month)
{
	char	 words[64];

	evidence_month_words(month, b->words, words, sizeof(words));
	return json_pack("{s:s, s:s}", "month", month, "month_words", words);
}

/* One measure's months and its period figure, their counts added. */
static json_t *
measure_points(struct build *b, const struct measure_def *d, size_t mi)
{
	json_t		*rows = NULL, *months = json_array(), *total;
	struct point	*pt = &b->points[mi * (b->nmonths + 1)];
	size_t		*parts, *wholes;
	char		 day[DATE_CHARS + 1];
	int64_t		 part, whole;
	int		 m;

	parts = calloc(b->nmonths, sizeof(*parts));
	wholes = calloc(b->nmonths, sizeof(*wholes));
	if (d->flow >= 0)
		rows = evidence_flow_rows(b->db, d->flow, b->scope, b->from,
		    b->to, b->today);
	if (months == NULL || parts == NULL || wholes == NULL ||
	    (d->flow >= 0 && rows == NULL))
		goto fail;
	for (m = 0; m < b->nmonths; m++) {
		if (d->flow >= 0) {
			part = row_count(rows, b->months[m], "part");
			whole = row_count(rows, b->months[m], "whole");
		} else {
			evidence_month_end(b->months[m], b->to, day);
			if (evidence_snapshot(b->db, d->snapshot, b->scope, day,
			    &part, &whole) < 0)
				goto fail;
		}
		pt[m].obj = month_object(b, b->months[m]);
		json_array_append_new(months, pt[m].obj);
		pt[m].part = parts[m] = figures_add(&b->fig, pt[m].obj, "part",
		    part);
		pt[m].whole = wholes[m] = figures_add(&b->fig, pt[m].obj,
		    "whole", whole);
		figures_split(&b->fig, pt[m].whole, pt[m].part);
	}
	total = json_object();
	pt[m].obj = total;
	if (d->flow >= 0) {
		/* The period is the sum of its months. */
		int64_t	 sp = 0, sw = 0;

		for (m = 0; m < b->nmonths; m++) {
			sp += figures_value(&b->fig, parts[m]);
			sw += figures_value(&b->fig, wholes[m]);
		}
		pt[b->nmonths].part = figures_add(&b->fig, total, "part", sp);
		pt[b->nmonths].whole = figures_add(&b->fig, total, "whole", sw);
		figures_line(&b->fig, pt[b->nmonths].part, parts, b->nmonths);
		figures_line(&b->fig, pt[b->nmonths].whole, wholes, b->nmonths);
	} else {
		/* A snapshot's figure is its last day's, the same counts. */
		pt[b->nmonths].part = pt[b->nmonths - 1].part;
		pt[b->nmonths].whole = pt[b->nmonths - 1].whole;
	}
	if (d->snapshot == SNAP_MONITORED)
		b->members = pt[b->nmonths].whole;
	json_decref(rows);
	free(parts);
	free(wholes);
	return json_pack("{s:s, s:s, s:o, s:o}", "key", d->key, "label",
	    d->label, "months", months, "period", total);
fail:
	json_decref(rows);
	json_decref(months);
	free(parts);
	free(wholes);
	return NULL;
}

int
build_point_percent(struct build *b, const struct point *pt)
{
	int	 pc = -1;

	if (figures_shown(&b->fig, pt->part) &&
	    figures_shown(&b->fig, pt->whole))
		pc = evidence_percent(figures_value(&b->fig, pt->part),
		    figures_value(&b->fig, pt->whole));
	json_object_set_new(pt->obj, "percent", pc < 0 ? json_null() :
	    json_integer(pc));
	return pc;
}


/* The words for a point: "8 of 10 (80%)", or why there is no share. */
static void
point_words(struct build *b, json_t *o)
{
	char	 words[256];

	evidence_point_words(o, b->words, words, sizeof(words));
	json_object_set_new(o, "words", json_string(words));
}

/* A chart of the months' shares: SVG for the page, the same bars for
 * the PDF's PNG. */
static void
measure_chart(struct build *b, json_t *measure, const char *label)
{
	json_t		*bars = json_array(), *pt;
	struct buf	 svg;
	size_t		 i;

	json_array_foreach(json_object_get(measure, "months"), i, pt) {
		int	 shown = json_is_integer(json_object_get(pt, "percent"));

		json_array_append_new(bars, json_pack("{s:s, s:I, s:b, s:s}",
		    "label", view_str(pt, "month_words"), "n", (json_int_t)(
		    shown ? view_int(pt, "percent") : 0), "hidden", !shown,
		    "shown", shown ? "" : catalogue_get(b->words,
		    N_("no figure"))));
	}
	json_object_set_new(measure, "bars", bars);
	buf_init(&svg, 64 * 1024);
	if (chart_svg(&svg, label, bars, b->words) == 0 &&
	    buf_putc(&svg, '\0') == 0)
		json_object_set_new(measure, "chart_html",
		    json_string(svg.data));
	buf_release(&svg);
}

static char *
records_href(const struct evidence_scope *s, const struct measure_def *d)
{
	if (s->group_id != 0 && d->group_href != NULL)
		return location_of(d->group_href, s->group_id);
	if (s->group_id == 0 && s->site_id != 0 && d->site_href != NULL)
		return location_of(d->site_href, s->site_id);
	if (d->org_href != NULL)
		return strdup(d->org_href);
	return NULL;
}

/* ---- activity, strategy, highlights ------------------------------------ */

static json_t *
activity(struct build *b)
{
	json_t	*rows, *list = json_array(), *a, *months, *pt;
	size_t	*parts, i, total;
	int64_t	 sum;
	int	 m;

	rows = evidence_activity(b->db, b->scope, b->months[0],
	    b->months[b->nmonths - 1]);
	parts = calloc(b->nmonths, sizeof(*parts));
	if (rows == NULL || list == NULL || parts == NULL) {
		json_decref(rows);
		json_decref(list);
		free(parts);
		return NULL;
	}
	/* A month nobody recorded reads "not recorded", not 0, and an
	 * activity with no month recorded is left out: a funder reading 0
	 * would take it for none. */
	for (i = 0; activities[i].value != NULL; i++) {
		const json_t	*row, *found[EVIDENCE_MONTHS_MAX];
		size_t		 r, k = 0;
		int		 recorded = 0;

		for (m = 0; m < b->nmonths; m++) {
			found[m] = NULL;
			json_array_foreach(rows, r, row)
				if (strcmp(view_str(row, "month"),
				    b->months[m]) == 0 && strcmp(view_str(row,
				    "activity"), activities[i].value) == 0)
					found[m] = row;
			recorded |= found[m] != NULL;
		}
		if (!recorded)
			continue;
		months = json_array();
		a = json_pack("{s:s, s:s, s:o}", "key", activities[i].value,
		    "label", activities[i].label, "months", months);
		json_array_append_new(list, a);
		for (m = 0, sum = 0; m < b->nmonths; m++) {
			pt = month_object(b, b->months[m]);
			json_array_append_new(months, pt);
			if (found[m] == NULL) {
				json_object_set_new(pt, "n", json_string(
				    catalogue_get(b->words,
				    N_("not recorded"))));
				continue;
			}
			parts[k++] = figures_add(&b->fig, pt, "n",
			    view_int(found[m], "n"));
			sum += view_int(found[m], "n");
		}
		total = figures_add(&b->fig, a, "total", sum);
		figures_line(&b->fig, total, parts, k);
	}
	json_decref(rows);
	free(parts);
	return list;
}

static json_t *
strategy(struct build *b)
{
	json_t	*st, *objectives, *o;
	size_t	 i;
	char	 review_by[DATE_CHARS + 1];
	int	 rc;

	if (b->scope->group_id == 0)
		return json_null();
	if ((rc = strategy_load(b->db, b->scope->group_id, &st)) < 0)
		return NULL;
	if (rc == 0)
		return json_null();
	if ((objectives = strategy_objectives(b->db, b->scope->group_id)) ==
	    NULL) {
		json_decref(st);
		return NULL;
	}
	json_array_foreach(objectives, i, o)
		json_object_set_new(o, "overdue", json_boolean(json_is_null(
		    json_object_get(o, "done_on")) && strcmp(view_str(o,
		    "due_on"), b->today) < 0));
	date_add_months(view_str(st, "reviewed_on"), EVIDENCE_RECORD_MONTHS,
	    review_by);
	json_object_set_new(st, "review_due", json_boolean(strcmp(review_by,
	    b->today) < 0));
	json_object_set_new(st, "objectives", objectives);
	return st;
}

static json_t *
highlights(struct build *b)
{
	json_t	*rows, *row;
	size_t	 i;

	if ((rows = evidence_highlights(b->db, b->scope, b->from, b->to,
	    HIGHLIGHTS_MAX)) == NULL)
		return NULL;
	/* we_did in English for the JSON; the sentence in the reader's
	 * words for the report. */
	json_array_foreach(rows, i, row) {
		char	*said;

		if (outcome_words_in(row, b->words) == -1 || (said = evidence_say(
		    view_str(row, "we_did_msgid"), row, b->words)) == NULL) {
			json_decref(rows);
			return NULL;
		}
		json_object_set_new(row, "sentence", json_string(said));
		free(said);
	}
	return rows;
}

/*
 * Top-level support also says how long answers took: the median days,
 * said only when the answers it is drawn from are at least the privacy
 * threshold (a median of one answer is that answer, and names one
 * decision maker's time).  The answered measure's whole is no guide: it
 * counts unanswered proposals too.
 */
static int
median_days(struct build *b, json_t *support, int threshold)
{
	json_t		*hist;
	int		 days;
	char		 text[96];

	if ((hist = evidence_answer_days(b->db, b->scope, b->from, b->to)) ==
	    NULL)
		return -1;
	days = evidence_median_days(hist, threshold);
	json_decref(hist);
	if (days < 0)
		return 0;
	evidence_median_words(days, b->words, text, sizeof(text));
	json_object_set_new(support, "median_days", json_integer(days));
	json_object_set_new(support, "median_words", json_string(text));
	return 0;
}

/* ---- the criteria ------------------------------------------------------ */

static json_t *
criterion_view(struct build *b, enum evidence_criterion c,
    const json_t *targets)
{
	const struct evidence_criterion_def	*d = &evidence_criteria[c];
	const json_t				*t;
	const char				*by;

	t = json_object_get(targets, d->key);
	by = view_str(t, "set_by");
	/* Whose target it is, said only when it is not the organisation's. */
	return json_pack("{s:i, s:s, s:s, s:s, s:O, s:s?, s:s, s:b, s:[]}",
	    "number", (int)c + 1, "key", d->key, "title", d->title, "question",
	    d->question, "target", json_object_get(t, "target"), "target_by",
	    evidence_target_by(by, b->words), "set_by", by, "lower_is_better",
	    d->lower_is_better, "measures");
}

static void
criterion_verdict(struct build *b, json_t *cv, int figure)
{
	enum evidence_verdict	 v;
	int			 lower = json_is_true(json_object_get(cv,
				    "lower_is_better"));
	char			 text[128];

	v = evidence_verdict(figure, (int)view_int(cv, "target"), lower);
	json_object_set_new(cv, "verdict", json_string(
	    evidence_verdict_keys[v]));
	json_object_set_new(cv, "verdict_words", json_string(
	    evidence_verdict_words[v]));
	if (figure >= 0) {
		evidence_figure_words(figure, lower, b->words, text,
		    sizeof(text));
		json_object_set_new(cv, "figure", json_string(text));
	} else
		json_object_set_new(cv, "figure", json_null());
	evidence_target_words((int)view_int(cv, "target"), lower, view_str(cv,
	    "set_by"), b->words, text, sizeof(text));
	json_object_set_new(cv, "target_words", json_string(text));
}

json_t *
evidence_build(struct db *db, const struct evidence_scope *scope,
    const char *place, const char *from, const char *to, const char *today,
    int threshold, int links, const struct catalogue *words)
{
	struct build		 b;
	struct rep_table	*tables = NULL;
	size_t			 ntables = 0, i, mi;
	json_t			*view = NULL, *targets = NULL, *crits, *cv[EV__MAX];
	json_t			*mv[NMEASURES], *rep = NULL, *act = NULL;
	json_t			*st = NULL, *hl = NULL, *gaps = json_array();
	char			*href;
	int			 worst[EV__MAX], pc, largest = -1, m;
	int			 unjudged[EV__MAX];

	memset(&b, 0, sizeof(b));
	b.db = db;
	b.scope = scope;
	b.from = from;
	b.to = to;
	b.today = today;
	b.words = words;
	figures_init(&b.fig);
	if ((b.nmonths = evidence_months(from, to, b.months)) <= 0 ||
	    gaps == NULL) {
		json_decref(gaps);
		return NULL;
	}
	if ((b.points = calloc(NMEASURES * (b.nmonths + 1),
	    sizeof(*b.points))) == NULL || (targets = evidence_targets(db, scope)) ==
	    NULL || (crits = json_array()) == NULL)
		goto out;
	view = json_pack("{s:s, s:s, s:s, s:o}", "place", place, "from", from,
	    "to", to, "criteria", crits);
	for (i = 0; i < EV__MAX; i++) {
		cv[i] = criterion_view(&b, i, targets);
		json_array_append_new(crits, cv[i]);
		worst[i] = -1;
		unjudged[i] = 0;
	}
	for (mi = 0; mi < NMEASURES; mi++) {
		if ((mv[mi] = measure_points(&b, &measures[mi], mi)) == NULL)
			goto fail;
		json_array_append_new(json_object_get(cv[measures[mi].criterion],
		    "measures"), mv[mi]);
		if (links && (href = records_href(scope, &measures[mi])) !=
		    NULL) {
			json_object_set_new(mv[mi], "href", json_string(href));
			free(href);
		}
	}
	if ((rep = representation(&b, &tables, &ntables)) == NULL ||
	    (act = activity(&b)) == NULL || (st = strategy(&b)) == NULL ||
	    (hl = highlights(&b)) == NULL)
		goto fail;
	if (figures_run(&b.fig, threshold) == -1)
		goto fail;

	for (mi = 0; mi < NMEASURES; mi++) {
		struct point	*pt = &b.points[mi * (b.nmonths + 1)];
		int		*w = &worst[measures[mi].criterion];

		for (m = 0; m < b.nmonths; m++) {
			build_point_percent(&b, &pt[m]);
			point_words(&b, pt[m].obj);
		}
		/* A snapshot's period is its last month: the same counts,
		 * written into the period object too. */
		if (measures[mi].snapshot >= 0) {
			json_object_set(pt[m].obj, "part", json_object_get(
			    pt[m - 1].obj, "part"));
			json_object_set(pt[m].obj, "whole", json_object_get(
			    pt[m - 1].obj, "whole"));
		}
		pc = build_point_percent(&b, &pt[m]);
		point_words(&b, pt[m].obj);
		if (pc >= 0 && (*w < 0 || pc < *w))
			*w = pc;
		/* A measure with something to judge but too few to show
		 * leaves its criterion unjudged: the weakest shown measure
		 * alone could read "met" over a hidden one far below. */
		if (pc < 0 && !(figures_shown(&b.fig, pt[m].whole) &&
		    figures_value(&b.fig, pt[m].whole) == 0))
			unjudged[measures[mi].criterion] = 1;
		/* A flow too few over the period to show: rule 2 makes every
		 * month "fewer than N", the empty ones too, which says
		 * nothing and reads to a funder as if each month had some.
		 * One sentence says so instead; and a flow with none at all
		 * needs no twelve empty months. */
		if (measures[mi].flow >= 0 && (!figures_shown(&b.fig,
		    pt[m].whole) || figures_value(&b.fig, pt[m].whole) == 0)) {
			json_object_set_new(mv[mi], "months", json_array());
			json_object_set_new(mv[mi], "months_note", json_string(
			    evidence_months_note(figures_shown(&b.fig,
			    pt[m].whole), words)));
		} else
			measure_chart(&b, mv[mi], measures[mi].label);
	}
	/* A group beside its site, a site beside its members, the
	 * organisation's members beside the population it serves. */
	representation_shares(&b, tables, ntables, scope->group_id == 0 &&
	    scope->site_id != 0 ? place : NULL, scope->group_id ? place : NULL,
	    gaps, &largest);
	json_object_set(rep, "gaps", gaps);
	json_object_set_new(rep, "has_gaps", json_boolean(json_array_size(
	    gaps) > 0));
	json_object_set_new(rep, "members", figures_json(&b.fig, b.members,
	    threshold));
	json_object_set_new(cv[EV_REPRESENTATIVE], "representation", rep);
	rep = NULL;
	if (median_days(&b, cv[EV_SUPPORT], threshold) == -1)
		goto fail;
	criterion_verdict(&b, cv[EV_REPRESENTATIVE], largest);
	for (i = 1; i < EV__MAX; i++)
		criterion_verdict(&b, cv[i], unjudged[i] ? -1 : worst[i]);
	json_object_set_new(view, "activity", act);
	json_object_set_new(view, "has_activity", json_boolean(
	    json_array_size(act) > 0));
	json_object_set_new(view, "strategy", st);
	json_object_set_new(view, "highlights", hl);
	act = st = hl = NULL;
	goto out;
fail:
	json_decref(view);
	view = NULL;
out:
	json_decref(rep);
	json_decref(act);
	json_decref(st);
	json_decref(hl);
	json_decref(gaps);
	json_decref(targets);
	representation_free(tables);
	json_decref(b.units);
	figures_release(&b.fig);
	free(b.points);
	return view;
}
