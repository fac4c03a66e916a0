/*
 * The membership lifecycle through HTTP: the recruitment pipeline (every
 * step and a refused one, clearance as a status and date), supervision
 * notes hidden from the person supervised and from other staff, due dates
 * at month ends, training and certificates, and leaving well (actions
 * handed on, roles ended, the thank-you letter); a recruit made active
 * who already holds a role gets no second one, and leaving ends only its
 * own.  One binary: leaving finds the places the pipeline filled.
 */
#include "membership_test.h"

/* user may not open path: 403. */
static void
refused_to(const char *user, const char *path)
{
	struct client	 c;
	struct reply	 r;

	as(&c, user);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	client_free(&c);
}

static void
move(struct client *c, long long recruit, const char *body, long want)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/recruits/%lld/move", recruit);
	post_expect(c, path, body, want, &r);	/* see form_refused */
	reply_free(&r);
}

static void
the_pipeline_moves_step_by_step(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[200], *before;
	long long	 g = rep_team(), dennis = person_id("Dennis"), id;

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	/* The demo: Kevin checked, Gary due for release and shadowed. */
	assert_contains(r.body, "Kevin");
	assert_contains(r.body, "Eligibility checked");
	assert_contains(r.body, "Cleared (");
	assert_contains(r.body, "Gary (Wellbeing rep): Release");
	assert_contains(r.body, "Kevin shadows Gary");
	assert_contains(r.body, "Wellbeing rep: 3 of 4 filled");
	reply_free(&r);

	/* Kevin is checked and cleared.  No later step records a clearance,
	 * so "not cleared" can never walk on into the group. */
	snprintf(path, sizeof(path), "/recruits/%lld/move", scalar("SELECT id "
	    "FROM recruits WHERE person_id = %lld", person_id("Kevin")));
	before = db_fingerprint(srv.db);
	snprintf(body, sizeof(body), "event=induct&clearance=not_cleared"
	    "&clearance_on=%s", today);
	form_refused(&c, path, body, "clearance");
	form_refused(&c, path, "event=induct&clearance=not_cleared",
	    "clearance");
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	form_refused(&c, path, body, "event");	/* checked once only */
	assert_unchanged(before);
	assert_int_equal(scalar("SELECT count(*) FROM recruits r JOIN people p "
	    "ON p.id = r.person_id WHERE p.display_name = 'Kevin' AND "
	    "r.stage = 'checked' AND r.clearance = 'cleared'"), 1);

	snprintf(path, sizeof(path), "/groups/%lld/pipeline/new", g);
	snprintf(body, sizeof(body), "person_id=%lld&position=wellbeing_rep"
	    "&referred_by=self", dennis);
	form_saved(&c, path, body);
	id = scalar("SELECT id FROM recruits WHERE person_id = %lld", dennis);
	assert_true(id > 0);
	/* Once in the pipeline: not offered, refused if sent. */
	form_refused(&c, path, body, "person_id");

	/* Skipping a stage, an unknown step, and the check without a
	 * clearance are refused and change nothing. */
	before = db_fingerprint(srv.db);
	move(&c, id, "event=induct", 422);
	move(&c, id, "event=promote", 422);
	move(&c, id, "event=apply&clearance=cleared", 422);
	assert_unchanged(before);
	move(&c, id, "event=apply", 303);
	move(&c, id, "event=check", 422);
	move(&c, id, "event=check&clearance=pending&clearance_on=2026-11-01",
	    422);
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	move(&c, id, body, 303);
	move(&c, id, "event=activate", 422);
	move(&c, id, "event=induct", 303);
	move(&c, id, "event=train", 303);
	move(&c, id, "event=activate", 303);
	move(&c, id, "event=activate", 422);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND group_id = %lld AND position = "
	    "'wellbeing_rep' AND to_on IS NULL", dennis, g), 1);
	assert_int_equal(scalar("SELECT count(*) FROM recruit_events WHERE "
	    "recruit_id = %lld", id), 6);
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE action LIKE "
	    "'recruit.%%' AND entity_id = %lld", id), 6);
	/* The place is filled: no wellbeing rep vacancy now. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 4 of 4 filled");
	reply_free(&r);

	/* More places wanted open a vacancy; a count must be a number. */
	snprintf(path, sizeof(path), "/groups/%lld/posts", g);
	form_refused(&c, path, "position=wellbeing_rep&places=many", "places");
	form_saved(&c, path, "position=wellbeing_rep&places=5");

	/* Dennis shadows Harold, who is due to be transferred. */
	snprintf(path, sizeof(path), "/people/%lld/expected-leaving",
	    person_id("Harold"));
	form_refused(&c, path, "expected_leave_on=2026-12-01", "expected_leave_reason");
	snprintf(body, sizeof(body), "expected_leave_on=%s"
	    "&expected_leave_reason=transfer", today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/groups/%lld/shadowing/new", g);
	snprintf(body, sizeof(body), "learner_id=%lld&mentor_id=%lld"
	    "&from_on=%s", dennis, dennis, today);
	form_refused(&c, path, body, "mentor_id");
	snprintf(body, sizeof(body), "learner_id=%lld&mentor_id=%lld"
	    "&from_on=%s", dennis, person_id("Harold"), today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 4 of 5 filled");
	assert_contains(r.body, "Harold (Wellbeing rep): Transfer on");
	assert_contains(r.body, "Dennis shadows Harold");
	reply_free(&r);
	snprintf(path, sizeof(path), "/shadowing/%lld/end", scalar("SELECT id "
	    "FROM shadowing WHERE learner_id = %lld", dennis));
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "", 409, &r);
	reply_free(&r);
	client_free(&c);

	/* The pipeline names people: staff only. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	refused_to("rep.fenwick", path);
}

/* The page at path says the supervision interval as words. */
static void
interval_in_welsh(struct client *c, const char *path, const char *words)
{
	struct reply	 r;

	get_expect(c, path, 200, &r);
	assert_contains(r.body, words);
	reply_free(&r);
}

static void
supervision_notes_reach_only_supervisor_and_coordinator(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[200];
	long long	 gary = person_id("Gary"), coordinator;

	(void)state;
	coordinator = scalar("SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	as(&c, "coordinator.fenwick");
	/* The demo's last supervision of Gary was 45 days ago. */
	get_expect(&c, "/supervision/overdue", 200, &r);
	assert_contains(r.body, "Gary");
	/* The interval counted in words (the demo's is a month), never
	 * "month(s)". */
	assert_contains(r.body, "(every month by default)");
	assert_lacks(r.body, "(s)");
	reply_free(&r);
	interval_in_welsh(&c, "/supervision/overdue?lang=cy",
	    "(bob mis fel arfer)");
	snprintf(path, sizeof(path), "/people/%lld/supervision?lang=cy", gary);
	interval_in_welsh(&c, path, "yn ddyledus bob mis oni bai");
	snprintf(path, sizeof(path), "/people/%lld/supervision/new", gary);
	snprintf(body, sizeof(body), "held_on=2026-01-31&next_due_on=2026-01-30"
	    "&supervisor_id=%lld", coordinator);
	form_refused(&c, path, body, "next_due_on");
	snprintf(body, sizeof(body), "held_on=2199-01-31&supervisor_id=%lld",
	    coordinator);
	form_refused(&c, path, body, "held_on");
	/* Held in the future and next due before it: both at once (the
	 * page is in Welsh here: the errors beside both boxes). */
	snprintf(body, sizeof(body), "held_on=2199-01-31&next_due_on=%s"
	    "&supervisor_id=%lld", today, coordinator);
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "id=\"held_on-error\"");
	assert_contains(r.body, "id=\"next_due_on-error\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "held_on=2026-01-31&notes=SECRET-NOTE-"
	    "JAN&supervisor_id=%lld", coordinator);
	form_saved(&c, path, body);
	/* Monthly by default, clamped at the month end. */
	assert_int_equal(scalar("SELECT count(*) FROM supervisions WHERE "
	    "held_on = '2026-01-31' AND next_due_on = '2026-02-28'"), 1);
	snprintf(body, sizeof(body), "held_on=%s&notes=SECRET-NOTE-NOW"
	    "&supervisor_id=%lld", today, coordinator);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/people/%lld/supervision", gary);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "SECRET-NOTE-JAN");
	assert_contains(r.body, "Finding the wing visits tiring");
	reply_free(&r);
	get_expect(&c, "/supervision/overdue", 200, &r);
	assert_lacks(r.body, "Gary");
	reply_free(&r);
	client_free(&c);

	/* Other staff: the page, but no notes, by HTML or JSON. */
	as(&c, "admin.fenwick");
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	assert_lacks(r.body, "Finding the wing visits tiring");
	assert_contains(r.body, "31 January 2026");
	reply_free(&r);
	c.json = 1;
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	assert_contains(r.body, "may_read_notes");
	reply_free(&r);
	client_free(&c);

	/* The person supervised sees their dates, never the notes. */
	as(&c, "gary");
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	get_expect(&c, "/account/supervision", 200, &r);
	assert_contains(r.body, "31 January 2026");
	assert_lacks(r.body, "SECRET-NOTE");
	reply_free(&r);
	c.json = 1;
	get_expect(&c, "/account/supervision", 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	reply_free(&r);
	client_free(&c);

	/* Another site's coordinator: nothing. */
	refused_to("coordinator.westvale", path);
}

static void
training_is_recorded_and_certified(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[200], path[64], *text;
	long long	 course, session, harold = person_id("Harold"), id;

	(void)state;
	course = scalar("SELECT id FROM courses WHERE name = 'Governance'");
	as(&c, "coordinator.fenwick");
	get_expect(&c, "/sites/1/training", 200, &r);
	assert_contains(r.body, "Accredited rep training");
	assert_contains(r.body, "Mental-health awareness");
	assert_contains(r.body, "Gary");
	reply_free(&r);
	snprintf(body, sizeof(body), "course_id=%lld&held_on=2026-01-31"
	    "&place=Chapel&trainer=Board+secretary", course);
	session = submit_created(&c, "/sites/1/sessions/new", body,
	    "/sessions/");
	snprintf(path, sizeof(path), "/sessions/%lld/completions", session);
	/* Another course than the session's, or someone at another site,
	 * is refused. */
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", harold, course + 1);
	form_refused(&c, path, body, "course_id");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2199-01-31", harold, course);
	form_refused(&c, path, body, "completed_on");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", person_id("Sam"), course);
	form_refused(&c, path, body, "person_id");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31&accreditation=Board+level+1"
	    "&graduation=1", harold, course);
	form_saved(&c, path, body);
	id = scalar("SELECT id FROM completions WHERE session_id = %lld",
	    session);
	/* Governance renews after 36 months. */
	assert_int_equal(scalar("SELECT count(*) FROM completions WHERE id = "
	    "%lld AND renew_on = '2029-01-31' AND graduation = 1", id), 1);
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf", id);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "Certificate of graduation");
	assert_contains(text, "Harold");
	assert_contains(text, "Governance");
	assert_contains(text, "Board level 1");
	free(text);
	reply_free(&r);
	/* In Welsh, with the dates' months in it; large for everyone. */
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf?"
	    "lang=cy", id);
	get_expect(&c, path, 200, &r);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Tystysgrif graddio");
	assert_contains(text, "Tystir bod");
	assert_contains(text, "Harold");
	assert_contains(text, "31 Ionawr 2026");
	assert_contains(text, "Adnewyddu erbyn");
	assert_contains(text, "Llofnod");
	assert_lacks(text, "Certificate");
	assert_lacks(text, "certify");
	assert_lacks(text, "January");
	assert_lacks(text, "Signed");
	free(text);
	reply_free(&r);
	/* The choice is kept (the rt_lang cookie) until changed back. */
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf?"
	    "lang=en", id);
	get_expect(&c, path, 200, &r);
	reply_free(&r);
	refused_to("coordinator.westvale", path);
	/* Every certificate of the session in one PDF, a page each. */
	snprintf(path, sizeof(path), "/sessions/%lld/completions", session);
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", person_id("Gary"), course);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/sessions/%lld", session);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Print every certificate for this session");
	reply_free(&r);
	snprintf(path, sizeof(path), "/sessions/%lld/certificates.pdf", session);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "application/pdf");
	assert_int_equal(pdf_pages(&srv, &r), 2);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Harold");
	assert_contains(text, "Gary");
	free(text);
	reply_free(&r);
	client_free(&c);
	refused_to("coordinator.westvale", path);
}

