/*
 * The exchange between a hub and two offline stations (issue 13): three
 * databases and three real servers, bundles carried as files by the
 * `roundtable exchange` command, as a coordinator with a USB stick
 * would.  After every full round each station's shared records read the
 * same at the hub (`exchange check`); bad bundles change nothing; a
 * killed import leaves the database as it was; where both places
 * changed one record, the owner's version stands and the other is kept.
 */
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "http_test.h"
#include "http/exchange_places.h"

#define PW		PLACES_PW
#define ROUNDS		4	/* weekly exchanges: a month */
#define STALL_WAIT_MS	30000	/* for the stalled import to get there */

/* Logs a conversation at a station through its pages: the new log's
 * id. */
static long long
log_at(struct station *st, const char *raised)
{
	struct client	 c;
	struct reply	 r;
	char		*body, *enc = url_encode(raised), sql[128];
	long long	 id;

	assert_int_equal(client_as(&c, &st->srv, st->logger, PW), 0);
	snprintf(sql, sizeof(sql), "SELECT min(id) FROM units WHERE "
	    "site_id = %d", st->site);
	assert_true(asprintf(&body, "site_id=%d&unit_id=%lld"
	    "&occurred_on=2026-11-20&occurred_time=10:15&channel=wing_visit"
	    "&topic_ids=1&topic_ids=2&raised=%s&consent=anonymous"
	    "&outcome=resolved", st->site, db_scalar(&st->srv, sql), enc) !=
	    -1);
	free(enc);
	assert_int_equal(http_post(&c, "/conversations/new", body, 1, &r),
	    303);
	assert_true(strncmp(r.location, "/conversations/new?logged=", 26) == 0);
	id = strtoll(r.location + 26, NULL, 10);
	reply_free(&r);
	free(body);
	client_free(&c);
	return id;
}

/* One full round: both stations to the hub, the hub to both. */
static void
round_trip(int round)
{
	char	 name[64];

	snprintf(name, sizeof(name), "a-to-hub-%d.rtx", round);
	assert_int_equal(carry(&st_a.srv, 0, &hub, name), 0);
	snprintf(name, sizeof(name), "b-to-hub-%d.rtx", round);
	assert_int_equal(carry(&st_b.srv, 0, &hub, name), 0);
	snprintf(name, sizeof(name), "hub-to-a-%d.rtx", round);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, name), 0);
	snprintf(name, sizeof(name), "hub-to-b-%d.rtx", round);
	assert_int_equal(carry(&hub, st_b.origin, &st_b.srv, name), 0);
	station_agrees_with_hub(&st_a);
	station_agrees_with_hub(&st_b);
}

/* Paired, joined and given their sites by the hub's first bundle, each
 * station holds what the hub holds for its site, its reps sign in with
 * the hub's passwords, and its own numbers start in its own range. */
static void
stations_start_from_the_hub(void **state)
{
	struct client	 c;

	(void)state;
	station_agrees_with_hub(&st_a);
	station_agrees_with_hub(&st_b);
	assert_int_equal(client_as(&c, &st_a.srv, "rep.fenwick", PW), 0);
	client_free(&c);
	/* The station's administrator is its own, in its range. */
	assert_true(db_scalar(&st_a.srv, "SELECT id FROM accounts WHERE "
	    "username = 'admin'") > (2LL << 40));
	/* Only the site it holds. */
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM sites"), 1);
	assert_int_equal(db_scalar(&st_b.srv, "SELECT count(*) FROM "
	    "conversations WHERE site_id != 2"), 0);
	/* Who anyone is in the people register stays at the hub. */
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM accounts "
	    "WHERE person_id IS NOT NULL"), 0);
}

/* A month of weekly exchanges, with records made at all three places in
 * between: after every round, both stations agree with the hub. */
