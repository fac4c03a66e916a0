/*
 * Demo surveys: the Over-50s Forum's completed loneliness survey at HMP
 * Fenwick (the UCLA three-item scale, the ONS direct question, skip
 * logic, monitoring questions, answers from four wings, so results show
 * and some small cells are suppressed), an open consultation at
 * Westvale, and event votes at both.  Answers are made up by a fixed
 * pseudo-random sequence, so every demo database is the same.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "demo.h"
#include "../db/db.h"
#include "../surveys/surveys.h"
#include "../util/view.h"

#define LONELINESS_RESPONSES	46

/* A small linear congruential generator: the same answers every time. */
static unsigned
next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* One of n answers, weighted: weights[i] out of their sum. */
static const char *
pick(unsigned *seed, const char *const *answers, const int *weights)
{
	int	 sum = 0, i, r;

	for (i = 0; answers[i] != NULL; i++)
		sum += weights[i];
	r = (int)(next(seed) % (unsigned)sum);
	for (i = 0; answers[i + 1] != NULL && r >= weights[i]; i++)
		r -= weights[i];
	return answers[i];
}

static const char *const ucla[] = { "Hardly ever", "Some of the time",
    "Often", NULL };
static const char *const ons[] = { "Often/always", "Some of the time",
    "Occasionally", "Hardly ever", "Never", NULL };
static const char *const ages[] = { "50 to 64", "65 or over",
    "Prefer not to say", NULL };
static const char *const yes_no[] = { "Yes", "No", NULL };
static const char *const activities[] = { "Education", "Gym", "Chapel",
    "Library", NULL };
static const char *const ideas[] = {
	"A weekly coffee morning on the wing for older men.",
	"More time out of cell to see people from other wings.",
	"Help to stay in touch with family by phone.",
	"Someone to talk to in the evenings.",
	"A quiet room with games and newspapers.",
	NULL
};

/* The id of the question at position in the rows. */
static int64_t
qid(const json_t *qs, int64_t position)
{
	return view_int(json_array_get(qs, (size_t)position - 1), "id");
}

static void
add(json_t *answers, int64_t question, const char *value)
{
	json_array_append_new(answers, json_pack("{s:I, s:s}", "question_id",
	    (json_int_t)question, "value", value));
}

/* Custom questions around the instruments, one with a skip, each in
 * Welsh too, as the forum wrote them for its Welsh-speaking members. */
static json_t *
own_questions(void)
{
	return json_pack("[{s:s, s:s, s:s, s:s, s:b, s:s, s:i, s:s, s:s, "
	    "s:s}, {s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:s}, "
	    "{s:s, s:s, s:s, s:n, s:b, s:s, s:s}]",
	    "section", "Taking part", "kind", "single", "prompt",
	    "Do you go to any activities off the wing?", "choices", "Yes\nNo",
	    "required", 1, "skip_answer", "No", "skip_to", 3,
	    "section_cy", "Cymryd rhan", "prompt_cy", "Ydych chi\u2019n mynd "
	    "i unrhyw weithgareddau oddi ar yr adain?", "choices_cy",
	    "Ydw\nNac ydw",
	    "section", "Taking part", "kind", "multiple", "prompt",
	    "Which ones?", "choices", "Education\nGym\nChapel\nLibrary",
	    "required", 0, "section_cy", "Cymryd rhan", "prompt_cy",
	    "Pa rai?", "choices_cy", "Addysg\nCampfa\nCapel\nLlyfrgell",
	    "section", "Your ideas", "kind", "text", "prompt",
	    "What would help you feel less lonely here?", "choices",
	    "required", 0, "section_cy", "Eich syniadau", "prompt_cy",
	    "Beth fyddai\u2019n eich helpu i deimlo\u2019n llai unig yma?");
}

