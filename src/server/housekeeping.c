#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "housekeeping.h"
#include "group_commit.h"
#include "../config.h"
#include "../db/backup_run.h"
#include "../db/db.h"
#include "../limits.h"
#include "../privacy/retention.h"
#include "../util/date.h"
#include "../util/key_file.h"

#define DAY_S	86400

static time_t
monotonic_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* One retention run, queued with the writers, in its own transaction. */
static void
retention_once(struct housekeeping *h, struct db *db)
{
	struct retention_counts	 counts;
	char			 today[DATE_CHARS + 1];
	int			 rc;

	date_today(time(NULL), today);
	if (h->writes != NULL)
		group_commit_alone(h->writes);
	/* Its connection may have been dropped since the last run. */
	rc = db_revive(db) < 0 ? DB_ERROR : db_begin(db, 1);
	if (rc == DB_OK) {
		rc = retention_run(db, h->config, today, &counts);
		if (rc == DB_OK)
			rc = db_commit(db);
		if (rc != DB_OK)
			db_rollback(db);
	}
	if (h->writes != NULL)
		group_commit_unlock(h->writes);
	if (rc != DB_OK)
		fprintf(stderr, "retention: the daily run failed; nothing was "
		    "changed (it runs again in an hour)\n");
}

static void *
housekeeping_main(void *arg)
{
	struct housekeeping	*h = arg;
	const struct config	*c = h->config;
	struct db		 db;
	struct timespec		 until;
	time_t			 now, next_backup, next_retention, next;

	if (db_open(&db, c->db_path, c->busy_timeout_ms) == -1) {
		fprintf(stderr, "housekeeping: the database could not be "
		    "opened; no scheduled backups or retention\n");
		return NULL;
	}
	now = monotonic_s();
	next_backup = now + c->backup_every_s;
	next_retention = now;
	pthread_mutex_lock(&h->lock);
	while (!h->stop) {
		pthread_mutex_unlock(&h->lock);
		now = monotonic_s();
		if (c->backup_dir != NULL && now >= next_backup) {
			if (backup_scheduled(&db, c->backup_dir, h->keyed ?
			    h->key : NULL, c->backup_keep) == -1)
				fprintf(stderr, "backup: the scheduled backup "
				    "in %s failed\n", c->backup_dir);
			next_backup = now + c->backup_every_s;
		}
		if (c->retention_in_server && now >= next_retention) {
			retention_once(h, &db);
			next_retention = now + DAY_S;
		}
		next = now + RETENTION_TICK_S;
		if (c->backup_dir != NULL && next_backup < next)
			next = next_backup;
		if (c->retention_in_server && next_retention < next)
			next = next_retention;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += next - monotonic_s();
		pthread_mutex_lock(&h->lock);
		while (!h->stop && pthread_cond_timedwait(&h->wake, &h->lock,
		    &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&h->lock);
	db_close(&db);
	return NULL;
}

int
housekeeping_start(struct housekeeping *h, const struct config *c,
    struct group_commit *writes)
{
	pthread_condattr_t	 attr;

	memset(h, 0, sizeof(*h));
	h->config = c;
	h->writes = writes;
	if (c->backup_dir == NULL && !c->retention_in_server)
		return 0;
	/* A schedule that could only fail, every time, is refused at the
	 * start rather than logged while nobody has a backup. */
	if (c->backup_dir != NULL && db_target_is_pg(c->db_path)) {
		fprintf(stderr, "[backup] dir: scheduled backups are for a "
		    "SQLite file; a PostgreSQL database is backed up with "
		    "pg_dump or the cluster's own base backups (README)\n");
		return -1;
	}
	if (c->backup_dir != NULL && access(c->backup_dir, W_OK) == -1) {
		fprintf(stderr, "[backup] dir %s: %s\n", c->backup_dir,
		    strerror(errno));
		return -1;
	}
	sodium_mlock(h->key, sizeof(h->key));
	if (c->backup_dir != NULL && c->backup_key != NULL) {
		if (key_file_read(c->backup_key, h->key, sizeof(h->key)) != 0) {
			fprintf(stderr, "[keys] backup_key %s could not be "
			    "read: no scheduled backups\n", c->backup_key);
			return -1;
		}
		h->keyed = 1;
	}
	pthread_mutex_init(&h->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&h->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&h->thread, NULL, housekeeping_main, h) != 0) {
		pthread_cond_destroy(&h->wake);
		pthread_mutex_destroy(&h->lock);
		return -1;
	}
	h->running = 1;
	return 0;
}

void
housekeeping_stop(struct housekeeping *h)
{
	if (h->running) {
		pthread_mutex_lock(&h->lock);
		h->stop = 1;
		pthread_cond_signal(&h->wake);
		pthread_mutex_unlock(&h->lock);
		pthread_join(h->thread, NULL);
		pthread_cond_destroy(&h->wake);
		pthread_mutex_destroy(&h->lock);
		h->running = 0;
	}
	sodium_munlock(h->key, sizeof(h->key));	/* wipes it too */
}