static void
a_month_of_weekly_exchanges_agrees(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 text[96], sql[160];
	long long	 a_logs = db_scalar(&hub, "SELECT count(*) FROM "
	    "conversations WHERE site_id = 1"), id;
	int		 round;

	(void)state;
	for (round = 1; round <= ROUNDS; round++) {
		snprintf(text, sizeof(text), "Week %d: the kettle on B wing "
		    "is broken", round);
		id = log_at(&st_a, text);
		assert_true(id > (2LL << 40));
		log_at(&st_a, "Letters arrive late on Mondays");
		snprintf(text, sizeof(text), "Week %d: the drop-in moved "
		    "rooms", round);
		log_at(&st_b, text);
		/* The hub adds a topic for Fenwick: it reaches the station. */
		assert_int_equal(client_as(&c, &hub, "coordinator.fenwick", PW),
		    0);
		snprintf(text, sizeof(text), "name=Topic+of+week+%d", round);
		assert_int_equal(http_post(&c, "/sites/1/topics", text, 1, &r),
		    303);
		reply_free(&r);
		client_free(&c);
		round_trip(round);
		a_logs += 2;
		assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM "
		    "conversations WHERE site_id = 1"), a_logs);
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM topics WHERE "
		    "name = 'Topic of week %d'", round);
		assert_int_equal(db_scalar(&st_a.srv, sql), 1);
		assert_int_equal(db_scalar(&st_b.srv, sql), 0);
	}
	/* At the hub, the station's logs are read like any other. */
	assert_int_equal(client_as(&c, &hub, "coordinator.fenwick", PW), 0);
	assert_int_equal(http_get(&c, "/search?q=kettle", &r), 200);
	assert_contains(r.body, "Week 4: the kettle on B wing is broken");
	reply_free(&r);
	client_free(&c);
	/* Each import and export is in each place's audit chain, and the
	 * chains hold. */
	assert_true(db_scalar(&hub, "SELECT count(*) FROM audit WHERE "
	    "action = 'exchange.import'") >= 2 * ROUNDS);
	assert_int_equal(roundtable_cli(&hub, "check", NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&st_a.srv, "check", NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&st_b.srv, "check", NULL, NULL), 0);
}

/* Each place refuses to make what the other owns: the station, a topic
 * (the hub's); the hub, a log for a site its station holds. */
static void
each_place_keeps_to_what_it_owns(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 topics = db_scalar(&st_a.srv, "SELECT count(*) FROM "
	    "topics"), logs = db_scalar(&hub, "SELECT count(*) FROM "
	    "conversations");

	(void)state;
	assert_int_equal(client_as(&c, &st_a.srv, "coordinator.fenwick", PW),
	    0);
	assert_int_equal(http_post(&c, "/sites/1/topics", "name=Local", 1,
	    &r), 409);
	assert_contains(r.body, "kept at the hub");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM topics"),
	    topics);
	assert_int_equal(client_as(&c, &hub, "rep.fenwick", PW), 0);
	assert_int_equal(http_post(&c, "/conversations/new", "site_id=1"
	    "&occurred_on=2026-11-20&occurred_time=10:15&channel=wing_visit"
	    "&topic_ids=1&raised=At+the+hub&consent=anonymous"
	    "&outcome=resolved", 1, &r), 409);
	assert_contains(r.body, "kept on its station");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM conversations"),
	    logs);
}

/* A stick lost on the way: the next bundle carries the lost one's part
 * too, and the lost stick, found later, is refused as already here. */
static void
a_lost_stick_costs_nothing(void **state)
{
	char	 lost[400], args[600], *out = NULL;

	(void)state;
	log_at(&st_a, "Said before the stick was lost");
	stick(lost, sizeof(lost), "lost.rtx");
	snprintf(args, sizeof(args), "export --to %s", lost);
	assert_int_equal(exchange(&st_a.srv, args, NULL), 0);
	log_at(&st_a, "Said after the stick was lost");
	assert_int_equal(carry(&st_a.srv, 0, &hub, "found.rtx"), 0);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM conversations "
	    "WHERE raised LIKE 'Said % the stick was lost'"), 2);
	snprintf(args, sizeof(args), "import --from %s", lost);
	assert_int_equal(exchange(&hub, args, &out), 1);
	assert_contains(out, "imported before");
	free(out);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "back.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

