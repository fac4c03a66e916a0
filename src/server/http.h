/*
 * The HTTP server: libmicrohttpd with a thread pool, one SQLite connection
 * per worker thread, request limits from struct config, and a graceful
 * stop.  server_run() blocks until SIGINT or SIGTERM.
 */
#ifndef RT_HTTP_H
#define RT_HTTP_H

#include "request.h"

/* Serves until a stop signal; 0 on a clean stop, -1 if it cannot start. */
int	server_run(struct app *);

#endif
