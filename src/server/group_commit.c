/*
 * Group commit: one writer connection, a batch of requests in one
 * transaction, a savepoint each (see group_commit.h for the protocol).
 */
#include <stdlib.h>

#include "group_commit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/log.h"

int
group_commit_init(struct group_commit *gc, const char *path, int busy_ms)
{
	*gc = (struct group_commit){ .path = path, .busy_ms = busy_ms,
	    .batching = !db_target_is_pg(path) };
	atomic_init(&gc->waiting, 0);
	if (pthread_mutex_init(&gc->lock, NULL) != 0)
		return -1;
	if (pthread_cond_init(&gc->ended, NULL) != 0) {
		pthread_mutex_destroy(&gc->lock);
		return -1;
	}
	return 0;
}

void
group_commit_free(struct group_commit *gc)
{
	if (gc->db != NULL) {
		db_close(gc->db);
		free(gc->db);
	}
	pthread_cond_destroy(&gc->ended);
	pthread_mutex_destroy(&gc->lock);
}

/* Tells every member of the batch how it ended, and forgets it. */
static void
batch_close(struct group_commit *gc, int rc)
{
	struct group_member	*m;

	for (m = gc->list; m != NULL; m = m->next) {
		m->rc = rc;
		m->ended = 1;
	}
	gc->open = gc->members = gc->checkpoint = 0;
	gc->list = NULL;
	pthread_cond_broadcast(&gc->ended);
}

/* Commits the open batch and wakes its members.  Under the lock. */
static void
batch_end(struct group_commit *gc)
{
	int	 rc;

	if (!gc->open)
		return;
	if ((rc = db_commit(gc->db)) != DB_OK)
		log_line(LOG_ERR, "group commit: a batch of %d was not "
		    "committed", gc->members);
	else
		gc->commits++;
	if (rc == DB_OK && gc->checkpoint && db_checkpoint(gc->db) != DB_OK)
		log_line(LOG_WARNING, "group commit: the WAL was not "
		    "truncated after commit");
	batch_close(gc, rc);
}

/* The writer connection, opened the first time.  Under the lock. */
static struct db *
writer_db(struct group_commit *gc)
{
	struct db	*db;

	if (gc->db != NULL)
		return gc->db;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	if (db_open(db, gc->path, gc->busy_ms) == -1) {
		free(db);
		return NULL;
	}
	return gc->db = db;
}

static void
lock_as_writer(struct group_commit *gc)
{
	atomic_fetch_add(&gc->waiting, 1);
	pthread_mutex_lock(&gc->lock);
	atomic_fetch_sub(&gc->waiting, 1);
}

/* Leaves the lock: a batch nobody waits to join is ended first. */
static void
leave(struct group_commit *gc)
{
	if (gc->open && atomic_load(&gc->waiting) == 0)
		batch_end(gc);
	pthread_mutex_unlock(&gc->lock);
}

int
group_commit_run(struct group_commit *gc, group_work work, void *arg,
    int *ran)
{
	static const char	*sql_savepoint = "SAVEPOINT request";
	static const char	*sql_undo = "ROLLBACK TO request";
	static const char	*sql_release = "RELEASE request";
	struct group_member	 me = { DB_OK, 0, NULL };
	struct db		*db;
	int			 rc, keep, checkpoint = 0;

	*ran = 0;
	lock_as_writer(gc);
	if ((db = writer_db(gc)) == NULL) {
		leave(gc);
		return DB_ERROR;
	}
	if (!gc->open) {
		if ((rc = db_begin(db, 1)) != DB_OK) {
			leave(gc);
			return rc;
		}
		gc->open = 1;
	}
	if ((rc = db_exec(db, sql_savepoint, "")) != DB_OK) {
		leave(gc);
		return rc;
	}
	*ran = 1;
	keep = work(arg, db, &checkpoint);
	/* Undone work leaves the batch as it found it.  Work that could not
	 * be undone, or a savepoint that cannot be released, leaves a batch
	 * that cannot be trusted: it ends undone, every member told. */
	if ((!keep && db_exec(db, sql_undo, "") != DB_OK) ||
	    db_exec(db, sql_release, "") != DB_OK) {
		log_line(LOG_ERR, "group commit: a request's savepoint could "
		    "not be undone or released; the batch is rolled back");
		db_rollback(db);
		batch_close(gc, DB_ERROR);
		pthread_mutex_unlock(&gc->lock);
		return keep ? DB_ERROR : DB_OK;
	}
	if (!keep) {
		leave(gc);
		return DB_OK;
	}
	gc->checkpoint |= checkpoint;
	me.next = gc->list;
	gc->list = &me;
	gc->members++;
	/* Someone is at the door: let them in on this commit. */
	if (atomic_load(&gc->waiting) > 0 && gc->members < GROUP_COMMIT_MAX)
		while (!me.ended)
			pthread_cond_wait(&gc->ended, &gc->lock);
	else
		batch_end(gc);
	pthread_mutex_unlock(&gc->lock);
	return me.rc;
}

void
group_commit_alone(struct group_commit *gc)
{
	lock_as_writer(gc);
	batch_end(gc);
}

void
group_commit_unlock(struct group_commit *gc)
{
	leave(gc);
}