/* Writes bytes to the stick as name. */
static void
stick_write(const char *name, const void *p, size_t n)
{
	char	 path[400];
	FILE	*f;

	stick(path, sizeof(path), name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(p, 1, n, f), n);
	fclose(f);
}

static unsigned char *
stick_read(const char *name, size_t *n)
{
	char		 path[400];
	struct stat	 sb;
	unsigned char	*p;
	FILE		*f;

	stick(path, sizeof(path), name);
	assert_int_equal(stat(path, &sb), 0);
	assert_non_null(p = malloc((size_t)sb.st_size));
	assert_non_null(f = fopen(path, "rb"));
	*n = fread(p, 1, (size_t)sb.st_size, f);
	fclose(f);
	return p;
}

/* Imports the stick's name at s: it must be refused with a message
 * holding words, and s's database must not change. */
static void
refused(const struct server *s, const char *name, const char *words)
{
	char	 path[400], args[600], *before, *after, *out = NULL;

	before = NULL;
	assert_int_equal(roundtable_cli(s, "fingerprint", NULL, &before), 0);
	stick(path, sizeof(path), name);
	snprintf(args, sizeof(args), "import --from %s", path);
	assert_int_equal(exchange(s, args, &out), 1);
	if (strstr(out, words) == NULL)
		print_error("%s: %s\n", name, out);
	assert_contains(out, words);
	free(out);
	assert_int_equal(roundtable_cli(s, "fingerprint", NULL, &after), 0);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* Tampered, cut short, empty, for another place, replayed, not a bundle
 * at all: each refused with a clear message, nothing changed. */
static void
bad_bundles_are_refused_and_change_nothing(void **state)
{
	char		 path[400], args[600];
	unsigned char	*good, *bad;
	size_t		 n;

	(void)state;
	log_at(&st_a, "A log for the bad bundles test");
	stick(path, sizeof(path), "good.rtx");
	snprintf(args, sizeof(args), "export --to %s", path);
	assert_int_equal(exchange(&st_a.srv, args, NULL), 0);
	good = stick_read("good.rtx", &n);

	assert_non_null(bad = malloc(n));
	memcpy(bad, good, n);
	bad[n / 2] ^= 0x01;
	stick_write("tampered.rtx", bad, n);
	refused(&hub, "tampered.rtx", "cannot be opened");
	stick_write("short.rtx", good, n - 40);
	refused(&hub, "short.rtx", "cannot be opened");
	stick_write("empty.rtx", good, 0);
	refused(&hub, "empty.rtx", "empty");
	stick_write("text.rtx", "hello, hub\n", 11);
	refused(&hub, "text.rtx", "not a Roundtable bundle");
	/* Station A's bundle taken to station B. */
	refused(&st_b.srv, "good.rtx", "is for place 0; this is place 3");
	/* The header says it comes from station B: B did not sign it. */
	memcpy(bad, good, n);
	bad[4] = 3;
	stick_write("forged.rtx", bad, n);
	refused(&hub, "forged.rtx", "not signed by the place");
	free(bad);
	free(good);

	snprintf(args, sizeof(args), "import --from %s", path);
	assert_int_equal(exchange(&hub, args, NULL), 0);
	refused(&hub, "good.rtx", "imported before");
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "after-bad.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* A SIGKILL in the middle of an import leaves the database as it was
 * before it, and the same bundle then imports. */
static void
a_killed_import_leaves_the_database_as_it_was(void **state)
{
	char	 path[400], marker[400], args[600], *before, *after;
	pid_t	 pid;
	int	 waited, status;

	(void)state;
	log_at(&st_b, "A log for the killed import");
	stick(path, sizeof(path), "killed.rtx");
	snprintf(args, sizeof(args), "export --to %s", path);
	assert_int_equal(exchange(&st_b.srv, args, NULL), 0);
	assert_int_equal(roundtable_cli(&hub, "fingerprint", NULL, &before),
	    0);
	stick(marker, sizeof(marker), "stalled");
	if ((pid = fork()) == 0) {
		setenv("RT_TEST_IMPORT_STALL", marker, 1);
		execl(ROUNDTABLE_BIN, ROUNDTABLE_BIN, "exchange", "import",
		    "--from", path, "--db", hub.db, "--config", hub.config,
		    (char *)NULL);
		_exit(127);
	}
	assert_true(pid > 0);
	for (waited = 0; waited < STALL_WAIT_MS && access(marker, F_OK) != 0;
	    waited += 20)
		usleep(20000);
	assert_int_equal(access(marker, F_OK), 0);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(roundtable_cli(&hub, "fingerprint", NULL, &after), 0);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(roundtable_cli(&hub, "check", NULL, NULL), 0);
	snprintf(args, sizeof(args), "import --from %s", path);
	assert_int_equal(exchange(&hub, args, NULL), 0);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'A log for the killed import'"), 1);
	assert_int_equal(carry(&hub, st_b.origin, &st_b.srv, "after-kill.rtx"),
	    0);
	station_agrees_with_hub(&st_b);
}

/* The hub and the station both decide the same issue, differently: the
 * station owns issues, so its decision stands at both, and the hub's is
 * kept in its conflicts for a coordinator. */
static void
conflicts_keep_the_losing_version(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[256];
	long long	 id;

	(void)state;
	assert_int_equal(client_as(&c, &st_a.srv, "coordinator.fenwick", PW),
	    0);
	assert_int_equal(http_post(&c, "/issues/new", "site_id=1&group_id=1"
	    "&title=Kettles&statement=Members+report+kettles+break", 1, &r),
	    303);
	id = strtoll(strrchr(r.location, '/') + 1, NULL, 10);
	reply_free(&r);
	assert_true(id > (2LL << 40));
	assert_int_equal(carry(&st_a.srv, 0, &hub, "issue.rtx"), 0);

	snprintf(path, sizeof(path), "/issues/%lld/decision", id);
	assert_int_equal(http_post(&c, path, "status=taken_forward"
	    "&decided_on=2026-11-24&votes_for=6&votes_against=0"
	    "&votes_abstain=1", 1, &r), 303);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(client_as(&c, &hub, "coordinator.fenwick", PW), 0);
	snprintf(body, sizeof(body), "status=not_taken_forward"
	    "&decided_on=2026-11-25&votes_for=1&votes_against=5"
	    "&votes_abstain=0&decision_reason=Decided+at+the+hub");
	assert_int_equal(http_post(&c, path, body, 1, &r), 303);
	reply_free(&r);
	client_free(&c);

	assert_int_equal(carry(&st_a.srv, 0, &hub, "decision.rtx"), 0);
	snprintf(path, sizeof(path), "SELECT status FROM issues WHERE id = "
	    "%lld", id);
	{
		char	*status = db_text(&hub, path);

		assert_string_equal(status, "taken_forward");
		free(status);
	}
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM "
	    "exchange_conflicts WHERE tbl = 'issues' AND lost LIKE "
	    "'%Decided at the hub%' AND kept LIKE '%taken_forward%' AND "
	    "settled_at IS NULL"), 1);
	/* The hub's coordinator reads both versions and settles it. */
	assert_int_equal(client_as(&c, &hub, "coordinator.fenwick", PW), 0);
	assert_int_equal(http_get(&c, "/exchange/conflicts", &r), 200);
	assert_contains(r.body, "Decided at the hub");
	assert_contains(r.body, "changed in both places");
	reply_free(&r);
	snprintf(body, sizeof(body), "conflict=%lld", db_scalar(&hub,
	    "SELECT max(id) FROM exchange_conflicts"));
	assert_int_equal(http_post(&c, "/exchange/conflicts/settle", body, 1,
	    &r), 303);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/exchange/conflicts/settle", body, 1,
	    &r), 409);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/exchange/conflicts", &r), 200);
	assert_lacks(r.body, "Decided at the hub");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "after.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