static int
loneliness_responses(struct db *db, int64_t actor, json_t *s,
    const int64_t *units)
{
	static const int w_ucla[] = { 4, 4, 2 }, w_ons[] = { 2, 3, 3, 2, 1 };
	static const int w_age[] = { 6, 5, 1 }, w_yes[] = { 3, 2 };
	static const int w_place[] = { 8, 6, 5, 1 };
	static const char *const places[] = { "0", "1", "2", "3", NULL };
	json_t		*qs, *a;
	unsigned	 seed = 2026;
	int64_t		 id;
	int		 i, rc = DB_OK;
	const char	*going;

	qs = survey_questions(db, view_int(s, "version_id"));
	if (qs == NULL)
		return DB_ERROR;
	for (i = 0; i < LONELINESS_RESPONSES && rc == DB_OK; i++) {
		a = json_array();
		going = pick(&seed, yes_no, w_yes);
		add(a, qid(qs, 1), going);
		if (strcmp(going, "Yes") == 0) {
			add(a, qid(qs, 2), activities[next(&seed) % 4]);
			if (next(&seed) % 3 == 0)
				add(a, qid(qs, 2), "Library");
		}
		if (next(&seed) % 4 == 0)
			add(a, qid(qs, 3), ideas[next(&seed) % 5]);
		add(a, qid(qs, 4), pick(&seed, ucla, w_ucla));
		add(a, qid(qs, 5), pick(&seed, ucla, w_ucla));
		add(a, qid(qs, 6), pick(&seed, ucla, w_ucla));
		add(a, qid(qs, 7), pick(&seed, ons, w_ons));
		add(a, qid(qs, 8), pick(&seed, ages, w_age));
		add(a, qid(qs, 9), pick(&seed, yes_no, w_yes));
		rc = response_add(db, actor, view_int(s, "id"), view_int(s,
		    "version_id"), i % 3 == 0 ? "paper" : "interview",
		    units[pick(&seed, places, w_place)[0] - '0'], view_int(s,
		    "site_id"), NULL, a, &id);
		json_decref(a);
	}
	json_decref(qs);
	return rc;
}

/* Makes a survey with questions own (taken: freed here) and the
 * instruments named; title_cy its title in Welsh, or NULL. */
static int
survey_make(struct db *db, int64_t actor, int64_t group, const char *title,
    const char *title_cy, const char *const *instruments, json_t *own,
    int64_t *id)
{
	json_t	*v, *rows;
	size_t	 i;
	int	 rc;

	v = json_pack("{s:s, s:s, s:s, s:b, s:s?, s:s, s:s}", "title", title,
	    "intro", "We are asking people what it is like here, so we can "
	    "make the case for what would help. It takes about five minutes.",
	    "consent", "Your answers are anonymous. Nothing that names you "
	    "is kept. Numbers smaller than 5 are never published.",
	    "double_entry", 1, "title_cy", title_cy, "intro_cy", "Rydym yn "
	    "gofyn i bobl sut beth yw bod yma, er mwyn dadlau dros yr hyn a "
	    "fyddai\u2019n helpu. Mae\u2019n cymryd tua phum munud.",
	    "consent_cy", "Mae eich atebion yn ddienw. Ni chedwir dim sy\u2019n "
	    "eich enwi. Ni chyhoeddir byth niferoedd llai na 5.");
	rc = survey_add(db, actor, group, v, id);
	json_decref(v);
	if (rc == DB_OK && own != NULL)
		rc = survey_questions_add(db, actor, *id, own);
	json_decref(own);
	for (i = 0; rc == DB_OK && instruments[i] != NULL; i++) {
		rows = instrument_questions(instruments[i]);
		rc = rows ? survey_questions_add(db, actor, *id, rows) :
		    DB_ERROR;
		json_decref(rows);
	}
	return rc;
}

/* Codes the first free-text answer of a survey into a theme. */
static int
theme_first(struct db *db, int64_t actor, int64_t survey, const char *name)
{
	json_t	*texts = text_answers(db, survey), *t;
	int64_t	 theme;
	int	 rc;

	if ((t = json_array_get(texts, 0)) == NULL) {
		json_decref(texts);
		return DB_ERROR;
	}
	rc = theme_add(db, actor, survey, name, &theme);
	if (rc == DB_OK)
		rc = theme_tag(db, actor, theme, view_int(t, "response_id"),
		    view_int(t, "question_id"));
	json_decref(texts);
	return rc;
}

