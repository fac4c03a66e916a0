/*
 * Answering on screen: by the anonymous link, at a kiosk on a shared
 * laptop, or by an interviewer on someone's behalf.  Respondents never
 * sign in and nothing about them is stored but their answers (and, at a
 * kiosk or interview, the place; and the site, which an organisation-wide
 * survey asks first).  After each answer the kiosk redirects
 * to a fresh, empty form; pages are sent with Cache-Control: no-store
 * (every dynamic page is) and the form with autocomplete="off", so
 * neither Back nor the browser's form memory shows the last person's
 * answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../auth/account.h"
#include "../config.h"
#include "../db/db.h"
#include "../server/dispatch.h"
#include "../server/easy_read.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

enum answer_mode {
	ANSWER_LINK,
	ANSWER_KIOSK,
	ANSWER_INTERVIEW
};

static const char *const channel_names[] = { "link", "kiosk", "interview" };

struct answering {
	enum answer_mode mode;
	json_t		*survey;	/* borrowed */
	json_t		*questions;	/* owned */
	json_t		*places;	/* owned */
	json_t		*sites;		/* owned: the organisation's */
	int64_t		 place;
	int64_t		 site;		/* chosen, organisation-wide */
	const char	*action;	/* the form's target */
};

/*
 * The kiosk's thank-you is said to the person who just answered, in the
 * language and reading they answered in; the rest of the page is the
 * next person's, as the kiosk starts.  Their choice comes in the
 * thank-you's address only (thanks_lang, thanks_read), never a cookie,
 * so nothing of it stays for the next person.  A new object.
 */
static json_t *
kiosk_thanks(const struct request *rq)
{
	const struct language	*l = language_find(form_get(&rq->query,
				    "thanks_lang"));
	const struct catalogue	*words;
	const char		*read = form_get(&rq->query, "thanks_read");

	if (l == NULL)
		l = rq->lang != NULL ? rq->lang : language_default();
	words = language_words(l);
	return json_pack("{s:s, s:s, s:s, s:s, s:b}", "lang", l->code,
	    "saved", catalogue_get(words, N_("Saved")), "thanks",
	    catalogue_get(words, N_("Thank you.")), "next", catalogue_get(
	    words, N_("The next person can start now.")), "easy", read !=
	    NULL && strcmp(read, "easy") == 0);
}

static void
show(struct request *rq, struct response *rs, struct answering *a,
    int status, const json_t *typed, json_t *errors, int done)
{
	json_t	*view, *consent;
	const char *lang = survey_reader_lang(rq);

	/* An interview's title says so; the survey's own page is
	 * "Survey: ..." (title_which), the answer form its bare title. */
	view = json_pack("{s:o, s:o, s:o, s:s, s:s, s:I, s:o, s:b, s:b, s:b, "
	    "s:b, s:O, s:b}", "title", a->mode == ANSWER_INTERVIEW ?
	    json_string(N_("Record an interview")) :
	    json_string(survey_word(a->survey, "title", lang)),
	    "survey", survey_view_words(a->survey, lang), "questions",
	    answer_form_view(a->questions, typed, errors, lang), "action",
	    a->action, "token",
	    view_str(a->survey, "token"), "place", (json_int_t)a->place,
	    "errors", errors, "has_errors", json_array_size(errors) > 0,
	    "done", done, "is_kiosk", a->mode == ANSWER_KIOSK,
	    "is_interview", a->mode == ANSWER_INTERVIEW, "places", a->places,
	    "consent_given", typed != NULL && form_get(&rq->body, "consent")
	    != NULL);
	if (done && a->mode == ANSWER_KIOSK)
		json_object_set_new(view, "kiosk_thanks", kiosk_thanks(rq));
	site_question_view(view, a->survey, a->sites, a->site, errors);
	answer_form_names_box(view, a->questions);
	/* The consent box with its error beside it, as any box. */
	consent = json_object();
	fields_error_beside(consent, "consent", 0, errors);
	json_object_set_new(view, "consent_box", consent);
	response_page(rs, status, "surveys/answer", view);
}

