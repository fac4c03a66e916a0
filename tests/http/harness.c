#include <fcntl.h>
#include <errno.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "harness.h"
#include "db/backup_run.h"
#include "db/db.h"
#include "util/buf.h"

#define START_WAIT_MS	15000

static int
free_port(void)
{
	struct sockaddr_in	 a;
	socklen_t		 len = sizeof(a);
	int			 fd, port;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) == -1) {
		close(fd);
		return -1;
	}
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

int
roundtable_cli(const struct server *s, const char *args, const char *input,
    char **out)
{
	char	*cmd, buf[4096];
	FILE	*p;
	size_t	 n, len = 0;
	int	 status;
	char	 infile[320];

	infile[0] = '\0';
	if (input != NULL) {
		snprintf(infile, sizeof(infile), "%s/stdin.txt", s->dir);
		if ((p = fopen(infile, "w")) == NULL)
			return -1;
		fputs(input, p);
		fclose(p);
	}
	if (asprintf(&cmd, "%s %s --db '%s' --config %s <%s 2>&1",
	    ROUNDTABLE_BIN, args, s->db, s->config,
	    input ? infile : "/dev/null") == -1)
		return -1;
	p = popen(cmd, "r");
	free(cmd);
	if (p == NULL)
		return -1;
	if (out != NULL)
		*out = NULL;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
		if (out != NULL) {
			*out = realloc(*out, len + n + 1);
			memcpy(*out + len, buf, n);
			len += n;
			(*out)[len] = '\0';
		}
	}
	status = pclose(p);
	if (out != NULL && *out == NULL)
		*out = strdup("");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Copies the word after marker in text into out. */