/* Without a command line: a coordinator downloads a bundle at the hub
 * and uploads it at the station; the station's bundle comes back the
 * same way.  A coordinator of another site may not carry Fenwick's. */
static void
a_coordinator_carries_bundles_through_the_pages(void **state)
{
	struct client	 at_hub, at_station, other;
	struct reply	 r, file;
	long long	 before = db_scalar(&st_a.srv, "SELECT count(*) FROM "
	    "topics");
	char		 said[200];

	(void)state;
	assert_int_equal(client_as(&at_hub, &hub, "coordinator.fenwick", PW),
	    0);
	assert_int_equal(http_post(&at_hub, "/sites/1/topics",
	    "name=Carried+by+hand", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&at_hub, "/exchange", &r), 200);
	assert_contains(r.body, "Station 2");
	assert_lacks(r.body, "Station 3");	/* Harbour's: not theirs */
	reply_free(&r);
	assert_int_equal(http_post(&at_hub, "/exchange/bundle", "origin=2", 1,
	    &file), 200);
	assert_contains(file.content_type, "application/octet-stream");
	assert_true(file.len > 100 && memcmp(file.body, "RTX1", 4) == 0);

	assert_int_equal(client_as(&at_station, &st_a.srv,
	    "coordinator.fenwick", PW), 0);
	assert_int_equal(http_get(&at_station, "/exchange", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post_files(&at_station, "/exchange/import", NULL,
	    "bundle", "roundtable-0-to-2.rtx", file.body, file.len, &r), 303);
	assert_true(strncmp(r.location, "/exchange?imported=", 19) == 0);
	reply_free(&r);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM topics"),
	    before + 1);
	/* The same file again: refused, said plainly. */
	assert_int_equal(http_post_files(&at_station, "/exchange/import", NULL,
	    "bundle", "roundtable-0-to-2.rtx", file.body, file.len, &r), 422);
	assert_error_beside(r.body, "bundle", "imported before");
	reply_free(&r);
	/* The import's refusal keeps its values and is worded beside the
	 * box in the reader's language, the command line's English aside;
	 * a file that is no bundle at all the same. */
	assert_int_equal(http_post_files(&at_station, "/exchange/import?lang="
	    "cy", NULL, "bundle", "roundtable-0-to-2.rtx", file.body, file.len,
	    &r), 422);
	snprintf(said, sizeof(said), "Mae&#39;r bwndel hwn wedi&#39;i fewnforio "
	    "o&#39;r blaen (mae ei ran fwyaf newydd, %lld, yma eisoes)",
	    db_scalar(&st_a.srv, "SELECT received_seq FROM exchange_peers "
	    "WHERE origin = 0"));
	assert_error_beside(r.body, "bundle", said);
	assert_lacks(r.body, "imported before");
	reply_free(&r);
	assert_int_equal(http_post_files(&at_station, "/exchange/import?lang="
	    "cy", NULL, "bundle", "notes.rtx", "hello, station\n", 15, &r),
	    422);
	assert_error_beside(r.body, "bundle", "Nid bwndel Roundtable yw&#39;r "
	    "ffeil hon.");
	reply_free(&r);
	reply_free(&file);
	/* No file chosen: the form again, the error beside its box, in
	 * the reader's language. */
	assert_int_equal(http_get(&at_station, "/exchange/import", &r), 200);
	assert_contains(r.body, "enctype=\"multipart/form-data\"");
	reply_free(&r);
	assert_int_equal(http_post_files(&at_station, "/exchange/import?lang="
	    "cy", NULL, "bundle", "", "", 0, &r), 422);
	assert_error_beside(r.body, "bundle", "Dewiswch y ffeil bwndel i&#39;w "
	    "mewnforio");
	reply_free(&r);
	assert_int_equal(http_post_files(&at_station, "/exchange/import?lang="
	    "en", NULL, "bundle", "", "", 0, &r), 422);
	assert_error_beside(r.body, "bundle", "Choose the bundle file to "
	    "import");
	reply_free(&r);

	assert_int_equal(http_post(&at_station, "/exchange/bundle", "origin=0",
	    1, &file), 200);
	assert_int_equal(http_post_files(&at_hub, "/exchange/import", NULL,
	    "bundle", "roundtable-2-to-0.rtx", file.body, file.len, &r), 303);
	reply_free(&r);
	/* Harbour's coordinator may neither make nor take Fenwick's. */
	assert_int_equal(client_as(&other, &hub, "coordinator.harbour", PW), 0);
	assert_int_equal(http_post(&other, "/exchange/bundle", "origin=2", 1,
	    &r), 403);
	reply_free(&r);
	assert_int_equal(http_post_files(&other, "/exchange/import", NULL,
	    "bundle", "roundtable-2-to-0.rtx", file.body, file.len, &r), 403);
	reply_free(&r);
	reply_free(&file);
	client_free(&other);
	client_free(&at_station);
	client_free(&at_hub);
	station_agrees_with_hub(&st_a);
}

