/*
 * End-to-end test harness: starts the real roundtable binary (the
 * sanitizer build) on a free loopback port with a fresh database in a
 * temporary folder, and talks HTTP to it through libcurl.
 *
 * One header for its parts: harness_server.c (folders, databases and
 * the server process), harness_client.c (HTTP through libcurl),
 * harness_raw.c (bytes on a socket), harness_db.c (the database behind
 * the server's back) and harness_documents.c (PDF and XLSX replies).
 *
 * struct server owns its temporary folder (removed by server_stop) and
 * the child process.  struct client owns its curl handle and cookie jar
 * (client_free).  struct reply owns its body (reply_free).
 */
#ifndef RT_HARNESS_H
#define RT_HARNESS_H

#include <curl/curl.h>
#include <stddef.h>
#include <sys/types.h>

#define ROUNDTABLE_BIN	"build/test/roundtable"

struct server {
	pid_t	 pid;
	int	 port;
	char	 dir[256];		/* temporary folder */
	char	 db[300];		/* database path, or postgresql:// URI */
	char	 cluster[256];		/* RT_TEST_DB=pg: the cluster's folder */
	char	 config[300];		/* config file path */
	char	 base[64];		/* "http://127.0.0.1:PORT" */
	char	 admin_password[64];	/* one-time admin password */
	char	 demo_password[64];	/* every demo account's password */
	char	 log[300];		/* set before server_launch: the
					   server's stderr goes there */
};

struct reply {
	long	 status;
	char	*body;			/* NUL-terminated */
	size_t	 len;
	char	 location[512];
	char	 content_type[128];
	char	 retry_after[16];	/* the Retry-After header, or "" */
	char	 disposition[256];	/* Content-Disposition, or "" */
};

struct client {
	CURL		*curl;
	const struct server *srv;
	char		 csrf[80];	/* from the last page with a form */
	char		*bearer;	/* owned; NULL for cookie sessions */
	int		 json;		/* send Accept: application/json */
	const char	*accept_language; /* send Accept-Language: this,
					   or NULL */
};

/* Makes the database (init + demo) and starts serving.  extra_config is
 * appended to the config file (INI text) or NULL.  0 or -1. */
int	server_start(struct server *, const char *extra_config);
/* Sets up the folder and database without serving (for CLI tests). */
int	server_prepare(struct server *, const char *extra_config);
int	server_launch(struct server *);
/* As server_prepare, without init or demo: its database is a new,
 * empty PostgreSQL one (a throw-away cluster, whatever RT_TEST_DB says)
 * for a test to fill, such as by roundtable copy.  0 or -1. */
int	server_empty_pg(struct server *);
/* The folder and config of a new, empty SQLite database, without init
 * or demo (a station before it joins its hub).  0 or -1. */
int	server_empty_file(struct server *);
/* As server_prepare, always on a SQLite file: a database to generate
 * with SQLite's own tools and copy from.  0 or -1. */
int	server_prepare_file(struct server *);
/* Whether this run of the suite is on PostgreSQL (RT_TEST_DB=pg). */
int	suite_on_pg(void);
/* Whether the server's database is PostgreSQL: for a test's own SQL
 * that must read each engine's catalogue. */
int	server_on_pg(const struct server *);
/* Starts a second server (twin) on first's database and keys, on a port
 * of its own: 0, or -1.  server_stop(twin) stops only its process. */
int	server_twin(struct server *twin, const struct server *first);
/* SIGTERM and wait; returns the exit status (0 = clean, leak-free). */
int	server_halt(struct server *);
/* Kills with SIGKILL, no grace. */
void	server_kill(struct server *);
/* Halts if running and removes the folder. */
int	server_stop(struct server *);
/* Runs the roundtable binary with args on the server's database;
 * returns its exit status; output (stdout+stderr) into out if not NULL. */
int	roundtable_cli(const struct server *, const char *args, const char *stdin_text,
	    char **out);