static void
word_after(const char *text, const char *marker, char *out, size_t sz)
{
	const char	*p = strstr(text, marker);
	size_t		 n = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(marker);
	while (p[n] != '\0' && p[n] != ' ' && p[n] != '\n' && p[n] != ')' &&
	    p[n] != ':' && n + 1 < sz)
		n++;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* Where a server's database lives: as RT_TEST_DB says, or always one
 * engine whatever it says. */
enum engine { ENGINE_AS_ASKED, ENGINE_PG, ENGINE_SQLITE };

int
suite_on_pg(void)
{
	const char	*engine = getenv("RT_TEST_DB");

	return engine != NULL && strcmp(engine, "pg") == 0;
}

/*
 * With RT_TEST_DB=pg the server's database is a throw-away PostgreSQL
 * cluster of its own (tests/pg_cluster.sh), not a file: the same tests,
 * the other engine.  0, or -1.
 */
static int
pg_cluster_start(struct server *s, enum engine engine)
{
	FILE		*p;
	int		 ok;

	if (engine == ENGINE_SQLITE ||
	    (engine == ENGINE_AS_ASKED && !suite_on_pg()))
		return 0;
	if ((p = popen("sh tests/pg_cluster.sh start", "r")) == NULL)
		return -1;
	ok = fgets(s->cluster, sizeof(s->cluster), p) != NULL &&
	    fgets(s->db, sizeof(s->db), p) != NULL;
	if (pclose(p) != 0 || !ok)
		return -1;
	s->cluster[strcspn(s->cluster, "\n")] = '\0';
	s->db[strcspn(s->db, "\n")] = '\0';
	return 0;
}

static void
pg_cluster_stop(struct server *s)
{
	char	*cmd;

	if (s->cluster[0] == '\0' || asprintf(&cmd,
	    "sh tests/pg_cluster.sh stop '%s'", s->cluster) == -1)
		return;
	if (system(cmd) != 0)
		fprintf(stderr, "could not stop the cluster %s\n", s->cluster);
	free(cmd);
	s->cluster[0] = '\0';
}

/* The folder, the cluster when there is one, the config and the port. */
static int
server_empty_on(struct server *s, const char *extra, enum engine engine)
{
	FILE	*f;

	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/rt-test-XXXXXX");
	if (mkdtemp(s->dir) == NULL)
		return -1;
	snprintf(s->db, sizeof(s->db), "%s/roundtable.db", s->dir);
	if (pg_cluster_start(s, engine) == -1)
		return -1;
	snprintf(s->config, sizeof(s->config), "%s/roundtable.ini", s->dir);
	if ((s->port = free_port()) < 0)
		return -1;
	snprintf(s->base, sizeof(s->base), "http://127.0.0.1:%d", s->port);
	if ((f = fopen(s->config, "w")) == NULL)
		return -1;
	/* The key file named in the config, as a deployment would; first,
	 * so that extra settings without a section header stay in
	 * [server]. */
	fprintf(f, "[keys]\naudit_key = %s/audit.key\n[server]\n"
	    "listen_port = %d\naccess_log = 0\nstatic_dir = static\n%s\n",
	    s->dir, s->port, extra ? extra : "");
	fclose(f);
	return 0;
}

int
server_empty_file(struct server *s)
{
	return server_empty_on(s, NULL, ENGINE_SQLITE);
}

int
server_empty_pg(struct server *s)
{
	return server_empty_on(s, NULL, ENGINE_PG);
}

int
server_on_pg(const struct server *s)
{
	return s->cluster[0] != '\0';
}

static int
server_prepare_on(struct server *s, const char *extra, enum engine engine)
{
	char	*out = NULL;

	if (server_empty_on(s, extra, engine) == -1)
		return -1;
	if (roundtable_cli(s, "init", NULL, &out) != 0) {
		fprintf(stderr, "init failed: %s\n", out);
		free(out);
		return -1;
	}
	word_after(out, "one-time password ", s->admin_password,
	    sizeof(s->admin_password));
	free(out);
	if (roundtable_cli(s, "demo", NULL, &out) != 0) {
		fprintf(stderr, "demo failed: %s\n", out);
		free(out);
		return -1;
	}
	word_after(out, "(password ", s->demo_password,
	    sizeof(s->demo_password));
	free(out);
	return 0;
}

int
server_prepare(struct server *s, const char *extra)
{
	return server_prepare_on(s, extra, ENGINE_AS_ASKED);
}

int
server_prepare_file(struct server *s)
{
	return server_prepare_on(s, NULL, ENGINE_SQLITE);
}

int
server_launch(struct server *s)
{
	struct client	 c;
	struct reply	 r;
	struct timespec	 ts = { 0, 20 * 1000 * 1000 };
	int		 waited;

	if ((s->pid = fork()) == -1)
		return -1;
	if (s->pid == 0) {
		int	 fd;

		if (s->log[0] != '\0' && ((fd = open(s->log, O_WRONLY |
		    O_CREAT | O_APPEND, 0600)) == -1 || dup2(fd, 2) == -1))
			_exit(126);
		execl(ROUNDTABLE_BIN, ROUNDTABLE_BIN, "serve", "--db", s->db,
		    "--config", s->config, (char *)NULL);
		_exit(127);
	}
	client_init(&c, s);
	for (waited = 0; waited < START_WAIT_MS; waited += 20) {
		if (http_get(&c, "/healthz", &r) == 200) {
			reply_free(&r);
			client_free(&c);
			return 0;
		}
		reply_free(&r);
		nanosleep(&ts, NULL);
	}
	client_free(&c);
	return -1;
}

int
server_twin(struct server *twin, const struct server *first)
{
	FILE	*f, *in;
	char	 line[1024];

	*twin = *first;
	twin->pid = 0;
	if ((twin->port = free_port()) < 0)
		return -1;
	snprintf(twin->base, sizeof(twin->base), "http://127.0.0.1:%d",
	    twin->port);
	snprintf(twin->config, sizeof(twin->config), "%s/twin-%d.ini",
	    first->dir, twin->port);
	/* first's settings, every one, but for the port. */
	if ((in = fopen(first->config, "r")) == NULL)
		return -1;
	if ((f = fopen(twin->config, "w")) == NULL) {
		fclose(in);
		return -1;
	}
	while (fgets(line, sizeof(line), in) != NULL)
		if (strncmp(line, "listen_port", 11) == 0)
			fprintf(f, "listen_port = %d\n", twin->port);
		else
			fputs(line, f);
	fclose(in);
	fclose(f);
	/* The folder and the cluster are first's to remove. */
	twin->dir[0] = '\0';
	twin->cluster[0] = '\0';
	return server_launch(twin);
}

int
server_start(struct server *s, const char *extra)
{
	if (server_prepare(s, extra) == -1)
		return -1;
	return server_launch(s);
}

int
server_halt(struct server *s)
{
	int	 status;

	if (s->pid <= 0)
		return 0;
	kill(s->pid, SIGTERM);
	if (waitpid(s->pid, &status, 0) == -1)
		return -1;
	s->pid = 0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void
server_kill(struct server *s)
{
	if (s->pid <= 0)
		return;
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	s->pid = 0;
}

int
server_stop(struct server *s)
{
	char	*cmd;
	int	 rc;

	rc = server_halt(s);
	pg_cluster_stop(s);
	if (s->dir[0] != '\0' && asprintf(&cmd, "rm -rf %s", s->dir) != -1) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", s->dir);
		free(cmd);
	}
	return rc;
}

void
client_init(struct client *c, const struct server *s)
{
	memset(c, 0, sizeof(*c));
	c->srv = s;
	c->curl = curl_easy_init();
	curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 30L);
}

