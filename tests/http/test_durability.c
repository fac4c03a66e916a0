/*
 * Nothing acknowledged is lost: a backup taken while serving restores to
 * identical data, and a server killed with SIGKILL in the middle of a
 * stream of writes comes back with every acknowledged write and a sound
 * database and audit chain.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "http_test.h"

#define KILL_ROUNDS	3

static char token[64];

static int
setup(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*p;

	(void)state;
	if (server_start(&srv, NULL) == -1)
		return -1;
	client_init(&c, &srv);
	if (client_sign_in(&c, "coordinator.fenwick", srv.demo_password) != 303)
		return -1;
	http_get(&c, "/account", &r);
	reply_free(&r);
	http_post(&c, "/account/tokens", "name=durability", 1, &r);
	p = strstr(r.body, "class=\"rt-token\">");
	if (p != NULL)
		snprintf(token, sizeof(token), "%.43s",
		    p + strlen("class=\"rt-token\">"));
	reply_free(&r);
	client_free(&c);
	return p ? 0 : -1;
}

/*
 * PostgreSQL's backup is pg_dump (README): `roundtable backup` says so,
 * and a dump taken while serving restores, into a new database, to the
 * same rows (the fingerprint both engines compute) with the audit chain
 * sound under the same key.
 */
static void
pg_dump_while_serving_restores_identically(void)
{
	struct server	 copy;
	char		 cmd[2400], *out = NULL, *a, *b;

	assert_int_not_equal(roundtable_cli(&srv, "backup x.db", NULL, &out),
	    0);
	assert_contains(out, "pg_dump");
	free(out);
	assert_int_equal(server_empty_pg(&copy), 0);
	snprintf(cmd, sizeof(cmd), "pg_dump -Fc -d '%s' -f %s/backup.dump && "
	    "pg_restore --no-owner -d '%s' %s/backup.dump && cp -p "
	    "%s/audit.key %s/audit.key", srv.db, srv.dir, copy.db, srv.dir,
	    srv.dir, copy.dir);
	assert_int_equal(system(cmd), 0);
	a = db_fingerprint(srv.db);
	b = db_fingerprint(copy.db);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_int_equal(roundtable_cli(&copy, "check", NULL, NULL), 0);
	assert_int_equal(server_stop(&copy), 0);
}

static void
backup_while_serving_restores_identically(void **state)
{
	struct server	 copy;
	char		 args[600], *out = NULL, *a, *b;

	(void)state;
	if (server_on_pg(&srv)) {
		pg_dump_while_serving_restores_identically();
		return;
	}
	snprintf(args, sizeof(args), "backup %s/backup.db", srv.dir);
	assert_int_equal(roundtable_cli(&srv, args, NULL, &out), 0);
	assert_contains(out, "Backed up");
	free(out);
	/* Refuses to overwrite an existing file. */
	assert_int_equal(roundtable_cli(&srv, args, NULL, NULL), 1);

	memset(&copy, 0, sizeof(copy));
	snprintf(copy.dir, sizeof(copy.dir), "%s", srv.dir);
	snprintf(copy.db, sizeof(copy.db), "%s/restored.db", srv.dir);
	snprintf(copy.config, sizeof(copy.config), "%s", srv.config);
	snprintf(args, sizeof(args), "restore %s/backup.db", srv.dir);
	assert_int_equal(roundtable_cli(&copy, args, NULL, &out), 0);
	free(out);
	a = db_fingerprint(srv.db);
	b = db_fingerprint(copy.db);
	assert_non_null(a);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_int_equal(roundtable_cli(&copy, "check", NULL, NULL), 0);
	/* A file that is not a database is refused. */
	snprintf(args, sizeof(args), "restore %s", srv.config);
	assert_int_equal(roundtable_cli(&copy, args, NULL, NULL), 1);
}

/* The child: posts people until the server dies; logs acknowledged ids. */
static void
writer(const char *log_path, int round)
{
	struct client	 c;
	struct reply	 r;
	FILE		*log = fopen(log_path, "w");
	char		 body[128];
	int		 i;
	long long	 id;

	client_init(&c, &srv);
	c.bearer = strdup(token);
	for (i = 0; log != NULL; i++) {
		snprintf(body, sizeof(body), "display_name=Round%d-Writer%d"
		    "&status=in_custody&site_id=1", round, i);
		if (http_post(&c, "/people/new", body, 0, &r) != 303) {
			reply_free(&r);
			break;
		}
		id = strtoll(r.location + strlen("/people/"), NULL, 10);
		fprintf(log, "%lld Round%d-Writer%d\n", id, round, i);
		fflush(log);
		reply_free(&r);
	}
	if (log != NULL)
		fclose(log);
	client_free(&c);
	_exit(0);
}

static void
sigkill_loses_no_acknowledged_write(void **state)
{
	char		 log_path[320], name[64], sql[256];
	struct timespec	 ts;
	FILE		*log;
	long long	 id, total = 0;
	pid_t		 child;
	int		 round;

	(void)state;
	srand((unsigned)time(NULL));
	for (round = 0; round < KILL_ROUNDS; round++) {
		snprintf(log_path, sizeof(log_path), "%s/acked-%d.txt", srv.dir,
		    round);
		child = fork();
		assert_true(child >= 0);
		if (child == 0)
			writer(log_path, round);
		ts.tv_sec = 0;
		ts.tv_nsec = (300 + rand() % 700) * 1000000L;
		nanosleep(&ts, NULL);
		server_kill(&srv);
		waitpid(child, NULL, 0);

		assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
		log = fopen(log_path, "r");
		assert_non_null(log);
		while (fscanf(log, "%lld %63s", &id, name) == 2) {
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM people "
			    "WHERE id = %lld AND display_name = '%s'", id, name);
			assert_int_equal(db_scalar(&srv, sql), 1);
			total++;
		}
		fclose(log);
		assert_int_equal(server_launch(&srv), 0);
	}
	print_message("%d kills, %lld acknowledged writes verified\n",
	    KILL_ROUNDS, total);
	assert_true(total > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backup_while_serving_restores_identically),
		cmocka_unit_test(sigkill_loses_no_acknowledged_write),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