static int
vote_make(struct db *db, int64_t actor, int64_t group, const char *title,
    const char *options, const int64_t *counts, size_t n, time_t now)
{
	json_t	*v, *c;
	char	 today[16];
	int64_t	 id;
	size_t	 i;
	int	 rc;

	strftime(today, sizeof(today), "%Y-%m-%d", gmtime(&now));
	v = json_pack("{s:s, s:s, s:s, s:s}", "title", title, "held_on", today,
	    "method", "ballot", "options", options);
	rc = event_vote_add(db, actor, group, v, &id);
	json_decref(v);
	if (rc != DB_OK || counts == NULL)
		return rc;
	c = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(c, json_integer(counts[i]));
	rc = event_vote_count(db, actor, id, c);
	json_decref(c);
	return rc == DB_OK ? event_vote_publish(db, actor, id, today) : rc;
}

int
demo_surveys(struct db *db, const int64_t *groups, const int64_t (*units)[7],
    const int64_t *accounts, time_t now)
{
	static const char *const loneliness[] = { "ucla3", "ons_direct",
	    "monitoring", NULL };
	static const char *const none[] = { NULL };
	static const int64_t charter[] = { 31, 58, 17, 24 };
	json_t	*s, *a, *qs;
	int64_t	 fenwick, westvale, id, coordinator = accounts[0];
	int	 rc;

	/* The Over-50s Forum's loneliness survey, answered and closed. */
	rc = survey_make(db, coordinator, groups[0], "Loneliness on the "
	    "wings (over-50s)", "Unigrwydd ar yr adenydd (dros 50 oed)",
	    loneliness, own_questions(), &fenwick);
	if (rc == DB_OK)
		rc = survey_set_state(db, coordinator, fenwick, "draft", "open");
	if (rc == DB_OK && survey_load(db, fenwick, &s) > 0) {
		rc = loneliness_responses(db, coordinator, s, units[0]);
		json_decref(s);
	}
	if (rc == DB_OK)
		rc = survey_set_state(db, coordinator, fenwick, "open",
		    "closed");
	if (rc == DB_OK)
		rc = theme_first(db, coordinator, fenwick, "Contact with "
		    "others");
	/* Westvale's consultation, open, with one answer so far. */
	if (rc == DB_OK)
		rc = survey_make(db, accounts[5], groups[3], "What should "
		    "reception be like?", NULL, none, json_pack("[{s:s, s:s, s:s, "
		    "s:n, s:b}]", "kind", "text", "prompt", "What one thing "
		    "would make reporting here easier?", "section", "",
		    "choices", "required", 1), &westvale);
	if (rc == DB_OK)
		rc = survey_set_state(db, accounts[5], westvale, "draft",
		    "open");
	if (rc == DB_OK && survey_load(db, westvale, &s) > 0) {
		qs = survey_questions(db, view_int(s, "version_id"));
		a = json_pack("[{s:I, s:s}]", "question_id", (json_int_t)qid(qs,
		    1), "value", "Somewhere to sit that is not by the door.");
		rc = response_add(db, accounts[5], westvale, view_int(s,
		    "version_id"), "kiosk", 0, view_int(s, "site_id"), NULL, a,
		    &id);
		json_decref(a);
		json_decref(qs);
		json_decref(s);
	}
	if (rc == DB_OK)
		rc = theme_first(db, accounts[5], westvale, "Waiting area");
	/* Event votes: the charter launch, counted and published; and
	 * Westvale's open one. */
	if (rc == DB_OK)
		rc = vote_make(db, accounts[4], groups[2], "Next phase of the "
		    "charter", "Peer mentoring\nA drop-in on Saturdays\n"
		    "Help into work\nA family day", charter, 4, now);
	if (rc == DB_OK)
		rc = vote_make(db, coordinator, groups[0], "Theme of the next "
		    "forum open day", "Health\nFamily contact\nResettlement",
		    NULL, 0, now);
	if (rc == DB_OK)
		rc = vote_make(db, accounts[5], groups[3], "Opening hours "
		    "of the drop-in", "Mornings\nAfternoons\nEvenings", NULL,
		    0, now);
	return rc;
}
