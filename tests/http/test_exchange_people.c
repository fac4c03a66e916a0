/*
 * The people register across the stick (issue 13, docs/exchange.md): a
 * person registered on the wing, trained and supervised there, reaches
 * the hub with their completion and their supervision, whose notes the
 * hub shows only to their supervisor and coordinators; the attendance
 * at the wing's meetings travels with them; their erasure on the wing
 * reaches the hub; and the hub may record none of it for the wing.
 */
#include "http_test.h"
#include "http/exchange_places.h"

#define PW		PLACES_PW
#define NOTE		"WING-SECRET-NOTE"

/* GETs path as c: 200, holding words. */
static void
page_contains(struct client *c, const char *path, const char *words)
{
	struct reply	 r;

	assert_int_equal(http_get(c, path, &r), 200);
	assert_contains(r.body, words);
	reply_free(&r);
}

/* GETs path as c: status, never secret. */
static void
page_refused(struct client *c, const char *path, long status,
    const char *secret)
{
	struct reply	 r;

	assert_int_equal(http_get(c, path, &r), status);
	assert_lacks(r.body, secret);
	reply_free(&r);
}

/* The person registered on the wing by the first test, erased by the
 * last. */
static long long	winston;

/* The demo's register of Fenwick, and what it holds about them, came
 * with the hub's first bundle: the same rows at both places. */
static void
the_register_came_with_the_first_bundle(void **state)
{
	const char	*sql = "SELECT (SELECT count(*) FROM people WHERE "
	    "site_id = 1) * 1000000 + (SELECT count(*) FROM supervisions s "
	    "JOIN people p ON p.id = s.person_id WHERE p.site_id = 1) * 1000 + "
	    "(SELECT count(*) FROM completions c JOIN people p "
	    "ON p.id = c.person_id WHERE p.site_id = 1)";
	long long	 at_hub = db_scalar(&hub, sql);

	(void)state;
	assert_true(at_hub > 1000000);
	assert_int_equal(db_scalar(&st_a.srv, sql), at_hub);
	/* Site 2's people are site 2's station's, never Fenwick's. */
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM people "
	    "WHERE site_id != 1"), 0);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM people "
	    "WHERE display_name = 'Gary' AND site_id = 1"), 1);
	station_agrees_with_hub(&st_a);
}

/* Winston, registered, trained, supervised and at a meeting on the wing,
 * reaches the hub with all of it, his reference the same. */