void
client_free(struct client *c)
{
	curl_easy_cleanup(c->curl);
	free(c->bearer);
	memset(c, 0, sizeof(*c));
}

void
reply_free(struct reply *r)
{
	free(r->body);
	memset(r, 0, sizeof(*r));
}

static size_t
body_write(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;
	char		*nb;

	if ((nb = realloc(r->body, r->len + size * n + 1)) == NULL)
		return 0;
	r->body = nb;
	memcpy(r->body + r->len, p, size * n);
	r->len += size * n;
	r->body[r->len] = '\0';
	return size * n;
}

/* Copies the value of header line p (len bytes) into out when it is
 * the header name ("Location"), without the line end. */
static void
header_value(const char *p, size_t len, const char *name, char *out,
    size_t sz)
{
	size_t	 n = strlen(name), k;

	if (len <= n + 2 || strncasecmp(p, name, n) != 0 || p[n] != ':' ||
	    p[n + 1] != ' ')
		return;
	k = len - n - 2;
	while (k > 0 && (p[n + 2 + k - 1] == '\r' || p[n + 2 + k - 1] == '\n'))
		k--;
	snprintf(out, sz, "%.*s", (int)k, p + n + 2);
}

static size_t
header_write(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;
	size_t		 len = size * n;

	header_value(p, len, "Location", r->location, sizeof(r->location));
	header_value(p, len, "Content-Type", r->content_type,
	    sizeof(r->content_type));
	header_value(p, len, "Retry-After", r->retry_after,
	    sizeof(r->retry_after));
	return len;
}

/* extra: more request headers (borrowed), or NULL. */
static long
perform(struct client *c, const char *path, struct curl_slist *extra,
    struct reply *r)
{
	struct curl_slist	*h = NULL, *e;
	char			 url[1024], auth[256];
	const char		*tok;
	CURLcode		 rc;

	memset(r, 0, sizeof(*r));
	snprintf(url, sizeof(url), "%s%s", c->srv->base, path);
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, body_write);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, header_write);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION, 0L);
	if (c->json)
		h = curl_slist_append(h, "Accept: application/json");
	if (c->bearer != NULL) {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", c->bearer);
		h = curl_slist_append(h, auth);
	}
	for (e = extra; e != NULL; e = e->next)
		h = curl_slist_append(h, e->data);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
	rc = curl_easy_perform(c->curl);
	curl_slist_free_all(h);
	if (rc != CURLE_OK)
		return r->status = -1;
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->body == NULL)
		r->body = strdup("");
	/* Remember the form token, as a browser keeps the page. */
	if ((tok = strstr(r->body, "name=\"csrf\" value=\"")) != NULL) {
		tok += strlen("name=\"csrf\" value=\"");
		snprintf(c->csrf, sizeof(c->csrf), "%.*s",
		    (int)strcspn(tok, "\""), tok);
	}
	return r->status;
}

long
http_get(struct client *c, const char *path, struct reply *r)
{
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	return perform(c, path, NULL, r);
}

long
http_post(struct client *c, const char *path, const char *body,
    int add_csrf, struct reply *r)
{
	char	*full;
	long	 status;

	if (asprintf(&full, "%s%s%s%s", body, *body && add_csrf ? "&" : "",
	    add_csrf ? "csrf=" : "", add_csrf ? c->csrf : "") == -1)
		return -1;
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, full);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(full));
	status = perform(c, path, NULL, r);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, NULL);
	free(full);
	return status;
}