static void
leaving_hands_on_and_thanks(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[200], *before, *text;
	long long	 gary = person_id("Gary"), coordinator, meeting, g;

	(void)state;
	g = rep_team();
	coordinator = scalar("SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	meeting = scalar("SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 1");
	as(&c, "coordinator.fenwick");
	/* Gary promised something at a meeting. */
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", meeting);
	snprintf(body, sizeof(body), "text=Ask+about+the+wing+kettle"
	    "&owner_id=%lld&due_on=%s", scalar("SELECT id FROM accounts "
	    "WHERE username = 'gary'"), today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/people/%lld/thank-you.pdf", gary);
	get_expect(&c, path, 409, &r);
	reply_free(&r);

	/* Without someone to take his action, nothing changes. */
	snprintf(path, sizeof(path), "/people/%lld/leave", gary);
	/* The form first: reading it is audited (a person's page). */
	get_expect(&c, path, 200, &r);
	reply_free(&r);
	before = db_fingerprint(srv.db);
	snprintf(body, sizeof(body), "left_reason=release&left_on=%s", today);
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "href=\"#hand_actions_to\"");
	reply_free(&r);
	assert_unchanged(before);
	snprintf(body, sizeof(body), "left_reason=release&left_on=%s"
	    "&hand_actions_to=%lld", today, coordinator);
	form_saved(&c, path, body);
	assert_int_equal(scalar("SELECT owner_id FROM actions WHERE text = "
	    "'Ask about the wing kettle'"), coordinator);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND to_on IS NULL", gary), 0);
	assert_int_equal(scalar("SELECT count(*) FROM shadowing WHERE "
	    "mentor_id = %lld AND to_on IS NULL", gary), 0);
	/* History stays: his role is there, ended. */
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND to_on = '%s'", gary, today), 1);
	assert_true(scalar("SELECT count(*) FROM supervisions WHERE "
	    "person_id = %lld", gary) >= 1);
	/* His place is vacant again. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 3 of 5 filled, <strong class=\"govuk-tag govuk-tag--yellow\">2 vacant");
	assert_lacks(r.body, "Gary (Wellbeing rep): Release");
	reply_free(&r);

	snprintf(path, sizeof(path), "/people/%lld/thank-you.pdf", gary);
	get_expect(&c, path, 200, &r);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Dear Gary");
	assert_contains(text, "Thank you");
	assert_contains(text, "Wellbeing Rep Team");
	assert_contains(text, "Fenwick coordinator");
	free(text);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

/* recruit's recruit of person to group through training, cleared today:
 * the recruit's id. */
static long long
recruit_trained(struct client *c, long long group, long long person,
    const char *position)
{
	char		 path[64], body[200];
	long long	 id;

	snprintf(path, sizeof(path), "/groups/%lld/pipeline/new", group);
	snprintf(body, sizeof(body), "person_id=%lld&position=%s"
	    "&referred_by=staff", person, position);
	form_saved(c, path, body);
	id = scalar("SELECT id FROM recruits WHERE group_id = %lld AND "
	    "person_id = %lld AND stage != 'left'", group, person);
	assert_true(id > 0);
	move(c, id, "event=apply", 303);
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	move(c, id, body, 303);
	move(c, id, "event=induct", 303);
	move(c, id, "event=train", 303);
	return id;
}

/* Adds person to group in position directly, from today. */
static void
member_added(struct client *c, long long group, long long person,
    const char *position)
{
	char	 path[64], body[200];

	snprintf(path, sizeof(path), "/groups/%lld/members/new", group);
	snprintf(body, sizeof(body), "person_id=%lld&position=%s&from_on=%s",
	    person, position, today);
	form_saved(c, path, body);
}

/* Current roles of person in group (in position, unless NULL).  Leaving
 * from active ends only the role the pipeline made when someone holds
 * another too: tests/unit/test_membership.c shows it (the members form
 * offers no second role to someone in the group). */
static long long
current_roles(long long group, long long person, const char *position)
{
	return scalar("SELECT count(*) FROM memberships WHERE group_id = %lld "
	    "AND person_id = %lld AND to_on IS NULL AND position = "
	    "coalesce(%s%s%s, position)", group, person,
	    position ? "'" : "", position ? position : "NULL",
	    position ? "'" : "");
}

static void
activation_adds_no_second_role_and_leaving_ends_only_its_own(void **state)
{
	struct client	 c;
	long long	 forum, leon = person_id("Leon"), id;

	(void)state;
	forum = scalar("SELECT id FROM groups WHERE name = 'Over-50s Forum'");
	as(&c, "coordinator.fenwick");

	/* Leon is added directly while in the pipeline: activating him
	 * makes no second role, and leaving the pipeline ends none. */
	id = recruit_trained(&c, forum, leon, "member");
	member_added(&c, forum, leon, "member");
	move(&c, id, "event=activate", 303);
	assert_int_equal(current_roles(forum, leon, NULL), 1);
	move(&c, id, "event=leave", 303);
	assert_int_equal(current_roles(forum, leon, "member"), 1);

	assert_int_equal(scalar("SELECT count(*) FROM recruits WHERE id = %lld "
	    "AND stage = 'left' AND membership_id IS NULL", id), 1);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_pipeline_moves_step_by_step),
		cmocka_unit_test(supervision_notes_reach_only_supervisor_and_coordinator),
		cmocka_unit_test(training_is_recorded_and_certified),
		cmocka_unit_test(leaving_hands_on_and_thanks),
		cmocka_unit_test(activation_adds_no_second_role_and_leaving_ends_only_its_own),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
