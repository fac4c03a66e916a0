/*
 * What a review of the demonstration found said wrongly: a turnout as a
 * share of members when more people voted than there are members, a
 * meeting still to come called "not quorate", a caption with an English
 * word in a Welsh page, an audit sentence cut off after "as", and our
 * own Welsh sentences marked as English because a name in them is.
 */
#define PW	srv.demo_password
#include "http_test.h"

#include <stdlib.h>

/* A published vote with more votes than the group has members. */
#define CROWDED_VOTE	"SELECT min(v.id) FROM event_votes v WHERE " \
	"v.state = 'published' AND (SELECT sum(votes) FROM " \
	"event_vote_options o WHERE o.vote_id = v.id) > (SELECT count(*) " \
	"FROM memberships m WHERE m.group_id = v.group_id)"
/* A meeting that answers to a quorum, its register not taken. */
#define UNREGISTERED	"SELECT min(m.id) FROM meetings m WHERE m.kind " \
	"<> 'one_to_one' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE " \
	"a.meeting_id = m.id)"
#define SHIFT		"SELECT max(id) FROM peer_shifts"
/* The audit log's page that starts at an entry (before= the one after
 * it). */
#define PANEL_ADD	"SELECT min(id) + 1 FROM audit WHERE action = " \
	"'panel.add'"
#define BY_CHIEF	"SELECT min(a.id) + 1 FROM audit a JOIN accounts ac " \
	"ON ac.id = a.account_id WHERE ac.username = 'chief.westvale' AND " \
	"a.action = 'proposal.accept'"
#define BY_NOBODY	"SELECT min(id) + 1 FROM audit WHERE account_id IS " \
	"NULL"

static int
setup(void **state)
{
	static const char *const admin[] = { "admin", NULL };

	(void)state;
	return server_with_passwords(admin);
}

/* GETs fmt (a path with one %lld) filled with the demo's record that sql
 * picks, as admin, into r: 200. */
static void
record_page(struct client *c, const char *sql, const char *fmt,
    struct reply *r)
{
	long long	 id = db_scalar(&srv, sql);
	char		 path[128];

	assert_true(id > 0);
	snprintf(path, sizeof(path), fmt, id);
	assert_int_equal(http_get(c, path, r), 200);
}

/* Anyone at an event may vote: 130 votes are no share of 4 members. */
static void
turnout_is_a_share_only_of_what_it_can_be(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "admin");
	record_page(&c, CROWDED_VOTE, "/event-votes/%lld?lang=en", &r);
	assert_contains(r.body, "Turnout: ");
	assert_lacks(r.body, "%)");
	assert_lacks(r.body, "members of the group");
	reply_free(&r);
	record_page(&c, CROWDED_VOTE, "/event-votes/%lld?lang=cy", &r);
	assert_lacks(r.body, "%)");
	reply_free(&r);
	client_free(&c);
}

/* A meeting whose register is not taken is not yet anything. */
static void
quorum_waits_for_the_register(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "admin");
	record_page(&c, UNREGISTERED, "/meetings/%lld?lang=en", &r);
	assert_contains(r.body, "Attendance not recorded yet");
	assert_lacks(r.body, "Not quorate");
	assert_lacks(r.body, "need confirming");
	reply_free(&r);
	record_page(&c, UNREGISTERED, "/meetings/%lld/pack.pdf?lang=en", &r);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "Attendance not recorded yet");
	assert_lacks(text, "NOT quorate");
	free(text);
	reply_free(&r);
	record_page(&c, UNREGISTERED, "/meetings/%lld?lang=cy", &r);
	assert_contains(r.body, "Presenoldeb heb ei gofnodi eto");
	assert_lacks(r.body, "Heb gworwm");
	reply_free(&r);
	client_free(&c);
}

/* The swap form's caption is one sentence in the reader's language. */
static void
swap_caption_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "admin");
	record_page(&c, SHIFT, "/peer-shifts/%lld/swap?lang=en", &r);
	assert_contains(r.body, "now held by");
	reply_free(&r);
	record_page(&c, SHIFT, "/peer-shifts/%lld/swap?lang=cy", &r);
	assert_lacks(r.body, ", now ");
	assert_contains(r.body, "yng ngofal");
	reply_free(&r);
	client_free(&c);
}

/* "… added a member to the panel as " said nothing of the role. */
static void
panel_member_added_names_the_role(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	assert_true(db_scalar(&srv, "SELECT count(*) FROM audit WHERE action "
	    "= 'panel.add' AND detail = 'expert_by_experience'") > 0);
	as(&c, "admin");
	record_page(&c, PANEL_ADD, "/audit?before=%lld&lang=en", &r);
	assert_lacks(r.body, "to the panel as");
	assert_contains(r.body, "added an expert by experience to the panel");
	reply_free(&r);
	record_page(&c, PANEL_ADD, "/audit?before=%lld&lang=cy", &r);
	assert_lacks(r.body, " fel <br>");
	assert_contains(r.body, "arbenigwr drwy brofiad at y panel<br>");
	reply_free(&r);
	client_free(&c);
}

/* Our Welsh sentence is the page's language; only a name in it is
 * marked as English. */
static void
audit_sentences_are_the_pages_language(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "admin");
	assert_int_equal(http_get(&c, "/audit?lang=cy", &r), 200);
	assert_contains(r.body, "Mewngofnododd");
	assert_lacks(r.body, "lang=\"en\">Mewngofnododd");
	reply_free(&r);
	record_page(&c, PANEL_ADD, "/audit?before=%lld&lang=cy", &r);
	assert_contains(r.body, "Ychwanegodd");
	assert_lacks(r.body, "lang=\"en\">Ychwanegodd");
	reply_free(&r);
	/* "Derbyniodd Head of Westvale probation gynnig": the name alone is
	 * English. */
	record_page(&c, BY_CHIEF, "/audit?before=%lld&lang=cy", &r);
	assert_contains(r.body, "Derbyniodd <span lang=\"en\">Head of "
	    "Westvale probation</span> gynnig");
	assert_lacks(r.body, "lang=\"en\">Derbyniodd");
	reply_free(&r);
	/* Nobody's name: "y system" is our word too. */
	record_page(&c, BY_NOBODY, "/audit?before=%lld&lang=cy", &r);
	assert_contains(r.body, " y system ");
	assert_lacks(r.body, "lang=\"en\">y system");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(turnout_is_a_share_only_of_what_it_can_be),
		cmocka_unit_test(quorum_waits_for_the_register),
		cmocka_unit_test(swap_caption_in_welsh),
		cmocka_unit_test(panel_member_added_names_the_role),
		cmocka_unit_test(audit_sentences_are_the_pages_language),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
