/*
 * The HTTP server (http.h): libmicrohttpd with a thread pool on the
 * configured address, one database connection per worker thread, and a
 * graceful stop at SIGINT or SIGTERM.  One request's life is in
 * http_exchange.c; this file starts, serves and stops.
 */
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "deadline.h"
#include "housekeeping.h"
#include "http.h"
#include "http_exchange.h"
#include "static_files.h"
#include "lockdown.h"
#include "../db/db.h"
#include "../db/shared_rows.h"
#include "../util/log.h"
#include "../util/text.h"
#include "../limits.h"

static _Thread_local struct db *worker_db;

struct db *
http_server_db(struct server *s)
{
	struct db	*db;

	if (worker_db != NULL)
		return worker_db;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	if (db_open(db, s->app->config->db_path,
	    s->app->config->busy_timeout_ms) == -1) {
		free(db);
		return NULL;
	}
	pthread_mutex_lock(&s->lock);
	if (s->ndbs == DB_WORKERS_MAX) {
		pthread_mutex_unlock(&s->lock);
		db_close(db);
		free(db);
		return NULL;
	}
	s->dbs[s->ndbs++] = db;
	pthread_mutex_unlock(&s->lock);
	return worker_db = db;
}

/*
 * Percent-decoding for paths and query strings, in place.  An encoded NUL
 * stays encoded: decoded, it would cut the string short and "/people/1%00"
 * would reach the page for /people/1.
 */
static size_t
url_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls;
	(void)conn;
	return percent_decode(s, strlen(s), 0, 1);
}

static int
listen_address(const struct config *c, struct sockaddr_storage *ss)
{
	struct sockaddr_in	*in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6	*in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, c->listen_addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)c->listen_port);
		return 0;
	}
	if (inet_pton(AF_INET6, c->listen_addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)c->listen_port);
		return 0;
	}
	log_line(LOG_ERR, "listen address %s is not an IP address",
	    c->listen_addr);
	return -1;
}

int
server_run(struct app *app)
{
	const struct config		*c = app->config;
	struct server			 s;
	struct sockaddr_storage		 ss;
	struct MHD_Daemon		*d;
	struct housekeeping		 hk;
	sigset_t			 set;
	int				 sig, threads, waited, failed;
	size_t				 i;
	long				 cores;

	memset(&s, 0, sizeof(s));
	s.app = app;
	pthread_mutex_init(&s.lock, NULL);
	if (listen_address(c, &ss) == -1 ||
	    static_files_load(&s.statics, c->static_dir) == -1)
		return -1;
	if (deadline_start(&s.deadline, c->connection_timeout_s) == -1) {
		static_files_free(&s.statics);
		return -1;
	}
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	threads = c->threads > 0 ? c->threads : (cores > 0 ? (int)cores : 2);

	/* Workers inherit this mask, so only sigwait() sees the signals. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ITC,
	    0, NULL, NULL, http_on_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)c->connections_max,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)c->connections_per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)c->connection_timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, c->connection_memory,
	    MHD_OPTION_NOTIFY_COMPLETED, http_on_completed, &s,
	    MHD_OPTION_NOTIFY_CONNECTION, deadline_notify, &s.deadline,
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1U,
	    MHD_OPTION_UNESCAPE_CALLBACK, url_unescape, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, http_on_uri, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		log_line(LOG_ERR, "cannot listen on %s:%d", c->listen_addr,
		    c->listen_port);
		deadline_stop(&s.deadline);
		static_files_free(&s.statics);
		return -1;
	}
	/* After the signal mask, so the timer's thread leaves SIGTERM to
	 * sigwait too.  Backups that were asked for and cannot be made stop
	 * the server (exit 1) rather than letting it run without them.
	 * Before the lock-down, whose filter then holds on that thread too. */
	failed = housekeeping_start(&hk, c, app->writes) == -1;
	/* Everything the server opens by name from now on is the
	 * database's own files and fonts; the socket is bound.  A server
	 * that cannot lock itself down does not serve. */
	if (!failed && lockdown_server(db_target_is_pg(c->db_path)) == -1) {
		log_line(LOG_CRIT, "the lock-down (seccomp filter) could not "
		    "be installed; not serving");
		failed = 1;
	}
	if (!failed) {
		log_line(LOG_NOTICE, "roundtable %s listening on "
		    "http://%s:%d/ (%d threads, locked down)", app->version,
		    c->listen_addr, c->listen_port, threads);
		sigwait(&set, &sig);
	}
	log_line(LOG_NOTICE, "stopping: finishing requests in flight");
	/* Not MHD_quiesce_daemon: with a thread pool on epoll, its removal
	 * of the listening socket races the workers' own, and the library
	 * aborts the process ("Failed to remove listen FD from epoll set").
	 * Requests that begin from now on are refused with 503 instead. */
	__atomic_store_n(&s.stopping, 1, __ATOMIC_SEQ_CST);
	for (waited = 0; waited < STOP_GRACE_S * 100; waited++) {
		if (__atomic_load_n(&s.in_flight, __ATOMIC_SEQ_CST) == 0)
			break;
		usleep(10000);
	}
	MHD_stop_daemon(d);
	housekeeping_stop(&hk);
	deadline_stop(&s.deadline);
	for (i = 0; i < s.ndbs; i++) {
		db_close(s.dbs[i]);
		free(s.dbs[i]);
	}
	db_rows_shared_clear();
	static_files_free(&s.statics);
	pthread_mutex_destroy(&s.lock);
	log_line(LOG_NOTICE, "stopped");
	return failed ? -1 : 0;
}