/* A copy of station A's database as out, with its key, to change by
 * hand as a tampered laptop would (its bundles signed with A's key). */
static void
station_copy(struct server *out, const char *name)
{
	char	 args[600], cmd[700];

	*out = st_a.srv;
	snprintf(out->db, sizeof(out->db), "%s/%s", hub.dir, name);
	snprintf(args, sizeof(args), "backup %s", out->db);
	assert_int_equal(roundtable_cli(&st_a.srv, args, NULL, NULL), 0);
	snprintf(cmd, sizeof(cmd), "cp %s.exchange-key %s.exchange-key",
	    st_a.srv.db, out->db);
	assert_int_equal(system(cmd), 0);
}

/* A station changed to send another site's records (its database edited
 * by hand, signed with its own key) is refused whole at the hub: a
 * bundle carries only rows of the sites the pair shares. */
static void
a_station_cannot_send_another_sites_records(void **state)
{
	struct server	 forged;
	char		 args[600], sql[600], path[400], *out = NULL, *before,
			*after;
	long long	 rep = db_scalar(&st_a.srv, "SELECT id FROM accounts "
	    "WHERE username = 'rep.fenwick'");

	(void)state;
	station_copy(&forged, "forged.db");
	snprintf(sql, sizeof(sql), "INSERT INTO exchange_applying (id) "
	    "VALUES (1); INSERT INTO sites (id, name, kind) VALUES (2, "
	    "'Elsewhere', 'other'); INSERT INTO exchange_peer_sites VALUES "
	    "(0, 2); INSERT INTO conversations (id, site_id, author_id, "
	    "occurred_at, channel, raised, consent, outcome) VALUES "
	    "((2 << 40) + 999999, 2, %lld, '2026-11-20T10:00', 'wing_visit', "
	    "'Forged at another site', 'anonymous', 'resolved'); DELETE FROM "
	    "exchange_applying;", rep);
	assert_int_equal(db_write(&forged, sql), 0);
	stick(path, sizeof(path), "forged-site.rtx");
	snprintf(args, sizeof(args), "export --to %s", path);
	assert_int_equal(exchange(&forged, args, NULL), 0);

	assert_int_equal(roundtable_cli(&hub, "fingerprint", NULL, &before), 0);
	snprintf(args, sizeof(args), "import --from %s", path);
	assert_int_equal(exchange(&hub, args, &out), 1);
	assert_contains(out, "outside the sites this pair shares");
	free(out);
	assert_int_equal(roundtable_cli(&hub, "fingerprint", NULL, &after), 0);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'Forged at another site'"), 0);
}