/*
 * The anonymous link and the kiosk take at most answers_per_minute
 * answers from one address a minute, counted like failed sign-ins (a
 * row in login_failures keyed "answer:<address>": the address, a count
 * and when the minute began, nothing more), so one machine cannot fill
 * a survey with made-up answers.  A kiosk is one address: the limit is
 * set for a queue of people at one laptop.  1 when refused (429 with
 * Retry-After).
 */
#define ANSWER_WINDOW_S	60

static void
answer_key(const struct request *rq, char *key, size_t sz)
{
	snprintf(key, sz, "answer:%s", rq->client_addr);
}

static int
answers_throttled(struct request *rq, struct response *rs)
{
	char	 key[80];
	int	 rc;

	answer_key(rq, key, sizeof(key));
	rc = throttle_blocked(rq->db, key, rq->app->config->answers_per_minute,
	    ANSWER_WINDOW_S, rq->now);
	if (rc == 0)
		return 0;
	if (rc < 0)
		response_error(rs, 500, "Something went wrong.");
	else {
		response_error(rs, 429, "Too many answers have come from this "
		    "address in the last minute. Wait a minute, then send "
		    "your answers again.");
		rs->retry_after = ANSWER_WINDOW_S;
	}
	return 1;
}

/* Counts an answer stored, in its transaction. */
static int
answer_counted(struct request *rq)
{
	char	 key[80];

	answer_key(rq, key, sizeof(key));
	return throttle_fail(rq->db, key, ANSWER_WINDOW_S, rq->now);
}

