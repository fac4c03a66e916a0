/*
 * One HTTP request as handlers see it, and the response they fill in.
 *
 * struct request is owned by the HTTP layer (server/http.c): it is made on
 * the first callback for a connection's request and freed in the
 * completion callback.  Handlers read it and never free any of it.
 *
 * struct response is owned by the HTTP layer too; handlers fill it only
 * through the response_* functions, which take ownership of the view and
 * copy the strings they are given.
 */
#ifndef RT_REQUEST_H
#define RT_REQUEST_H

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "../auth/roles.h"
#include "../auth/secret.h"
#include "../config.h"
#include "../util/buf.h"
#include "../limits.h"


struct db;
struct template_set;
struct route;

enum http_method {
	HTTP_GET,	/* HEAD is answered as GET without a body */
	HTTP_POST,
	HTTP__MAX
};

/* A parsed form or query string.  Owns every name and value. */
struct form_field {
	char	*name;
	char	*value;	/* NUL-terminated; len excludes the NUL */
	size_t	 len;
	char	*filename;	/* an uploaded file's name, or NULL; owned */
};

struct form {
	struct form_field	*fields;
	size_t			 n;
};

/* Shared by every worker, read-only once the server has started. */
struct group_commit;
struct exchange_keys;

struct app {
	const struct config		*config;
	const struct template_set	*templates;
	unsigned char			 csrf_key[DIGEST_BYTES];
	const char			*version;
	struct group_commit		*writes;	/* borrowed: the writers'
							   batches; NULL: each
							   request alone */
	const struct exchange_keys	*exchange;	/* borrowed: this place's
							   exchange keys; NULL:
							   none made */
};

struct request {
	const struct app	*app;
	struct db		*db;		/* this worker's connection */
	enum http_method	 method;
	const char		*path;		/* decoded, owned by MHD */
	const struct route	*route;
	int64_t			 ids[ROUTE_IDS_MAX];	/* {id}s in the path */
	size_t			 nids;
	struct form		 query;
	struct form		 body;
	int			 wants_json;
	int			 api;		/* Authorization: Bearer was sent */
	const char		*session_cookie;	/* NULL if none */
	const char		*anon_cookie;		/* pre-sign-in CSRF anchor */
	const char		*client_addr;		/* "127.0.0.1" */
	char			 csrf[CSRF_CHARS + 1];	/* for forms on the page */
	struct principal	 who;
	int			 session_lapsed; /* its session was ended now
					   for being idle too long */
	time_t			 now;
	const char		*lang_cookie;	/* rt_lang, NULL if none */
	const char		*accept_language; /* the Accept-Language
						   header, NULL if none */
	const struct language	*lang;		/* what the page is read in
						   (server/language.h) */
	const char		*read_cookie;	/* rt_read, NULL if none */
	int			 easy_read;	/* pages in easy read
						   (server/easy_read.h) */
};

struct language;

struct response_cookie {
	char	*name;		/* owned */
	char	*value;		/* owned; NULL deletes the cookie */
};

struct response {
	int			 status;
	const char		*template;	/* a literal: template name */
	json_t			*view;		/* owned */
	char			*location;	/* owned: for 303 */
	char			*content_type;	/* owned: raw bodies only */
	char			*disposition;	/* owned: Content-Disposition */
	struct buf		 body;		/* raw body (not templated) */
	int			 commit_anyway;	/* commit even though 4xx */
	/* After a successful COMMIT, checkpoint and truncate the WAL so
	 * that the old page images it holds are gone (best effort). */
	int			 checkpoint_after_commit;
	struct response_cookie	 cookies[RESPONSE_COOKIES_MAX];
	size_t			 ncookies;
	int			 retry_after;	/* seconds, for 429/503 */
};

/* The value of a field, or NULL when absent.  Borrowed from the form. */
const char	*form_get(const struct form *, const char *name);
/* The uploaded file called name, or NULL.  Borrowed from the form. */
const struct form_field *form_get_file(const struct form *, const char *name);
/* A field holding an id or a page number: the positive integer, or 0
 * when absent or anything else. */
int64_t		 form_get_id(const struct form *, const char *name);
/* The value of the k-th field called name (0 first), or NULL. */
const char	*form_get_nth(const struct form *, const char *name, size_t k);
int		 form_add(struct form *, const char *name, size_t nlen,
		    const char *value, size_t vlen);
void		 form_clear(struct form *);

/* Page: 200 (or status) rendering template with view. */
void	response_page(struct response *, int status, const char *template,
	    json_t *view);
void	response_redirect(struct response *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	response_error(struct response *, int status, const char *message);
/* 403 for a page the caller's roles do not reach: the error page adds
 * that a coordinator can be asked (as for a 404, which may hide one);
 * a refusal that says its own reason uses response_error. */
void	response_denied(struct response *);
void	response_cookie(struct response *, const char *name, const char *value);
/* A stored file as an attachment named by msgid ("receipt-{what}-
 * {date}", its {name}s from values, borrowed) in the language of words
 * (response_named), when found (>0); else 404 (0) or 500 (<0).  Takes
 * mime and ext (malloc'd, or NULL). */
struct catalogue;
void	response_download(struct response *, int found, char *mime,
	    char *ext, const struct catalogue *words, const char *msgid,
	    json_t *values);
/* Frees everything the response holds and zeroes it. */
void	response_clear(struct response *);
/* Frees everything the request holds (forms, principal), not the db. */
void	request_clear(struct request *);

#endif