static void
a_person_trained_and_supervised_on_the_wing_reaches_the_hub(void **state)
{
	struct client	 staff;
	char		 body[300], path[96];
	long long	 course, session, coordinator, meeting, member;

	(void)state;
	coordinator = db_scalar(&st_a.srv, "SELECT id FROM accounts WHERE "
	    "username = 'coordinator.fenwick'");
	course = db_scalar(&st_a.srv, "SELECT id FROM courses WHERE name = "
	    "'Governance'");
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	winston = made(&staff, "/people/new", "display_name=Winston"
	    "&status=in_custody&site_id=1&unit_id=&restrictions=Not+with+"
	    "Bernard", "/people/");
	assert_true(winston > (2LL << 40));
	snprintf(body, sizeof(body), "course_id=%lld&held_on=2026-11-30"
	    "&place=Chapel&trainer=Board+secretary", course);
	session = made(&staff, "/sites/1/sessions/new", body, "/sessions/");
	assert_true(session > (2LL << 40));
	snprintf(path, sizeof(path), "/sessions/%lld/completions", session);
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-11-30&accreditation=Board+level+1", winston,
	    course);
	posted(&staff, path, body);
	snprintf(path, sizeof(path), "/people/%lld/supervision/new", winston);
	snprintf(body, sizeof(body), "held_on=2026-12-01&notes=" NOTE
	    "&supervisor_id=%lld", coordinator);
	posted(&staff, path, body);
	/* A member of the forum at its meeting, in the register both
	 * places now hold. */
	member = db_scalar(&st_a.srv, "SELECT min(person_id) FROM memberships "
	    "WHERE group_id = 1 AND to_on IS NULL");
	meeting = made(&staff, "/groups/1/meetings/new", "kind=forum"
	    "&held_on=2026-12-03&starts_at=14:00&place=Chapel", "/meetings/");
	snprintf(path, sizeof(path), "/meetings/%lld/attendance", meeting);
	snprintf(body, sizeof(body), "person_%lld=present", member);
	posted(&staff, path, body);
	client_free(&staff);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "people.rtx"), 0);

	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM people p "
	    "WHERE p.id = %lld AND p.display_name = 'Winston' AND p.reference "
	    "= (SELECT reference FROM people WHERE id = p.id)", winston), 1);
	snprintf(body, sizeof(body), "SELECT reference FROM people WHERE "
	    "id = %lld", winston);
	{
		char	*ref_hub = db_text(&hub, body);
		char	*ref_station = db_text(&st_a.srv, body);

		assert_non_null(ref_hub);
		assert_non_null(ref_station);
		assert_true(strncmp(ref_hub, "P-", 2) == 0);
		assert_string_equal(ref_hub, ref_station);
		free(ref_hub);
		free(ref_station);
	}
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM completions "
	    "WHERE person_id = %lld AND accreditation = 'Board level 1' AND "
	    "renew_on = '2029-11-30'", winston), 1);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM supervisions "
	    "WHERE person_id = %lld AND notes = '" NOTE "'", winston), 1);
	snprintf(body, sizeof(body), "SELECT count(*) FROM attendance WHERE "
	    "meeting_id = %lld AND person_id = %lld AND status = 'present'",
	    meeting, member);
	assert_int_equal(db_scalar(&hub, body), 1);

	/* At the hub, his training shows, and so do the notes to his
	 * supervisor and Fenwick's coordinators alone. */
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/people/%lld/training", winston);
	page_contains(&staff, path, "Governance");
	snprintf(path, sizeof(path), "/people/%lld/supervision", winston);
	page_contains(&staff, path, NOTE);
	client_free(&staff);
	/* Not to a rep, nor to another site's coordinator, by HTML or
	 * JSON. */
	assert_int_equal(client_as(&staff, &hub, "rep.fenwick", PW), 0);
	page_refused(&staff, path, 403, NOTE);
	staff.json = 1;
	page_refused(&staff, path, 403, NOTE);
	client_free(&staff);
	assert_int_equal(client_as(&staff, &hub, "coordinator.harbour", PW), 0);
	page_refused(&staff, path, 403, NOTE);
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "people-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* The hub may record nothing about the wing's people: not a person, a
 * session, a completion, a supervision or who came to a meeting. */
static void
the_hub_records_nothing_for_the_wings_people(void **state)
{
	struct client	 staff;
	char		 body[200], path[96];
	long long	 course = db_scalar(&hub, "SELECT id FROM courses WHERE "
	    "name = 'Facilitation'");
	long long	 coordinator = db_scalar(&hub, "SELECT id FROM accounts "
	    "WHERE username = 'coordinator.fenwick'");
	long long	 before = db_scalar(&hub, "SELECT (SELECT count(*) FROM "
	    "completions) + (SELECT count(*) FROM supervisions) + (SELECT "
	    "count(*) FROM people) + (SELECT count(*) FROM course_sessions)");

	(void)state;
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/people/%lld/completions/new", winston);
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-12-04", winston, course);
	refused_409(&staff, path, body, "kept on its station");
	snprintf(path, sizeof(path), "/people/%lld/supervision/new", winston);
	snprintf(body, sizeof(body), "held_on=2026-12-04&notes=At+the+office"
	    "&supervisor_id=%lld", coordinator);
	refused_409(&staff, path, body, "kept on its station");
	snprintf(body, sizeof(body), "course_id=%lld&held_on=2026-12-04"
	    "&place=Office&trainer=", course);
	refused_409(&staff, "/sites/1/sessions/new", body,
	    "kept on its station");
	refused_409(&staff, "/people/new", "display_name=Yusuf&status="
	    "in_custody&site_id=1&unit_id=&restrictions=", "kept on its station");
	client_free(&staff);
	assert_int_equal(db_scalar(&hub, "SELECT (SELECT count(*) FROM "
	    "completions) + (SELECT count(*) FROM supervisions) + (SELECT "
	    "count(*) FROM people) + (SELECT count(*) FROM course_sessions)"),
	    before);

	/* And the station may not change the organisation's catalogue. */
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	refused_409(&staff, "/courses/new", "name=Wing+course&renew_months=",
	    "kept at the hub");
	client_free(&staff);
}