long
http_post_raw(struct client *c, const char *path, const char *type,
    const char *body, size_t len, struct reply *r)
{
	struct curl_slist	*h = NULL;
	char			 ct[256];
	long			 status;

	snprintf(ct, sizeof(ct), "Content-Type: %s", type);
	h = curl_slist_append(h, ct);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	status = perform(c, path, h, r);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, NULL);
	curl_slist_free_all(h);
	return status;
}

long
http_post_files(struct client *c, const char *path,
    const char *const *fields, const char *file_field, const char *filename,
    const void *data, size_t len, struct reply *r)
{
	curl_mime	*mime = curl_mime_init(c->curl);
	curl_mimepart	*part;
	long		 status;

	part = curl_mime_addpart(mime);
	curl_mime_name(part, "csrf");
	curl_mime_data(part, c->csrf, CURL_ZERO_TERMINATED);
	for (; fields != NULL && fields[0] != NULL; fields += 2) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, fields[0]);
		curl_mime_data(part, fields[1], CURL_ZERO_TERMINATED);
	}
	if (filename != NULL) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, file_field);
		curl_mime_filename(part, filename);
		curl_mime_type(part, "application/octet-stream");
		curl_mime_data(part, data, len);
	}
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, mime);
	status = perform(c, path, NULL, r);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(mime);
	return status;
}

long
http_post_file(struct client *c, const char *path, const char *title,
    const char *filename, const void *data, size_t len, struct reply *r)
{
	const char *const fields[] = { "title", title, NULL };

	return http_post_files(c, path, fields, "file", filename, data, len, r);
}

char *
url_encode(const char *s)
{
	CURL	*c = curl_easy_init();
	char	*e = curl_easy_escape(c, s, 0), *out = strdup(e);

	curl_free(e);
	curl_easy_cleanup(c);
	return out;
}

long
client_sign_in(struct client *c, const char *user, const char *password)
{
	struct reply	 r;
	char		*u = url_encode(user), *p = url_encode(password), *body;
	long		 status;

	http_get(c, "/sign-in", &r);
	reply_free(&r);
	if (asprintf(&body, "username=%s&password=%s", u, p) == -1)
		body = NULL;
	status = body ? http_post(c, "/sign-in", body, 1, &r) : -1;
	reply_free(&r);
	free(body);
	free(u);
	free(p);
	return status;
}

/* Through the program's own database layer, so the same call reads a
 * SQLite file or a PostgreSQL database. */
long long
db_scalar(const struct server *s, const char *sql)
{
	struct db	 db;
	int64_t		 v = -1;

	if (db_open(&db, s->db, 5000) == -1)
		return -1;
	if (db_int(&db, &v, sql, "") != 1)
		v = -1;
	db_close(&db);
	return v;
}

char *
db_text(const struct server *s, const char *sql)
{
	struct db	 db;
	json_t		*row;
	const char	*k;
	json_t		*v;
	char		*out = NULL;

	if (db_open(&db, s->db, 5000) == -1)
		return NULL;
	if (db_row(&db, &row, sql, "") == 1) {
		json_object_foreach(row, k, v)
			if (out == NULL)
				out = strdup(json_is_string(v) ?
				    json_string_value(v) : "");
		json_decref(row);
	}
	db_close(&db);
	return out;
}

long long
db_scalar_id(const struct server *s, const char *fmt, long long id)
{
	char	*sql;
	long long v;

	if (asprintf(&sql, fmt, id) == -1)
		return -1;
	v = db_scalar(s, sql);
	free(sql);
	return v;
}

int
db_write(const struct server *s, const char *sql)
{
	struct db	 db;
	int		 rc;

	if (db_open(&db, s->db, 5000) == -1)
		return -1;
	rc = db_exec_script(&db, sql);
	db_close(&db);
	return rc;
}

/* Saves a reply's body as name in the server's folder, its path into
 * path: 0 or -1. */