void	client_init(struct client *, const struct server *);
void	client_free(struct client *);
/* GET path; remembers the page's CSRF token.  Returns the status or -1. */
long	http_get(struct client *, const char *path, struct reply *);
/* POST an urlencoded body; "csrf=..." is added unless add_csrf is 0. */
long	http_post(struct client *, const char *path, const char *body,
	    int add_csrf, struct reply *);
/* POST multipart/form-data: one text field (title), the CSRF token, and
 * one file field "file" with the given name and bytes. */
long	http_post_file(struct client *, const char *path, const char *title,
	    const char *filename, const void *data, size_t len, struct reply *);
/* POST multipart/form-data: the CSRF token, the text fields (name, value
 * pairs ending with NULL; may be NULL) and, when filename is not NULL,
 * one file part called file_field. */
long	http_post_files(struct client *, const char *path,
	    const char *const *fields, const char *file_field,
	    const char *filename, const void *data, size_t len, struct reply *);
/* POST raw bytes with a content type, no CSRF added. */
long	http_post_raw(struct client *, const char *path, const char *type,
	    const char *body, size_t len, struct reply *);
void	reply_free(struct reply *);
/* Signs in (GET form, POST).  Returns the POST status (303 on success). */
long	client_sign_in(struct client *, const char *user, const char *password);
/* A fresh client signed in as user, holding a page's form token:
 * 0, or -1 when sign-in or the page failed. */
int	client_as(struct client *, const struct server *, const char *user,
	    const char *password);
/* Sets each of users' passwords (a NULL-terminated list) with the CLI:
 * 0 or -1. */
int	server_passwords(const struct server *, const char *const *users,
	    const char *password);
/* Copies the client's cookie called name, as libcurl lists it
 * ("#HttpOnly_" first for an HttpOnly one), into line: 0, or -1 when
 * it has none. */
int	client_cookie(struct client *, const char *name, char *line, size_t sz);
/* URL-encodes s into a malloc'd string. */
char	*url_encode(const char *s);

/* A TCP connection to the server (blocking, 30 s receive timeout), or
 * -1.  For requests libcurl will not send as they are. */
int	raw_connect(const struct server *);
/* Sends len raw bytes on a new connection and reads until the server
 * closes it; returns the status of the first response line, or -1.
 * head (may be NULL) gets up to sz-1 bytes of the reply. */
long	raw_request(const struct server *, const char *bytes, size_t len,
	    char *head, size_t sz);
/* 1 when the server has closed fd (a read returns end or reset), 0 when
 * it is still open after wait_ms. */
int	raw_closed(int fd, int wait_ms);

/* Opens the database read-only and returns one integer from sql, or -1. */
long long db_scalar(const struct server *, const char *sql);
/* The first column of sql's one row as text (malloc'd), or NULL. */
char	*db_text(const struct server *, const char *sql);
/* db_scalar of fmt with its one %lld filled with id. */
long long db_scalar_id(const struct server *, const char *fmt, long long id);
/* Runs sql read-write on the server's database, as if time had passed or
 * old data were stored: 0 or -1. */
int	db_write(const struct server *, const char *sql);
/* What pdftotext reads in a PDF reply, lines joined by spaces so a phrase
 * that wraps still matches; malloc'd (empty when unreadable). */
char	*pdf_text(const struct server *, const struct reply *);
/* The smallest font size (points) of any text in a PDF reply, as
 * pdftohtml reads it, or -1. */
long	pdf_smallest_font(const struct server *, const struct reply *);
/* How many pages pdfinfo counts in a PDF reply, or -1. */
long	pdf_pages(const struct server *, const struct reply *);
/* As pdf_text, of page n (from 1) alone, its footer too; 0: the last. */
char	*pdf_page_text(const struct server *, const struct reply *, long n);
/* The XML of an XLSX reply's workbook, shared strings and sheets,
 * malloc'd; NULL when it is not a valid zip archive. */
char	*xlsx_text(const struct server *, const struct reply *);
/* A digest of every row of every table (to show nothing changed). */
char	*db_fingerprint(const char *db_path);

#endif
