/*
 * A whole request, in process and without sockets: the input becomes what
 * src/server/http.c would hand to dispatch() (method, decoded path, query
 * and form fields, cookies, bearer token), dispatch() runs route, auth,
 * CSRF and handler against a real migrated SQLite database, and the
 * response is rendered the way http.c renders it.
 *
 * Input, as text (see tests/fuzz/corpus/fuzz_dispatch/):
 *
 *   POST /sites/1/edit?x=1      request line: GET, HEAD or POST, target
 *   as: admin                   session cookie of a prepared account
 *   cookie: RAW                 raw session cookie
 *   anon: valid | RAW           the pre-sign-in cookie
 *   bearer: admin | RAW         API token of a prepared account, or raw
 *   csrf: auto                  add the right CSRF field to the body
 *   accept: json                the client wants JSON
 *   time: SECONDS               the clock, relative to set-up time
 *                               (blank line)
 *   name=value&csrf=...         urlencoded body (POST only)
 *
 * Prepared accounts (password PASSWORD): admin (organisation admin), the
 * demo's coordinator, rep, member, governor, harbour, evaluator and viewer,
 * newbie (must change password), nogrant (no role); "gone" is a session
 * that has ended, "revoked" a revoked token.  The demo data (3 sites,
 * units, 5 groups, 24 people, memberships) comes from cli_demo().
 *
 * FUZZ_VERBOSE=1 prints each request's outcome, 2 the body as well.
 *
 * Like http.c, inputs with more than fields_max fields, or a path or a
 * field that is not UTF-8 or holds a NUL, never reach dispatch: they are
 * skipped.
 *
 * Checks, besides the sanitizers: a status between 200 and 599, never 500
 * (there is no disk, memory or lock trouble here); a redirect
 * is 303 to a local path; no transaction is left open; a page behind a
 * role is never 200 for nobody; a POST with no CSRF field and no valid
 * token never reaches a handler; every response renders (http.c would
 * send a bare 500); and no "<xss", "xss\"xss" or "xss'xss" from the input
 * comes out unescaped in HTML (a quote between two "xss" cannot come from a
 * template, whose attribute values may well start with input "xss").
 *
 * The database is built once in a temporary directory (/dev/shm when it
 * exists), kept as a pristine copy, and put back after any request that
 * changed a row (sign-in attempts excepted, so the throttle can build up)
 * and every RESET_EVERY requests, so it does not grow and each input sees
 * the same data.  Password hashing is swapped for a fast keyed digest
 * (crypto_pwhash_str* below, which take precedence over libsodium's), or
 * every sign-in would cost a real Argon2 run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "auth/account.h"
#include "auth/audit.h"
#include "auth/auth_pages.h"
#include "cli/cli.h"
#include "config.h"
#include "util/key_file.h"
#include "db/db.h"
#include "render/template.h"
#include "server/dispatch.h"
#include "server/render_response.h"
#include "server/layout.h"
#include "server/router.h"
#include "util/text.h"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

#define PASSWORD	"correct horse battery"
#define RESET_EVERY	1000
#define ANON_VALID	"fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz"

/* ---- fast stand-ins for Argon2 -------------------------------------- */

int
crypto_pwhash_str(char out[crypto_pwhash_STRBYTES], const char * const passwd,
    unsigned long long passwdlen, unsigned long long opslimit, size_t memlimit)
{
	unsigned char	 h[32];

	(void)opslimit;
	(void)memlimit;
	crypto_generichash(h, sizeof(h), (const unsigned char *)passwd,
	    passwdlen, (const unsigned char *)"fuzz", 4);
	memcpy(out, "$fake$", 6);
	sodium_bin2hex(out + 6, crypto_pwhash_STRBYTES - 6, h, sizeof(h));
	return 0;
}

int
crypto_pwhash_str_verify(const char str[crypto_pwhash_STRBYTES],
    const char * const passwd, unsigned long long passwdlen)
{
	char	 want[crypto_pwhash_STRBYTES];

	(void)crypto_pwhash_str(want, passwd, passwdlen, 0, 0);
	return strcmp(str, want) == 0 ? 0 : -1;
}

/*
 * fontconfig (under Pango, for the PDF pages) keeps its caches where
 * LeakSanitizer cannot see them; they are made once per process.
 */
const char *__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ---- the prepared world ---------------------------------------------- */