static int
reply_save(const struct server *s, const struct reply *r, const char *name,
    char *path, size_t sz)
{
	FILE	*f;
	int	 ok;

	snprintf(path, sz, "%s/%s", s->dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	ok = fwrite(r->body, 1, r->len, f) == r->len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

/* What cmd prints, malloc'd; with flat, lines joined by spaces. */
static char *
command_output(const char *cmd, int flat)
{
	char	 buf[4096];
	char	*text = calloc(1, 1), *grown;
	FILE	*p;
	size_t	 n, i, len = 0;

	if (text == NULL || (p = popen(cmd, "r")) == NULL)
		return text;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
		if ((grown = realloc(text, len + n + 1)) == NULL)
			break;
		text = grown;
		for (i = 0; i < n; i++)
			text[len++] = flat && buf[i] == '\n' ? ' ' : buf[i];
		text[len] = '\0';
	}
	pclose(p);
	return text;
}

char *
pdf_text(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400];

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return calloc(1, 1);
	snprintf(cmd, sizeof(cmd), "pdftotext '%s' -", path);
	return command_output(cmd, 1);
}

char *
xlsx_text(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400];

	if (reply_save(s, r, "reply.xlsx", path, sizeof(path)) == -1)
		return NULL;
	snprintf(cmd, sizeof(cmd), "unzip -tq '%s' >/dev/null", path);
	if (system(cmd) != 0)
		return NULL;
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/workbook.xml "
	    "xl/sharedStrings.xml 'xl/worksheets/*.xml'", path);
	return command_output(cmd, 0);
}

long
pdf_smallest_font(const struct server *s, const struct reply *r)
{
	char		 path[320], cmd[400], *out;
	const char	*p;
	long		 n, least = -1;

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return -1;
	snprintf(cmd, sizeof(cmd), "pdftohtml -xml -stdout -i -zoom 1 '%s' "
	    "2>/dev/null", path);
	if ((out = command_output(cmd, 0)) == NULL)
		return -1;
	for (p = out; (p = strstr(p, "<fontspec ")) != NULL; p++) {
		if ((p = strstr(p, " size=\"")) == NULL)
			break;
		n = strtol(p + 7, NULL, 10);
		if (least == -1 || n < least)
			least = n;
	}
	free(out);
	return least;
}

long
pdf_pages(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400], *out, *p;
	long	 n = -1;

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return -1;
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' 2>/dev/null", path);
	out = command_output(cmd, 0);
	if (out != NULL && (p = strncmp(out, "Pages:", 6) == 0 ? out :
	    strstr(out, "\nPages:")) != NULL)
		n = strtol(p + (*p == '\n' ? 7 : 6), NULL, 10);
	free(out);
	return n;
}

char *
pdf_page_text(const struct server *s, const struct reply *r, long n)
{
	char	 path[320], cmd[400];

	if (n == 0)
		n = pdf_pages(s, r);
	if (n < 1 || reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return calloc(1, 1);
	snprintf(cmd, sizeof(cmd), "pdftotext -f %ld -l %ld '%s' -", n, n,
	    path);
	return command_output(cmd, 1);
}

/* PostgreSQL: the product's own fingerprint of every table, less the
 * two that signing in changes, hashed to one line. */
static char *
pg_fingerprint(const char *url)
{
	unsigned char	 h[16];
	struct db	 db;
	struct buf	 out;
	char		*line, *next, *hex = NULL;
	crypto_generichash_state hs;

	if (db_open(&db, url, 5000) == -1)
		return NULL;
	buf_init(&out, 1 << 22);
	if (db_tables_fingerprint(&db, &out) == 0 && buf_putc(&out, '\0') ==
	    0 && (hex = malloc(sizeof(h) * 2 + 1)) != NULL) {
		crypto_generichash_init(&hs, NULL, 0, sizeof(h));
		for (line = out.data; line != NULL && *line; line = next) {
			next = strchr(line, '\n');
			if (next != NULL)
				next++;
			if (strncmp(line, "sessions ", 9) == 0 ||
			    strncmp(line, "login_failures ", 15) == 0)
				continue;
			crypto_generichash_update(&hs, (unsigned char *)line,
			    next ? (size_t)(next - line) : strlen(line));
		}
		crypto_generichash_final(&hs, h, sizeof(h));
		sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
	}
	buf_release(&out);
	db_close(&db);
	return hex;
}

char *
db_fingerprint(const char *path)
{
	crypto_generichash_state hs;
	unsigned char	 h[16];
	sqlite3		*db;
	sqlite3_stmt	*tables, *rows;
	char		*sql, *hex;
	int		 i, n;

	if (db_target_is_pg(path))
		return pg_fingerprint(path);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_busy_timeout(db, 5000);
	crypto_generichash_init(&hs, NULL, 0, sizeof(h));
	sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN "
	    "('sessions', 'login_failures') ORDER BY name", -1, &tables, NULL);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		if (asprintf(&sql, "SELECT * FROM \"%s\" ORDER BY 1",
		    sqlite3_column_text(tables, 0)) == -1)
			break;
		sqlite3_prepare_v2(db, sql, -1, &rows, NULL);
		free(sql);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			n = sqlite3_column_count(rows);
			for (i = 0; i < n; i++) {
				const void *b = sqlite3_column_blob(rows, i);

				crypto_generichash_update(&hs, b ? b : (const void *)"",
				    (size_t)sqlite3_column_bytes(rows, i));
				crypto_generichash_update(&hs,
				    (const unsigned char *)"\x1f", 1);
			}
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	crypto_generichash_final(&hs, h, sizeof(h));
	hex = malloc(sizeof(h) * 2 + 1);
	sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
	return hex;
}

