/*
 * The request deadline (see deadline.h for why it is a watcher thread).
 * The watcher wakes once a second: a deadline is a limit on abuse, not a
 * timer that has to be exact, and a second's lateness costs nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "deadline.h"

#define WATCH_INTERVAL_S	1

static void
now_monotonic(struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
}

/* Drops every connection that has been waiting for its request for too
 * long.  Called with the lock held. */
static void
watch_sweep(struct deadline_watch *w)
{
	struct deadline_conn	*c;
	struct timespec		 now;

	now_monotonic(&now);
	for (c = w->head; c != NULL; c = c->next) {
		if (!c->reading || now.tv_sec - c->since.tv_sec < w->timeout_s)
			continue;
		/* The library reads the end of the stream and closes it. */
		shutdown(c->fd, SHUT_RDWR);
		c->reading = 0;
	}
}

static void *
watch_run(void *arg)
{
	struct deadline_watch	*w = arg;
	struct timespec		 until;

	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += WATCH_INTERVAL_S;
		if (pthread_cond_timedwait(&w->wake, &w->lock, &until) ==
		    ETIMEDOUT)
			watch_sweep(w);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int
deadline_start(struct deadline_watch *w, int timeout_s)
{
	w->timeout_s = timeout_s;
	w->head = NULL;
	w->stop = 0;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->thread, NULL, watch_run, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		return -1;
	}
	w->running = 1;
	return 0;
}

void
deadline_stop(struct deadline_watch *w)
{
	struct deadline_conn	*c, *next;

	if (!w->running)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	for (c = w->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	w->head = NULL;
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	w->running = 0;
}

void
deadline_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct deadline_watch		*w = cls;
	struct deadline_conn		*c = *socket_context;
	const union MHD_ConnectionInfo	*ci;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(conn,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		/* Without an entry the connection has only the idle timeout;
		 * refusing it is not ours to do here. */
		if (ci == NULL || (c = calloc(1, sizeof(*c))) == NULL)
			return;
		c->fd = ci->connect_fd;
		c->reading = 1;
		now_monotonic(&c->since);
		pthread_mutex_lock(&w->lock);
		if ((c->next = w->head) != NULL)
			c->next->prev = c;
		w->head = c;
		pthread_mutex_unlock(&w->lock);
		*socket_context = c;
		return;
	}
	if (c == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		w->head = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&w->lock);
	free(c);
	*socket_context = NULL;
}

/* Sets whether the connection is waiting for a request; when it starts
 * to, its deadline starts counting. */
static void
deadline_mark(struct deadline_watch *w, void *socket_context, int reading)
{
	struct deadline_conn	*c = socket_context;

	if (c == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	c->reading = reading;
	if (reading)
		now_monotonic(&c->since);
	pthread_mutex_unlock(&w->lock);
}

void
deadline_request_read(struct deadline_watch *w, void *socket_context)
{
	deadline_mark(w, socket_context, 0);
}

void
deadline_request_done(struct deadline_watch *w, void *socket_context)
{
	deadline_mark(w, socket_context, 1);
}
