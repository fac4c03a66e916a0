/*
 * src/server/group_commit.c over a real database: writers from many
 * threads share commits, a refused request is rolled back alone while
 * the others in its batch are kept, and no writer returns before the
 * commit that holds its work (another connection already sees it).
 */
#include <pthread.h>
#include <unistd.h>

#include "unit.h"
#include "server/group_commit.h"

#define WRITERS		8
#define REQUESTS	40	/* each */

struct shared {
	struct group_commit	 gc;
	char			 path[UNIT_PATH_MAX];
};

struct writer {
	struct shared	*sh;
	int		 n;		/* this writer's number */
	int		 seq;		/* its request number */
	int		 unseen;	/* kept but not seen after return */
	int		 failed;
};

/* Inserts a row, then refuses every third request after writing it. */
static int
work(void *arg, struct db *db, int *checkpoint)
{
	static const char	*sql = "INSERT INTO gc_rows (writer, seq, kept) "
	    "VALUES (?, ?, ?)";
	struct writer		*w = arg;
	int			 keep = w->seq % 3 != 0;

	*checkpoint = 0;
	if (db_exec(db, sql, "ddd", w->n, w->seq, keep) != DB_OK)
		w->failed++;
	usleep(200);	/* let others queue, as a handler's work does */
	return keep;
}

static void *
writer_run(void *arg)
{
	static const char	*sql = "SELECT count(*) FROM gc_rows WHERE "
	    "writer = ? AND seq = ?";
	struct writer		*w = arg;
	struct db		 own;
	int64_t			 n;
	int			 rc, ran;

	if (db_open(&own, w->sh->path, 5000) == -1) {
		w->failed++;
		return NULL;
	}
	for (w->seq = 0; w->seq < REQUESTS; w->seq++) {
		rc = group_commit_run(&w->sh->gc, work, w, &ran);
		if (rc != DB_OK || !ran)
			w->failed++;
		/* Returned: what was kept is committed, for anyone. */
		if (db_int(&own, &n, sql, "dd", w->n, w->seq) < 0)
			w->failed++;
		if (n != (w->seq % 3 != 0))
			w->unseen++;
	}
	db_close(&own);
	return NULL;
}

static void
batches_keep_their_neighbours_and_drop_the_refused(void **state)
{
	struct shared	 sh;
	struct writer	 w[WRITERS];
	pthread_t	 t[WRITERS];
	struct db	 db;
	int64_t		 n;
	int		 i;

	(void)state;
	assert_int_equal(unit_db_open(&db, sh.path), 0);
	assert_int_equal(db_exec_script(&db, "CREATE TABLE gc_rows ("
	    "writer INTEGER, seq INTEGER, kept INTEGER)"), 0);
	assert_int_equal(group_commit_init(&sh.gc, sh.path, 5000), 0);
	for (i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){ &sh, i, 0, 0, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, writer_run,
		    &w[i]), 0);
	}
	for (i = 0; i < WRITERS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failed, 0);
		assert_int_equal(w[i].unseen, 0);
	}
	/* Every kept request is there, no refused one. */
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM gc_rows", ""),
	    1);
	assert_int_equal(n, WRITERS * (REQUESTS - (REQUESTS + 2) / 3));
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM gc_rows "
	    "WHERE kept = 0", ""), 1);
	assert_int_equal(n, 0);
	/* Requests shared commits: fewer commits than kept requests. */
	print_message("%lu commits for %lld kept requests\n", sh.gc.commits,
	    (long long)(WRITERS * (REQUESTS - (REQUESTS + 2) / 3)));
	assert_true(sh.gc.commits < (unsigned long)(WRITERS *
	    (REQUESTS - (REQUESTS + 2) / 3)));
	/* A lone writer after them finds no batch left open. */
	group_commit_alone(&sh.gc);
	assert_int_equal(sh.gc.open, 0);
	group_commit_unlock(&sh.gc);
	group_commit_free(&sh.gc);
	unit_db_close(&db, sh.path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    batches_keep_their_neighbours_and_drop_the_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