/* Winston leaves and asks to be forgotten on the wing: the next bundle
 * erases him at the hub too (his supervision notes gone, his training
 * kept against the tombstone), and the hub could not have done it. */
static void
erasure_on_the_wing_reaches_the_hub(void **state)
{
	struct client	 staff;
	char		 body[200], path[96], *ref;

	(void)state;
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/people/%lld/leave", winston);
	refused_409(&staff, path, "left_reason=release&left_on=2026-12-04",
	    "kept on its station");
	client_free(&staff);

	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	posted(&staff, path, "left_reason=release&left_on=2026-12-04");
	client_free(&staff);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "left.rtx"), 0);
	snprintf(body, sizeof(body), "SELECT reference FROM people WHERE "
	    "id = %lld", winston);
	ref = db_text(&st_a.srv, body);
	assert_non_null(ref);
	snprintf(body, sizeof(body), "reference=%s&reason=request+9", ref);
	free(ref);
	snprintf(path, sizeof(path), "/people/%lld/erase", winston);

	/* He has left at the hub too, but is erased where he is kept. */
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	refused_409(&staff, path, body, "kept on its station");
	client_free(&staff);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM people WHERE "
	    "id = %lld AND display_name = 'Winston' AND left_on = "
	    "'2026-12-04' AND erased_on IS NULL", winston), 1);
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	posted(&staff, path, body);
	client_free(&staff);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "erased.rtx"), 0);

	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM people WHERE "
	    "id = %lld AND display_name = 'Erased person' AND restrictions = '' "
	    "AND reference = 'E-' || id AND left_reason = 'release'", winston),
	    1);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM people "
	    "WHERE display_name = 'Winston' OR id = %lld AND erased_on IS NULL",
	    winston), 0);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM supervisions "
	    "WHERE person_id = %lld", winston), 0);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM supervisions "
	    "WHERE notes = '" NOTE "'"), 0);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM completions "
	    "WHERE person_id = %lld", winston), 1);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "erased-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* Retention at the hub leaves the wing's supervisions alone (they are
 * the station's); the station's own blanks the notes, and the blanking
 * reaches the hub. */
static void
the_wings_retention_blanks_its_notes_at_the_hub(void **state)
{
	char		 sql[400], *out = NULL;
	long long	 old = (2LL << 40) + 900;

	(void)state;
	snprintf(sql, sizeof(sql), "INSERT INTO supervisions (id, person_id, "
	    "supervisor_id, held_on, next_due_on, notes) VALUES (%lld, "
	    "(SELECT id FROM people WHERE display_name = 'Gary' AND site_id "
	    "= 1), (SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'), '2020-01-06', '2020-02-06', 'OLD-NOTE')",
	    old);
	assert_int_equal(db_write(&st_a.srv, sql), 0);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "old-note.rtx"), 0);
	assert_int_equal(roundtable_cli(&hub, "retention", NULL, &out), 0);
	free(out);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM supervisions "
	    "WHERE id = %lld AND notes = 'OLD-NOTE'", old), 1);
	assert_int_equal(roundtable_cli(&st_a.srv, "retention", NULL, &out), 0);
	free(out);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "old-note-gone.rtx"), 0);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM supervisions "
	    "WHERE id = %lld AND notes = '' AND held_on = '2020-01-06'", old),
	    1);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "old-note-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* After the full rounds, `exchange check` lists the register and what
 * is held about it, and says the same at both places. */
static void
the_fingerprint_covers_the_register(void **state)
{
	char	*out = NULL;

	(void)state;
	assert_int_equal(exchange(&hub, "check --origin 2", &out), 0);
	assert_non_null(out);
	assert_contains(out, "people");
	assert_contains(out, "supervisions");
	assert_contains(out, "completions");
	assert_contains(out, "course_sessions");
	assert_contains(out, "attendance");
	free(out);
	station_agrees_with_hub(&st_a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_register_came_with_the_first_bundle),
		cmocka_unit_test(
		    a_person_trained_and_supervised_on_the_wing_reaches_the_hub),
		cmocka_unit_test(the_hub_records_nothing_for_the_wings_people),
		cmocka_unit_test(erasure_on_the_wing_reaches_the_hub),
		cmocka_unit_test(the_wings_retention_blanks_its_notes_at_the_hub),
		cmocka_unit_test(the_fingerprint_covers_the_register),
	};

	return cmocka_run_group_tests(tests, places_setup, places_teardown);
}