static void
answer(struct request *rq, struct response *rs, struct answering *a)
{
	json_t	*answers = NULL, *typed = NULL, *errors;
	int64_t	 id;
	int	 rc;

	a->questions = survey_questions(rq->db, view_int(a->survey,
	    "version_id"));
	a->places = survey_places(rq->db, view_int(a->survey, "site_id"));
	a->sites = survey_sites(rq->db);
	if (a->questions == NULL || a->places == NULL || a->sites == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (a->mode == ANSWER_KIOSK)
		a->place = survey_place_of(a->places, form_get_id(rq->method ==
		    HTTP_GET ? &rq->query : &rq->body, "place"));
	if (rq->method == HTTP_GET) {
		show(rq, rs, a, 200, NULL, json_array(), form_get(&rq->query,
		    "done") != NULL);
		return;
	}
	if (a->mode != ANSWER_INTERVIEW && answers_throttled(rq, rs))
		return;
	errors = json_array();
	/* The site comes first on the form, so its error does too. */
	a->site = response_site(a->survey, a->sites, &rq->body, errors);
	answer_form_read(a->questions, &rq->body, 0, &answers, &typed, errors,
	    survey_reader_lang(rq));
	if (form_get(&rq->body, "consent") == NULL) {
		form_error(errors, "consent", a->mode == ANSWER_INTERVIEW ?
		    N_("Tick to say the person agreed") : N_("Tick to say you agree"));
		/* The summary's link goes to the box itself. */
		form_error_link(errors, "#consent-input");
	}
	if (a->mode == ANSWER_INTERVIEW)
		a->place = survey_place_of(a->places, form_get_id(&rq->body,
		    "place"));
	if (json_array_size(errors) > 0) {
		show(rq, rs, a, 422, typed, errors, 0);
		goto out;
	}
	rc = response_add(rq->db, rq->who.account_id, view_int(a->survey,
	    "id"), view_int(a->survey, "version_id"), channel_names[a->mode],
	    a->place, a->site, NULL, answers, &id);
	if (rc == DB_OK && a->mode != ANSWER_INTERVIEW)
		rc = answer_counted(rq);
	if (rc != DB_OK) {
		response_error(rs, 500, "Something went wrong.");
		json_decref(errors);
		goto out;
	}
	if (a->mode == ANSWER_INTERVIEW)
		response_redirect(rs, "/surveys/%lld/interview?done=1",
		    (long long)view_int(a->survey, "id"));
	else if (a->mode == ANSWER_KIOSK) {
		/* The next person starts as the kiosk does (its place's
		 * language, standard pages), not as the last one chose;
		 * the switches stay on the page. */
		response_cookie(rs, LANG_COOKIE, NULL);
		response_cookie(rs, READ_COOKIE, NULL);
		response_redirect(rs, "/kiosk?t=%s&place=%lld&done=1"
		    "&thanks_lang=%s&thanks_read=%s", view_str(a->survey,
		    "token"), (long long)a->place, rq->lang != NULL ?
		    rq->lang->code : language_default()->code, rq->easy_read ?
		    "easy" : "standard");
	}
	else
		response_redirect(rs, "/answer/thanks");
	json_decref(errors);
out:
	json_decref(answers);
	json_decref(typed);
}

/* The link and the kiosk: the survey comes from the token. */
static void
by_token(struct request *rq, struct response *rs, enum answer_mode mode,
    const char *action)
{
	struct answering a = { mode, NULL, NULL, NULL, NULL, 0, 0, action };
	const char	*token = form_get(rq->method == HTTP_GET ? &rq->query :
			    &rq->body, "t");
	int		 rc;

	if (rq->who.account_id == 0)
		request_anon_csrf(rq, rs);
	rc = survey_by_token(rq->db, token, &a.survey);
	if (rc <= 0) {
		if (rc < 0)
			response_error(rs, 500, "Something went wrong.");
		else
			response_error(rs, 404, "This survey is not open. "
			    "Check the link you were given.");
		return;
	}
	/* Someone at a kiosk in a Welsh prison reads Welsh unless they
	 * choose otherwise. */
	request_language_of_place(rq, view_str(a.survey, "place_language"));
	answer(rq, rs, &a);
	json_decref(a.questions);
	json_decref(a.places);
	json_decref(a.sites);
	json_decref(a.survey);
}

void
survey_answer(struct request *rq, struct response *rs)
{
	by_token(rq, rs, ANSWER_LINK, "/answer");
}

void
survey_kiosk(struct request *rq, struct response *rs)
{
	by_token(rq, rs, ANSWER_KIOSK, "/kiosk");
}

void
survey_thanks(struct request *rq, struct response *rs)
{
	(void)rq;
	response_page(rs, 200, "surveys/thanks", json_pack("{s:s}", "title",
	    N_("Thank you")));
}

void
survey_interview(struct request *rq, struct response *rs)
{
	struct answering a = { ANSWER_INTERVIEW, NULL, NULL, NULL, NULL, 0, 0,
	    NULL };
	char		 action[64];
	int		 rc;

	if ((rc = survey_load(rq->db, rq->ids[0], &a.survey)) <= 0) {
		response_error(rs, rc < 0 ? 500 : 404, rc < 0 ?
		    "Something went wrong." : "Page not found.");
		return;
	}
	/* The interviewer needs no link; only staff on the survey's page
	 * see it. */
	json_object_set_new(a.survey, "token", json_string(""));
	if (strcmp(view_str(a.survey, "state"), "open") != 0) {
		response_error(rs, 409, "The survey is not open for answers.");
		json_decref(a.survey);
		return;
	}
	snprintf(action, sizeof(action), "/surveys/%lld/interview",
	    (long long)rq->ids[0]);
	a.action = action;
	/* Someone at a kiosk in a Welsh prison reads Welsh unless they
	 * choose otherwise. */
	request_language_of_place(rq, view_str(a.survey, "place_language"));
	answer(rq, rs, &a);
	json_decref(a.questions);
	json_decref(a.places);
	json_decref(a.sites);
	json_decref(a.survey);
}