/* The whole cycle across the stick: the forum drafts, agrees and sends a
 * proposal on its laptop; the governor answers at the hub and sets an
 * action; the answer, its reason and the action come back to the forum,
 * and "you said, we did" says so on the wing. */
static void
decisions_come_back_to_the_forum(void **state)
{
	struct client	 member, staff, governor;
	struct reply	 r;
	char		 path[96], body[256];
	long long	 issue, id;

	(void)state;
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	issue = made(&staff, "/issues/new", "site_id=1&group_id=1&title="
	    "Showers+too+cold&statement=Members+report+cold+showers",
	    "/issues/");
	snprintf(body, sizeof(body), "title=Fix+the+boiler&problem=Members+"
	    "report+cold+showers&options=Fix+it%%0AReplace+it&issue_ids=%lld"
	    "&decider_text=the+governor", issue);
	id = made(&member, "/groups/1/proposals/new", body, "/proposals/");
	assert_true(id > (2LL << 40));
	snprintf(path, sizeof(path), "/proposals/%lld/vote", id);
	posted(&member, path, "outcome=agree&decided_on=2026-11-20"
	    "&consensus=1");
	snprintf(path, sizeof(path), "/proposals/%lld/submit", id);
	snprintf(body, sizeof(body), "decision_maker_id=%lld", db_scalar(
	    &st_a.srv, "SELECT id FROM accounts WHERE username = "
	    "'governor.fenwick'"));
	posted(&staff, path, body);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "proposal.rtx"), 0);

	/* At the hub: waiting for the governor, who answers. */
	assert_int_equal(client_as(&governor, &hub, "governor.fenwick", PW), 0);
	assert_int_equal(http_get(&governor, "/decisions", &r), 200);
	assert_contains(r.body, "Fix the boiler");
	reply_free(&r);
	snprintf(path, sizeof(path), "/proposals/%lld/respond", id);
	posted(&governor, path, "kind=accepted&reason=The+boiler+is+"
	    "twenty+years+old");
	snprintf(path, sizeof(path), "/proposals/%lld/actions/new", id);
	snprintf(body, sizeof(body), "text=Replace+the+boiler&owner_id=%lld"
	    "&due_on=2036-12-31", db_scalar(&hub, "SELECT id FROM accounts "
	    "WHERE username = 'coordinator.fenwick'"));
	posted(&governor, path, body);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "answer.rtx"), 0);

	/* Back on the wing. */
	snprintf(path, sizeof(path), "/proposals/%lld", id);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "The boiler is twenty years old");
	assert_contains(r.body, "Replace the boiler");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did", &r),
	    200);
	assert_contains(r.body, "Fix the boiler");
	reply_free(&r);
	/* The answer is the hub's: the station cannot make one. */
	snprintf(path, sizeof(path), "/proposals/%lld/actions/new", id);
	snprintf(body, sizeof(body), "text=Local&owner_id=%lld"
	    "&due_on=2036-12-31", db_scalar(&st_a.srv, "SELECT id FROM "
	    "accounts WHERE username = 'coordinator.fenwick'"));
	assert_int_equal(http_post(&staff, path, body, 1, &r), 409);
	assert_contains(r.body, "kept at the hub");
	reply_free(&r);
	client_free(&governor);
	client_free(&member);
	client_free(&staff);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "after-answer.rtx"), 0);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "round.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

