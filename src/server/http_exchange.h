/*
 * Inside the HTTP server (http.h), for its parts alone: the server's
 * state, one request's state, and what the parts call of each other.
 *   http.c          starting, serving until a stop signal, stopping
 *   http_exchange.c one request from first sight to completion
 *   http_fields.c   its query and form fields, checked while read
 *   http_send.c     the answer: headers, cookies, body, static files
 */
#ifndef RT_HTTP_EXCHANGE_H
#define RT_HTTP_EXCHANGE_H

#include <arpa/inet.h>
#include <pthread.h>
#include <time.h>

#include <microhttpd.h>

#include "deadline.h"
#include "framing.h"
#include "request.h"
#include "static_files.h"
#include "../limits.h"

/* The running server: made and owned by server_run, which closes its
 * databases and frees its static files when it stops. */
struct server {
	struct app		*app;
	struct static_files	 statics;
	pthread_mutex_t		 lock;		/* guards dbs */
	struct db		*dbs[DB_WORKERS_MAX];
	size_t			 ndbs;
	int			 in_flight;	/* requests begun, not completed */
	int			 stopping;	/* set at the stop signal */
	struct deadline_watch	 deadline;
};

/* Per-request state: owned by the connection, freed when it completes. */
struct exchange {
	struct request		 rq;
	struct response		 rs;
	struct MHD_PostProcessor *pp;
	void			*conn_deadline;	/* the connection's entry */
	struct framing_uri	 uri;		/* from the URI log callback */
	int			 begun;		/* exchange_begin has run */
	int			 answer_now;	/* refuse before reading a body */
	size_t			 body_bytes;
	int			 early_status;	/* 4xx found while reading */
	int			 uploads;	/* the route takes a file */
	size_t			 body_max;	/* for this route */
	const char		*early_msgid;	/* static: a message id */
	char			*early_field;	/* owned: its {field} */
	struct timespec		 start;
	char			 method[8];
	char			*path;		/* owned copy for the log */
	char			 addr[INET6_ADDRSTRLEN];
	int			 status;
};

/* The worker thread's database, opened on its first request: NULL when
 * it cannot be opened (the request is answered 503). */
struct db	*http_server_db(struct server *);

/* Refuses the request before it reaches a handler, with msgid (its
 * {field}, if it has one, filled by field) worded when it is answered,
 * in the reader's language.  Only the first refusal counts. */
void	 http_reject(struct exchange *, int status, const char *msgid,
	    const char *field);

/* libmicrohttpd's callbacks for the query's and the body's fields,
 * which add them to the request within the configured limits. */
enum MHD_Result	 http_query_field(void *, enum MHD_ValueKind,
		    const char *, const char *);
enum MHD_Result	 http_post_field(void *, enum MHD_ValueKind,
		    const char *, const char *, const char *, const char *,
		    const char *, uint64_t, size_t);
/* Refuses (400) fields that are not valid UTF-8 or hold a NUL, and
 * file names that are not plain text: 0, or -1 when refused. */
int	 http_fields_check(struct exchange *, const struct form *,
	    const char *what);

/* A cookie of ours by its bare name (the __Host- prefix behind TLS). */
const char	*http_cookie_read(struct MHD_Connection *, const char *name,
		    int secure);
/* Queues the response x->rs, rendered; or a static file (304 when the
 * browser has it).  libmicrohttpd's result. */
enum MHD_Result	 http_send_response(struct MHD_Connection *,
		    struct exchange *);
enum MHD_Result	 http_send_static(struct MHD_Connection *,
		    struct exchange *, const struct static_file *);

/* The server's request callbacks (libmicrohttpd's, with the server as
 * their closure; on_uri's state becomes the request's). */
enum MHD_Result	 http_on_request(void *cls, struct MHD_Connection *,
		    const char *url, const char *method, const char *version,
		    const char *upload_data, size_t *upload_data_size,
		    void **state);
void		 http_on_completed(void *cls, struct MHD_Connection *,
		    void **state, enum MHD_RequestTerminationCode);
void		*http_on_uri(void *cls, const char *uri,
		    struct MHD_Connection *);

#endif
