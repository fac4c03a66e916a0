/*
 * The server's own timer: scheduled backups ([backup] dir, every_s,
 * keep; db/backup_run.h) and, with [retention] in_server, the daily
 * retention run (privacy/retention.h), so a forum's laptop needs no cron
 * or systemd timer.  One thread with its own database connection; a
 * retention run queues on the writers' lock like any request.  Nothing
 * runs, and no thread starts, when neither is configured.
 *
 * struct housekeeping owns its thread and the backup key (in locked
 * memory, wiped at stop); config and writes are borrowed for the
 * server's life.
 */
#ifndef RT_HOUSEKEEPING_H
#define RT_HOUSEKEEPING_H

#include <pthread.h>

#include "../db/backup_file.h"

struct config;

struct group_commit;

struct housekeeping {
	pthread_mutex_t		 lock;		/* guards stop */
	pthread_cond_t		 wake;
	pthread_t		 thread;
	int			 running;
	int			 stop;
	const struct config	*config;
	struct group_commit	*writes;
	int			 keyed;		/* backups are sealed */
	unsigned char		 key[BACKUP_KEY_BYTES];
};

/* Starts the thread when there is anything to do: 0, or -1 (printed:
 * the backup folder or key cannot be used). */
int	housekeeping_start(struct housekeeping *, const struct config *,
	    struct group_commit *writes);
/* Stops the thread, after a backup or run in progress ends. */
void	housekeeping_stop(struct housekeeping *);

#endif