/* A station changed to reuse the id of another site's record, to
 * overwrite it at the hub, is refused whole; and no record that travels
 * may name the station's own administrator, whom the hub never sees. */
static void
a_station_cannot_overwrite_or_name_what_the_hub_lacks(void **state)
{
	struct server	 forged;
	char		 args[600], sql[600], path[400], *out = NULL;
	long long	 other = db_scalar(&hub, "SELECT min(id) FROM "
	    "conversations WHERE site_id = 3");
	long long	 rep = db_scalar(&st_a.srv, "SELECT id FROM accounts "
	    "WHERE username = 'rep.fenwick'");

	(void)state;
	assert_true(other > 0);
	station_copy(&forged, "reused.db");
	snprintf(sql, sizeof(sql), "INSERT INTO conversations (id, site_id, "
	    "author_id, occurred_at, channel, raised, consent, outcome) "
	    "VALUES (%lld, 1, %lld, '2026-11-20T10:00', 'wing_visit', "
	    "'Overwritten', 'anonymous', 'resolved');", other, rep);
	assert_int_equal(db_write(&forged, sql), 0);
	stick(path, sizeof(path), "reused.rtx");
	snprintf(args, sizeof(args), "export --to %s", path);
	assert_int_equal(exchange(&forged, args, NULL), 0);
	snprintf(args, sizeof(args), "import --from %s", path);
	assert_int_equal(exchange(&hub, args, &out), 1);
	assert_contains(out, "outside the sites this pair shares");
	free(out);
	assert_int_equal(db_scalar_id(&hub, "SELECT site_id FROM "
	    "conversations WHERE id = %lld", other), 3);

	snprintf(sql, sizeof(sql), "INSERT INTO conversations (site_id, "
	    "author_id, occurred_at, channel, raised, consent, outcome) "
	    "VALUES (1, (SELECT id FROM accounts WHERE username = 'admin'), "
	    "'2026-11-20T10:00', 'wing_visit', 'By the admin', 'anonymous', "
	    "'resolved');");
	assert_int_not_equal(db_write(&st_a.srv, sql), 0);
}