struct who {
	const char	*name;		/* in the input */
	const char	*username;	/* NULL: not an account */
	int		 make;		/* 1: made here, 2: made, must change */
	int		 has_token;
	int64_t		 id;
	char		 session[TOKEN_CHARS + 1];
	char		 token[TOKEN_CHARS + 1];
};

static struct who people[] = {
	{ "admin", "admin", 1, 1, 0, "", "" },
	{ "coordinator", "coordinator.fenwick", 0, 1, 0, "", "" },
	{ "rep", "rep.fenwick", 0, 0, 0, "", "" },
	{ "member", "member.forum", 0, 1, 0, "", "" },
	{ "governor", "governor.fenwick", 0, 0, 0, "", "" },
	{ "harbour", "coordinator.harbour", 0, 0, 0, "", "" },
	{ "evaluator", "evaluator", 0, 0, 0, "", "" },
	{ "viewer", "viewer", 0, 1, 0, "", "" },
	{ "newbie", "newbie", 2, 1, 0, "", "" },
	{ "nogrant", "nogrant", 1, 1, 0, "", "" },
	{ "gone", NULL, 0, 0, 0, "", "" },	/* ended session */
	{ "revoked", NULL, 0, 0, 0, "", "" },	/* revoked token */
};
#define NPEOPLE	(sizeof(people) / sizeof(people[0]))

static struct config		 config;
static struct template_set	 templates;
static struct app		 app;
static struct db		 db;
static int			 db_is_open;
static time_t			 base_now;
static char			 dir[256], work_path[300], pristine_path[300];
static unsigned char		*pristine;
static size_t			 pristine_len;
static unsigned long		 runs;
static int			 verbose;	/* FUZZ_VERBOSE=1 or 2 */

static void
die(const char *what)
{
	fprintf(stderr, "fuzz_dispatch set-up: %s\n", what);
	exit(1);
}

static void
remove_db_files(const char *path)
{
	char	 side[320];

	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

static void
cleanup(void)
{
	if (db_is_open)
		db_close(&db);
	db_is_open = 0;
	remove_db_files(work_path);
	remove_db_files(pristine_path);
	rmdir(dir);
}

static void
read_file(const char *path, unsigned char **out, size_t *len)
{
	struct stat	 st;
	int		 fd;
	ssize_t		 n;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1)
		die(path);
	if ((*out = malloc((size_t)st.st_size)) == NULL)
		die("out of memory");
	n = read(fd, *out, (size_t)st.st_size);
	if (n != st.st_size)
		die("short read");
	*len = (size_t)n;
	close(fd);
}

