/*
 * The request deadline: a client has connection_timeout_s to send a
 * whole request (request line, headers and body), counted from when the
 * connection is ready for it (opened, or the previous response done).
 * libmicrohttpd's own timeout only counts idle time, so a client that
 * sends a byte every second would hold a connection for ever; this
 * watch drops it.
 *
 * libmicrohttpd 0.9.75 has no call to close a connection from outside
 * its callbacks, and its access handler is not called until the headers
 * are complete, so a watcher thread shuts the socket down
 * (shutdown(2)); the library then sees the end of the stream and closes
 * the connection itself, through its usual path.  Entries are made and
 * freed in the library's connection notifications, under the watch's
 * lock, so the watcher never touches a socket after it is closed.
 *
 * struct deadline_watch owns its thread and its list of entries; each
 * struct deadline_conn is owned by the watch, made when a connection
 * starts and freed when it closes.
 */
#ifndef RT_DEADLINE_H
#define RT_DEADLINE_H

#include <pthread.h>
#include <time.h>

#include <microhttpd.h>

struct deadline_conn {
	int			 fd;
	int			 reading;	/* waiting for a whole request */
	struct timespec		 since;		/* ready for it since (monotonic) */
	struct deadline_conn	*prev, *next;
};

struct deadline_watch {
	pthread_mutex_t		 lock;		/* guards all below */
	pthread_cond_t		 wake;
	pthread_t		 thread;
	int			 running;
	int			 stop;
	int			 timeout_s;
	struct deadline_conn	*head;
};

/* Starts the watcher thread: 0, or -1. */
int	deadline_start(struct deadline_watch *, int timeout_s);
/* Stops the thread and frees what is left (after the daemon stopped). */
void	deadline_stop(struct deadline_watch *);

/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION callback (cls: the
 * watch): makes the entry at start, frees it at close. */
void	deadline_notify(void *cls, struct MHD_Connection *,
	    void **socket_context, enum MHD_ConnectionNotificationCode);

/* The whole request has arrived: the deadline stops counting. */
void	deadline_request_read(struct deadline_watch *, void *socket_context);
/* The response is done: the next request's deadline starts now. */
void	deadline_request_done(struct deadline_watch *, void *socket_context);

#endif