/* Reads a server's log (its stderr, a file): malloc'd, NUL-terminated. */
static char *
log_read(const struct server *s)
{
	FILE	*f;
	char	*p;
	long	 n;

	assert_non_null(f = fopen(s->log, "r"));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_true((n = ftell(f)) >= 0);
	rewind(f);
	assert_non_null(p = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return p;
}

/* A bundle the database will not take (here a trigger of the station's
 * that fails, as a station a version apart might): the refusal beside
 * the box is ours, in the reader's language, and the engine's English
 * goes to the server's log for the administrator, not to the page. */
static void
an_engine_failure_is_worded_for_the_reader(void **state)
{
	struct client	 at_hub, at_station;
	struct reply	 r, file;
	char		*log;

	(void)state;
	assert_int_equal(client_as(&at_hub, &hub, "coordinator.fenwick", PW),
	    0);
	assert_int_equal(http_post(&at_hub, "/sites/1/topics",
	    "name=Refused+by+the+engine", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_post(&at_hub, "/exchange/bundle", "origin=2", 1,
	    &file), 200);
	assert_int_equal(db_write(&st_a.srv, "CREATE TRIGGER words_test AFTER "
	    "INSERT ON topics BEGIN INSERT INTO words_test_missing VALUES (1); "
	    "END;"), 0);
	assert_int_equal(client_as(&at_station, &st_a.srv,
	    "coordinator.fenwick", PW), 0);
	assert_int_equal(http_post_files(&at_station, "/exchange/import?lang="
	    "cy", NULL, "bundle", "roundtable-0-to-2.rtx", file.body, file.len,
	    &r), 422);
	assert_error_beside(r.body, "bundle", "Doedd dim modd cymhwyso rhan "
	    "o&#39;r bwndel. Ni newidiodd dim; bydd y gweinyddwr yn gweld pam "
	    "yn log y gweinydd.");
	assert_lacks(r.body, "words_test_missing");
	assert_lacks(r.body, "SQL logic error");
	assert_lacks(r.body, "could not be applied");
	reply_free(&r);
	log = log_read(&st_a.srv);
	assert_contains(log, "from place 0 not applied: SQL logic error (1)");
	free(log);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM topics "
	    "WHERE name = 'Refused by the engine'"), 0);
	/* Put right, the same file is taken. */
	assert_int_equal(db_write(&st_a.srv, "DROP TRIGGER words_test;"), 0);
	assert_int_equal(http_post_files(&at_station, "/exchange/import", NULL,
	    "bundle", "roundtable-0-to-2.rtx", file.body, file.len, &r), 303);
	reply_free(&r);
	reply_free(&file);
	client_free(&at_station);
	client_free(&at_hub);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "after-engine.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stations_start_from_the_hub),
		cmocka_unit_test(a_month_of_weekly_exchanges_agrees),
		cmocka_unit_test(each_place_keeps_to_what_it_owns),
		cmocka_unit_test(a_lost_stick_costs_nothing),
		cmocka_unit_test(bad_bundles_are_refused_and_change_nothing),
		cmocka_unit_test(a_killed_import_leaves_the_database_as_it_was),
		cmocka_unit_test(conflicts_keep_the_losing_version),
		cmocka_unit_test(a_coordinator_carries_bundles_through_the_pages),
		cmocka_unit_test(a_station_cannot_send_another_sites_records),
		cmocka_unit_test(decisions_come_back_to_the_forum),
		cmocka_unit_test(an_engine_failure_is_worded_for_the_reader),
		cmocka_unit_test(a_station_cannot_overwrite_or_name_what_the_hub_lacks),
	};

	return cmocka_run_group_tests(tests, places_setup, places_teardown);
}