/* Puts the pristine database back and opens it. */
static void
db_reset(void)
{
	int	 fd;

	if (db_is_open)
		db_close(&db);
	db_is_open = 0;
	remove_db_files(work_path);
	if ((fd = open(work_path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    write(fd, pristine, pristine_len) != (ssize_t)pristine_len ||
	    close(fd) == -1)
		die(work_path);
	if (db_open(&db, work_path, config.busy_timeout_ms) == -1)
		die("db_open");
	db_is_open = 1;
}

static struct who *
who_named(const char *name)
{
	size_t	 i;

	for (i = 0; i < NPEOPLE; i++)
		if (strcmp(people[i].name, name) == 0)
			return &people[i];
	return NULL;
}

static void
prepare_database(void)
{
	static const char *sql_org =
	    "INSERT INTO organisation (id, name) VALUES (1, 'Fuzz <b>&</b> Co')";
	struct cli	 cli;
	struct who	*w, *admin = who_named("admin");
	size_t		 i;
	int64_t		 token_id;

	/* What `roundtable init` does, with a known admin password. */
	if (db_open(&db, work_path, config.busy_timeout_ms) == -1 ||
	    db_migrate(&db) == -1 || db_begin(&db, 1) != DB_OK ||
	    db_exec(&db, sql_org, "") != DB_OK ||
	    settings_secret(&db, "csrf_key", app.csrf_key) == -1 ||
	    db_commit(&db) != DB_OK)
		die("init");
	db_close(&db);

	/* The demo organisation, through the same code as `roundtable demo`. */
	memset(&cli, 0, sizeof(cli));
	cli.config = config;
	/* init also makes the audit signing key every command then needs. */
	{
		char	*key_path = cli_audit_key_path(&cli);

		if (key_path == NULL ||
		    key_file_create(key_path, AUDIT_KEY_BYTES) == -1)
			die("audit key");
		free(key_path);
	}
	if (cli_demo(&cli) != 0)
		die("demo");

	if (db_open(&db, work_path, config.busy_timeout_ms) == -1 ||
	    db_begin(&db, 1) != DB_OK)
		die("reopen");
	for (i = 0; i < NPEOPLE; i++) {
		w = &people[i];
		if (w->username == NULL)
			continue;
		if (w->make) {
			if (account_create(&db, w->username, w->name, PASSWORD,
			    w->make == 2, &w->id) != DB_OK)
				die(w->username);
		} else if (account_find(&db, w->username, &w->id) <= 0 ||
		    account_set_password(&db, w->id, PASSWORD, 0) != DB_OK)
			die(w->username);
		if (session_create(&db, w->id, base_now, w->session) != DB_OK ||
		    (w->has_token && apitoken_create(&db, w->id, w->name,
		    w->token, &token_id) != DB_OK))
			die("session");
	}
	if (account_grant(&db, admin->id, ROLE_ADMIN, SCOPE_ORG, 0) != DB_OK ||
	    account_grant(&db, who_named("newbie")->id, ROLE_MEMBER,
	    SCOPE_GROUP, 1) != DB_OK)
		die("grant");
	/* A session that has ended and a token that was revoked. */
	w = who_named("gone");
	if (session_create(&db, admin->id, base_now, w->session) != DB_OK ||
	    session_end(&db, w->session) != DB_OK)
		die("gone");
	w = who_named("revoked");
	if (apitoken_create(&db, admin->id, "revoked", w->token,
	    &token_id) != DB_OK ||
	    apitoken_revoke(&db, admin->id, token_id) != DB_OK)
		die("revoked");
	if (db_commit(&db) != DB_OK)
		die("commit");
	db_close(&db);
}

/* A crash skips atexit(): remove what dead runs left behind. */
static void
remove_stale(const char *tmp)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[300];
	long		 pid;

	if ((d = opendir(tmp)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (sscanf(e->d_name, "rt-fuzz-%ld-", &pid) != 1 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s/work.db", tmp, e->d_name);
		remove_db_files(path);
		snprintf(path, sizeof(path), "%s/%s/pristine.db", tmp, e->d_name);
		remove_db_files(path);
		snprintf(path, sizeof(path), "%s/%s", tmp, e->d_name);
		rmdir(path);
	}
	closedir(d);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*tmp;

	(void)argc;
	(void)argv;
	if (secret_init() == -1)
		die("libsodium");
	tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	remove_stale(tmp);
	snprintf(dir, sizeof(dir), "%s/rt-fuzz-%ld-XXXXXX", tmp,
	    (long)getpid());
	if (mkdtemp(dir) == NULL)
		die(dir);
	snprintf(work_path, sizeof(work_path), "%s/work.db", dir);
	snprintf(pristine_path, sizeof(pristine_path), "%s/pristine.db", dir);
	atexit(cleanup);

	config_defaults(&config);
	free(config.db_path);
	config.db_path = strdup(work_path);
	config.access_log = 0;
	base_now = time(NULL);
	if (getenv("FUZZ_VERBOSE") != NULL)
		verbose = atoi(getenv("FUZZ_VERBOSE"));

	prepare_database();
	if (rename(work_path, pristine_path) == -1)
		die("rename");
	remove_db_files(work_path);
	read_file(pristine_path, &pristine, &pristine_len);
	db_reset();

	if (template_set_load_embedded(&templates) == -1)
		die("templates");
	app.config = &config;
	app.templates = &templates;
	app.version = "fuzz";
	return 0;
}

/* ---- the request ------------------------------------------------------ */

/* As http.c: paths and queries keep an encoded NUL encoded; the POST
 * processor decodes it. */
static size_t
unescape(char *s, size_t len, int plus, int keep_nul)
{
	return percent_decode(s, len, plus, keep_nul);
}

/*
 * Adds the fields of "a=1&b=2" (s is modified) to f.  0, or -1 when the
 * HTTP layer would refuse the request (too many fields, not UTF-8, NUL).
 */
static int
parse_fields(struct form *f, char *s, size_t len, int keep_nul)
{
	char	*end = s + len, *amp, *eq;
	size_t	 nlen, vlen;

	while (s < end) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		*amp = '\0';
		if (amp == s) {
			s = amp + 1;
			continue;
		}
		if ((eq = memchr(s, '=', (size_t)(amp - s))) != NULL)
			*eq = '\0';
		nlen = unescape(s, (size_t)((eq ? eq : amp) - s), 1, keep_nul);
		vlen = eq ? unescape(eq + 1, (size_t)(amp - eq - 1), 1,
		    keep_nul) : 0;
		if (f->n >= config.fields_max || strlen(s) != nlen ||
		    !utf8_valid(s, nlen))
			return -1;
		if (eq != NULL && (strlen(eq + 1) != vlen ||
		    !utf8_valid(eq + 1, vlen)))
			return -1;
		if (form_add(f, s, nlen, eq ? eq + 1 : "", vlen) == -1)
			return -1;
		s = amp + 1;
	}
	return 0;
}

struct input {
	int		 method;	/* enum http_method */
	char		*path;
	int		 wants_json;
	int		 auto_csrf;
	int		 bearer_valid;	/* a live token of an account */
	time_t		 now;
	const char	*session_cookie;
	const char	*anon_cookie;
	const char	*bearer;
};

static char *
next_line(char **p, char *end)
{
	char	*line = *p, *nl;

	if (*p >= end)
		return NULL;
	if ((nl = memchr(*p, '\n', (size_t)(end - *p))) == NULL)
		nl = end;
	*nl = '\0';
	if (nl > line && nl[-1] == '\r')
		nl[-1] = '\0';
	*p = nl + 1;
	return line;
}

static void
header(struct input *in, char *line)
{
	char		*v = strchr(line, ':');
	struct who	*w;

	if (v == NULL)
		return;
	*v++ = '\0';
	while (*v == ' ')
		v++;
	w = who_named(v);
	if (strcmp(line, "as") == 0)
		in->session_cookie = w ? w->session : v;
	else if (strcmp(line, "cookie") == 0)
		in->session_cookie = v;
	else if (strcmp(line, "anon") == 0)
		in->anon_cookie = strcmp(v, "valid") == 0 ? ANON_VALID : v;
	else if (strcmp(line, "bearer") == 0) {
		in->bearer = w ? w->token : v;
		in->bearer_valid = w != NULL && w->has_token;
	} else if (strcmp(line, "csrf") == 0)
		in->auto_csrf = strcmp(v, "auto") == 0;
	else if (strcmp(line, "accept") == 0)
		in->wants_json = strcmp(v, "json") == 0;
	else if (strcmp(line, "time") == 0)
		in->now = base_now + strtol(v, NULL, 10) % (86400L * 365 * 10);
}

static void
fail(const char *why, const struct request *rq, const struct response *rs)
{
	fprintf(stderr, "fuzz_dispatch: %s\n  %s %s -> %d%s%s\n", why,
	    rq->method == HTTP_POST ? "POST" : "GET", rq->path, rs->status,
	    rs->location ? " to " : "", rs->location ? rs->location : "");
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input		 in;
	struct request		 rq;
	struct response		 rs;
	struct buf		 out;
	char			*text, *p, *end, *line, *target, *q, *sp;
	char			 csrf[CSRF_CHARS + 1];
	const char		*type = "text/plain";
	const char		*marks[] = { "<xss", "xss\"xss", "xss'xss" };
	int			 changes, rc, has_csrf;
	size_t			 i;

	memset(&in, 0, sizeof(in));
	memset(&rq, 0, sizeof(rq));
	memset(&rs, 0, sizeof(rs));
	buf_init(&rs.body, config.page_max);
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	p = text;
	end = text + size;

	/* Request line. */
	if ((line = next_line(&p, end)) == NULL)
		goto out;
	if ((sp = strchr(line, ' ')) != NULL) {
		*sp = '\0';
		target = sp + 1;
		if (strcmp(line, "GET") == 0 || strcmp(line, "HEAD") == 0)
			in.method = HTTP_GET;
		else if (strcmp(line, "POST") == 0)
			in.method = HTTP_POST;
		else
			goto out;	/* http.c: 405 before dispatch */
	} else {
		target = line;
		in.method = HTTP_GET;
	}
	if ((q = strchr(target, '?')) != NULL)
		*q++ = '\0';
	in.path = target;
	unescape(in.path, strlen(in.path), 0, 1);
	if (!utf8_valid(in.path, strlen(in.path)))
		goto out;	/* http.c: 400 before dispatch */
	if (q != NULL && parse_fields(&rq.query, q, strlen(q), 1) == -1)
		goto out;

	/* Headers, up to a blank line. */
	in.now = base_now;
	while ((line = next_line(&p, end)) != NULL && *line != '\0')
		header(&in, line);

	/* Body: the POST processor decodes %00, which http.c then refuses. */
	if (in.method == HTTP_POST && p < end &&
	    parse_fields(&rq.body, p, (size_t)(end - p), 0) == -1)
		goto out;
	has_csrf = form_get(&rq.body, CSRF_FIELD) != NULL;
	if (in.method == HTTP_POST && in.auto_csrf && !has_csrf &&
	    (in.session_cookie || in.anon_cookie)) {
		csrf_token(app.csrf_key, in.session_cookie ? in.session_cookie :
		    in.anon_cookie, csrf);
		if (form_add(&rq.body, CSRF_FIELD, strlen(CSRF_FIELD), csrf,
		    strlen(csrf)) == -1)
			goto out;
		has_csrf = 1;
	}

	rq.app = &app;
	rq.db = &db;
	rq.method = in.method;
	rq.path = in.path;
	rq.wants_json = in.wants_json;
	rq.session_cookie = in.session_cookie;
	rq.anon_cookie = in.anon_cookie;
	rq.client_addr = "127.0.0.1";
	rq.now = in.now;

	changes = sqlite3_total_changes(db.h);
	dispatch(&rq, &rs, in.bearer);

	if (rs.status < 200 || rs.status > 599)
		fail("status out of range", &rq, &rs);
	if (rs.location != NULL && (rs.status != 303 ||
	    rs.location[0] != '/' || rs.location[1] == '/' ||
	    rs.location[1] == '\\' || strpbrk(rs.location, "\r\n") != NULL))
		fail("redirect that is not a 303 to a local path", &rq, &rs);
	/* No disk, memory or lock trouble here: a 500 is a bug the input hit. */
	if (rs.status == 500)
		fail("500: an error path that input alone should not reach",
		    &rq, &rs);
	if (!sqlite3_get_autocommit(db.h))
		fail("a transaction was left open", &rq, &rs);
	if (rs.status == 200 && rq.route != NULL && rq.route->roles != 0 &&
	    rq.who.account_id == 0)
		fail("a page behind a role answered 200 to nobody", &rq, &rs);
	if (rq.method == HTTP_POST && rq.route != NULL && !has_csrf &&
	    !in.bearer_valid && !(rs.status == 401 || rs.status == 403 ||
	    rs.status == 404 || rs.status == 503 ||
	    (rs.status == 303 && rs.location != NULL &&
	    (strcmp(rs.location, "/sign-in") == 0 ||
	    strcmp(rs.location, "/account/password") == 0))))
		fail("a POST without a CSRF token or a valid API token reached "
		    "its handler", &rq, &rs);

	buf_init(&out, config.page_max);
	rc = response_render(&rq, &rs, &out, &type);
	if (rc != 0)
		fail("the response did not render (the server sends a bare 500)",
		    &rq, &rs);
	if (verbose)
		fprintf(stderr, "%s %s -> %d%s%s, %zu bytes of %s%s%s\n",
		    rq.method == HTTP_POST ? "POST" : "GET", rq.path, rs.status,
		    rs.location ? " to " : "", rs.location ? rs.location : "",
		    out.len, type, verbose > 1 ? "\n" : "",
		    verbose > 1 ? out.data : "");
	if (strcmp(type, "text/html") == 0)
		for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
			if (memmem(out.data, out.len, marks[i],
			    strlen(marks[i])) != NULL) {
				fprintf(stderr, "%s\n", out.data);
				fail("input came out unescaped in HTML", &rq,
				    &rs);
			}
	buf_release(&out);

	/* Put the database back when the request changed it. */
	runs++;
	if ((sqlite3_total_changes(db.h) != changes &&
	    !(rq.route != NULL && rq.route->handler == sign_in)) ||
	    runs % RESET_EVERY == 0)
		db_reset();

out:
	/* As http.c's on_completed. */
	request_clear(&rq);
	response_clear(&rs);
	free(text);
	return 0;
}
