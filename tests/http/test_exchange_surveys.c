/*
 * Surveys across the stick (issue 13, docs/exchange.md): the hub writes
 * a survey and opens it; the next bundle takes it to the wing, where the
 * forum collects answers on its laptop; the station's bundle brings the
 * responses back for the results.  Each place refuses what the other
 * keeps: the station, a change to the survey; the hub, a response for
 * the station's site.
 */
#include "http_test.h"
#include "http/exchange_places.h"

#define PW		PLACES_PW

static long long	survey;	/* Fenwick's, made at the hub */

/* Fenwick's wing survey, written and opened at the hub. */
static void
the_hubs_survey_reaches_the_wing(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96];

	(void)state;
	assert_int_equal(client_as(&member, &hub, "member.forum", PW), 0);
	survey = submit_created(&member, "/groups/1/surveys/new", "title="
	    "Kitchen+and+food&intro=About+the+food&consent=Anonymous+answers"
	    "&title_cy=Cegin+a+bwyd", "/surveys/");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", survey);
	posted(&member, path, "prompt=Is+the+food+hot%3F&kind=single&choices="
	    "Yes%0ANo&required=1&prompt_cy=Ydy%27r+bwyd+yn+boeth%3F"
	    "&choices_cy=Ydy%0ANac+ydy");
	posted(&member, path, "prompt=What+would+you+change%3F&kind=text");
	client_free(&member);
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld/open", survey);
	posted(&staff, path, "");
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "survey.rtx"), 0);
	assert_int_equal(carry(&hub, st_b.origin, &st_b.srv, "survey-b.rtx"),
	    0);

	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM "
	    "survey_questions q JOIN survey_versions v ON v.id = q.version_id "
	    "WHERE v.survey_id = %lld", survey), 2);
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld", survey);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Kitchen and food");
	reply_free(&r);
	client_free(&member);
	/* Its Welsh travels with it: the wing's Welsh readers read it. */
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM surveys "
	    "WHERE id = %lld AND title_cy = 'Cegin a bwyd'", survey), 1);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM "
	    "survey_questions q JOIN survey_versions v ON v.id = q.version_id "
	    "WHERE v.survey_id = %lld AND q.prompt_cy = 'Ydy''r bwyd yn "
	    "boeth?' AND q.choices_cy LIKE 'Ydy_Nac ydy'",
	    survey), 1);
	/* Another site's station does not see it. */
	assert_int_equal(db_scalar_id(&st_b.srv, "SELECT count(*) FROM surveys "
	    "WHERE id = %lld", survey), 0);
	station_agrees_with_hub(&st_a);
	station_agrees_with_hub(&st_b);
}

/* Answers collected on the wing, by interview and at the kiosk's link,
 * reach the hub, where the results are made. */
static void
answers_on_the_wing_reach_the_hub(void **state)
{
	struct client	 rep, anyone, staff;
	struct reply	 r;
	char		 path[96], body[160], *token;
	long long	 unit = db_scalar(&st_a.srv, "SELECT min(id) FROM units "
	    "WHERE site_id = 1");

	(void)state;
	assert_int_equal(client_as(&rep, &st_a.srv, "rep.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld/interview", survey);
	snprintf(body, sizeof(body), "q1=No&q2=Hot+plates&place=%lld"
	    "&consent=1", unit);
	submit_expect(&rep, path, body, 303, &r);
	reply_free(&r);
	client_free(&rep);
	snprintf(body, sizeof(body), "SELECT token FROM surveys WHERE id = "
	    "%lld", survey);
	token = db_text(&st_a.srv, body);
	client_init(&anyone, &st_a.srv);
	snprintf(path, sizeof(path), "/answer?t=%s", token);
	assert_int_equal(http_get(&anyone, path, &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "t=%s&q1=Yes&consent=1", token);
	post_expect(&anyone, "/answer", body, 303, &r);
	reply_free(&r);
	client_free(&anyone);
	free(token);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM "
	    "survey_responses WHERE survey_id = %lld AND id > (2 << 40)",
	    survey), 2);

	assert_int_equal(carry(&st_a.srv, 0, &hub, "answers.rtx"), 0);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM "
	    "survey_answers a JOIN survey_responses r ON r.id = a.response_id "
	    "WHERE r.survey_id = %lld", survey), 3);
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld/results", survey);
	/* Too few to show (fewer than 5), but read at the hub. */
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Results: Kitchen and food");
	reply_free(&r);
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "answers-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* The station may not change the hub's survey; the hub may not take a
 * response for the station's site. */
static void
each_place_keeps_to_its_part_of_a_survey(void **state)
{
	struct client	 staff;
	char		 path[96], body[160];
	long long	 unit = db_scalar(&hub, "SELECT min(id) FROM units "
	    "WHERE site_id = 1");
	long long	 responses = db_scalar(&hub, "SELECT count(*) FROM "
	    "survey_responses");

	(void)state;
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld/close", survey);
	refused_409(&staff, path, "", "kept at the hub");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", survey);
	refused_409(&staff, path, "prompt=Added+on+the+wing&kind=text",
	    "kept at the hub");
	refused_409(&staff, "/groups/1/surveys/new", "title=Local&intro=Here"
	    "&consent=Anonymous", "kept at the hub");
	client_free(&staff);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM surveys "
	    "WHERE id = %lld AND state = 'open'", survey), 1);

	assert_int_equal(client_as(&staff, &hub, "rep.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/surveys/%lld/interview", survey);
	snprintf(body, sizeof(body), "q1=Yes&place=%lld&consent=1", unit);
	refused_409(&staff, path, body, "kept on its station");
	client_free(&staff);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM "
	    "survey_responses"), responses);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_hubs_survey_reaches_the_wing),
		cmocka_unit_test(answers_on_the_wing_reach_the_hub),
		cmocka_unit_test(each_place_keeps_to_its_part_of_a_survey),
	};

	return cmocka_run_group_tests(tests, places_setup, places_teardown);
}