int
client_as(struct client *c, const struct server *s, const char *user,
    const char *password)
{
	struct reply	 r;
	long		 status;

	client_init(c, s);
	if (client_sign_in(c, user, password) != 303)
		return -1;
	status = http_get(c, "/account", &r);
	reply_free(&r);
	return status == 200 ? 0 : -1;
}

int
server_passwords(const struct server *s, const char *const *users,
    const char *password)
{
	char	 args[160], *input;
	int	 rc = 0;

	if (asprintf(&input, "%s\n", password) == -1)
		return -1;
	for (; *users != NULL && rc == 0; users++) {
		snprintf(args, sizeof(args), "user passwd %s --password-stdin",
		    *users);
		if (roundtable_cli(s, args, input, NULL) != 0)
			rc = -1;
	}
	free(input);
	return rc;
}

int
raw_connect(const struct server *s)
{
	struct sockaddr_in	 a;
	struct timeval		 tv = { 30, 0 };
	int			 fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons((uint16_t)s->port);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

long
raw_request(const struct server *s, const char *bytes, size_t len,
    char *head, size_t sz)
{
	char	 buf[8192];
	size_t	 got = 0;
	ssize_t	 n;
	long	 status = -1;
	int	 fd;

	if ((fd = raw_connect(s)) == -1)
		return -1;
	if (send(fd, bytes, len, MSG_NOSIGNAL) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	while ((n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0)) > 0) {
		got += (size_t)n;
		if (got == sizeof(buf) - 1)
			break;
	}
	close(fd);
	buf[got] = '\0';
	if (head != NULL && sz > 0)
		snprintf(head, sz, "%s", buf);
	if (strncmp(buf, "HTTP/1.", 7) == 0 && got > 12)
		status = strtol(buf + 9, NULL, 10);
	return status;
}

int
raw_closed(int fd, int wait_ms)
{
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	char		 buf[4096];
	ssize_t		 n;

	while (poll(&p, 1, wait_ms) == 1) {
		n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
			return 1;
		if (n < 0)
			return 0;
		/* A reply (a 408, say) before the close: read on. */
	}
	return 0;
}

int
client_cookie(struct client *c, const char *name, char *line, size_t sz)
{
	struct curl_slist	*cookies = NULL, *k;
	const char		*tab;
	size_t			 n = strlen(name);
	int			 rc = -1;

	curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &cookies);
	for (k = cookies; k != NULL && rc == -1; k = k->next) {
		/* Netscape format: the name is the sixth tab-separated field. */
		tab = k->data;
		for (int i = 0; i < 5 && tab != NULL; i++)
			if ((tab = strchr(tab, '\t')) != NULL)
				tab++;
		if (tab != NULL && strncmp(tab, name, n) == 0 && tab[n] == '\t') {
			snprintf(line, sz, "%s", k->data);
			rc = 0;
		}
	}
	curl_slist_free_all(cookies);
	return rc;
}
