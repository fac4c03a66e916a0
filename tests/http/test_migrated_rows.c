/*
 * Rows stored in an older shape are put right once, by the migration
 * that changed the shape, so no read has to put them right every time.
 * Each test stores rows as an older version did, forgets that its
 * migration ran, and lets `roundtable check` (which migrates, as every
 * command does) run it again; on SQLite and on PostgreSQL.
 */
#include "http_test.h"

#define AGENDA_MIGRATION	"0072_agenda_titles_without_kind.sql"

static int
setup(void **state)
{
	(void)state;
	return server_prepare(&srv, NULL);
}

static int
teardown(void **state)
{
	return server_teardown(state);
}

/* The title agenda item id holds now, in text. */
static char *
item_title(long long id)
{
	char	 sql[96];

	snprintf(sql, sizeof(sql), "SELECT title FROM agenda_items WHERE id = "
	    "%lld", id);
	return db_text(&srv, sql);
}

static void
assert_item_title(long long id, const char *want)
{
	char	*title = item_title(id);

	assert_non_null(title);
	assert_string_equal(title, want);
	free(title);
}

/* An item made from a record once stored its kind's English before its
 * title ("Action point: Fix the chapel heating"); the page now words
 * the kind in its reader's language, and migration 0072 takes the
 * English away.  An item someone typed that happens to begin the same
 * way, and an item already without it, are left as they are. */
static void
agenda_items_lose_the_english_of_their_kind(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 sql[1200], path[64];
	long long	 meeting = db_scalar(&srv, "SELECT min(id) FROM meetings "
	    "WHERE group_id = 1");

	(void)state;
	assert_true(meeting > 0);
	snprintf(sql, sizeof(sql), "INSERT INTO agenda_items (id, meeting_id, "
	    "position, title, kind) VALUES "
	    "(900001, %lld, 901, 'Action point: Fix the chapel heating', "
	    "'action'), "
	    "(900002, %lld, 902, 'Proposal to decide: More fruit', "
	    "'proposal'), "
	    "(900003, %lld, 903, 'Response received: Gym hours', 'response'), "
	    "(900004, %lld, 904, 'Action point: who keeps the list', 'other'), "
	    "(900005, %lld, 905, 'Proposal to decide: nothing', 'action'), "
	    "(900006, %lld, 906, 'Kitchen rota', 'proposal');"
	    "DELETE FROM schema_migrations WHERE name = '" AGENDA_MIGRATION
	    "';", meeting, meeting, meeting, meeting, meeting, meeting);
	assert_int_equal(db_write(&srv, sql), 0);

	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "schema_migrations WHERE name = '" AGENDA_MIGRATION "'"), 1);
	assert_item_title(900001, "Fix the chapel heating");
	assert_item_title(900002, "More fruit");
	assert_item_title(900003, "Gym hours");
	assert_item_title(900004, "Action point: who keeps the list");
	assert_item_title(900005, "Proposal to decide: nothing");
	assert_item_title(900006, "Kitchen rota");

	/* The page says the kind once, in the reader's language. */
	assert_int_equal(server_launch(&srv), 0);
	assert_int_equal(client_as(&c, &srv, "coordinator.fenwick",
	    srv.demo_password), 0);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=cy", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Pwynt gweithredu: <span lang=\"en\">Fix the "
	    "chapel heating</span>");
	assert_lacks(r.body, "Action point: Fix");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    agenda_items_lose_the_english_of_their_kind, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
