/*
 * The crash test's HTTP client (tests/crash/crashtest.sh builds it).
 *
 *   crash-writer health URL SECONDS
 *	Wait until GET URL/healthz answers 200; exit 1 after SECONDS.
 *   crash-writer token URL USERNAME PASSWORD
 *	Sign in, create an API token and print it.
 *   crash-writer write URL TOKEN PREFIX CONNECTIONS ACKFILE
 *	CONNECTIONS threads each POST /people/new with unique names until
 *	the server stops answering (it is killed under them).  Every write
 *	acknowledged with 303 and Location: /people/ID is appended to
 *	ACKFILE as "ID NAME" before the next request is sent.
 *   crash-writer verify URL TOKEN ACKFILE
 *	GET /people/ID as JSON for every line of ACKFILE and check the
 *	name; used when there is no sqlite3 command.
 *
 * Needs only libcurl, so it runs where the curl command is missing.
 */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WRITE_SECONDS_MAX	20

struct buf {
	char	*p;
	size_t	 n;
};

static size_t
on_body(char *p, size_t size, size_t n, void *user)
{
	struct buf	*b = user;
	char		*q;

	if ((q = realloc(b->p, b->n + size * n + 1)) == NULL)
		return 0;
	b->p = q;
	memcpy(b->p + b->n, p, size * n);
	b->n += size * n;
	b->p[b->n] = '\0';
	return size * n;
}

static size_t
on_header(char *p, size_t size, size_t n, void *user)
{
	char	*loc = user;
	size_t	 len = size * n, i;

	if (len > 10 && strncasecmp(p, "Location:", 9) == 0) {
		p += 9;
		len -= 9;
		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--;
		for (i = 0; i < len && i < 255 && p[i] != '\r' && p[i] != '\n'; i++)
			loc[i] = p[i];
		loc[i] = '\0';
	}
	return size * n;
}

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The value of the first <input name="csrf" value="..."> in a page. */
static int
find_between(const char *page, const char *before, const char *after,
    char *out, size_t outsz)
{
	const char	*s, *e;

	if (page == NULL || (s = strstr(page, before)) == NULL)
		return -1;
	s += strlen(before);
	if ((e = strstr(s, after)) == NULL || (size_t)(e - s) >= outsz)
		return -1;
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	return 0;
}

static long
request(CURL *c, const char *url, const char *post, struct buf *body,
    char *location)
{
	long	 code = 0;

	free(body->p);
	body->p = NULL;
	body->n = 0;
	if (location != NULL)
		location[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	if (post != NULL)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
	else
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION,
	    location != NULL ? on_header : NULL);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, location);
	if (curl_easy_perform(c) != CURLE_OK)
		return -1;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	return code;
}

static CURL *
client(void)
{
	CURL	*c = curl_easy_init();

	if (c == NULL) {
		fprintf(stderr, "crash-writer: curl_easy_init failed\n");
		exit(2);
	}
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 2L);
	return c;
}

static int
cmd_health(const char *base, double seconds)
{
	char		 url[512];
	struct buf	 b = { 0 };
	double		 t0 = now_s();
	CURL		*c = client();

	snprintf(url, sizeof(url), "%s/healthz", base);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 1L);
	while (now_s() - t0 < seconds) {
		if (request(c, url, NULL, &b, NULL) == 200) {
			printf("%.1f\n", (now_s() - t0) * 1000);
			return 0;
		}
		usleep(5000);
	}
	fprintf(stderr, "crash-writer: %s did not answer\n", url);
	return 1;
}

static int
cmd_token(const char *base, const char *user, const char *pass)
{
	char		 url[512], csrf[256], token[256], *post, *u, *p;
	struct buf	 b = { 0 };
	CURL		*c = client();
	long		 code;

	curl_easy_setopt(c, CURLOPT_COOKIEFILE, "");	/* cookie engine on */
	snprintf(url, sizeof(url), "%s/sign-in", base);
	if ((code = request(c, url, NULL, &b, NULL)) != 200 ||
	    find_between(b.p, "name=\"csrf\" value=\"", "\"", csrf,
	    sizeof(csrf)) < 0) {
		fprintf(stderr, "crash-writer: GET /sign-in: %ld\n", code);
		return 1;
	}
	u = curl_easy_escape(c, user, 0);
	p = curl_easy_escape(c, pass, 0);
	if (asprintf(&post, "username=%s&password=%s&csrf=%s", u, p, csrf) < 0)
		return 1;
	code = request(c, url, post, &b, NULL);
	free(post);
	if (code != 303) {
		fprintf(stderr, "crash-writer: POST /sign-in: %ld\n", code);
		return 1;
	}
	snprintf(url, sizeof(url), "%s/", base);
	if ((code = request(c, url, NULL, &b, NULL)) != 200 ||
	    find_between(b.p, "name=\"csrf\" value=\"", "\"", csrf,
	    sizeof(csrf)) < 0) {
		fprintf(stderr, "crash-writer: GET /: %ld, no csrf\n", code);
		return 1;
	}
	snprintf(url, sizeof(url), "%s/account/tokens", base);
	if (asprintf(&post, "name=crash-test&csrf=%s", csrf) < 0)
		return 1;
	code = request(c, url, post, &b, NULL);
	free(post);
	if (find_between(b.p, "<code class=\"rt-token\">", "</code>", token,
	    sizeof(token)) < 0) {
		fprintf(stderr, "crash-writer: POST /account/tokens: %ld, "
		    "no token in the page\n", code);
		return 1;
	}
	printf("%s\n", token);
	return 0;
}

struct writer {
	const char	*base, *token, *prefix;
	int		 n;
	FILE		*acks;
	pthread_mutex_t	*lock;
	double		 started;
	long		 acked, refused, transport, other;
	long		 last_code;
};

static void *
write_loop(void *arg)
{
	struct writer		*w = arg;
	struct curl_slist	*h = NULL;
	struct buf		 b = { 0 };
	char			 url[512], auth[512], name[128], post[256];
	char			 loc[256];
	long			 i, code, id;
	char			 end;
	CURL			*c = client();

	snprintf(url, sizeof(url), "%s/people/new", w->base);
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", w->token);
	h = curl_slist_append(h, auth);
	h = curl_slist_append(h, "Accept: application/json");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	for (i = 1; now_s() - w->started < WRITE_SECONDS_MAX; i++) {
		snprintf(name, sizeof(name), "%s-c%d-%ld", w->prefix, w->n, i);
		snprintf(post, sizeof(post), "display_name=%s&status=in_custody"
		    "&site_id=1&unit_id=", name);
		code = request(c, url, post, &b, loc);
		if (code < 0) {
			w->transport++;
			break;		/* the server is gone */
		}
		if (code == 303 && sscanf(loc, "/people/%ld%c", &id, &end) == 1) {
			pthread_mutex_lock(w->lock);
			fprintf(w->acks, "%ld %s\n", id, name);
			fflush(w->acks);
			pthread_mutex_unlock(w->lock);
			w->acked++;
		} else {
			w->other++;
			w->last_code = code;
		}
	}
	free(b.p);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return NULL;
}

static int
cmd_write(const char *base, const char *token, const char *prefix, int n,
    const char *ackpath)
{
	pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
	struct writer	*w;
	pthread_t	*t;
	FILE		*acks;
	long		 acked = 0, transport = 0, other = 0, last = 0;
	int		 i;

	if (n < 1 || n > 64 || (acks = fopen(ackpath, "a")) == NULL) {
		fprintf(stderr, "crash-writer: bad connections or %s\n", ackpath);
		return 2;
	}
	w = calloc((size_t)n, sizeof(*w));
	t = calloc((size_t)n, sizeof(*t));
	for (i = 0; i < n; i++) {
		w[i] = (struct writer){ base, token, prefix, i, acks, &lock,
		    now_s(), 0, 0, 0, 0, 0 };
		pthread_create(&t[i], NULL, write_loop, &w[i]);
	}
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		acked += w[i].acked;
		transport += w[i].transport;
		other += w[i].other;
		if (w[i].other)
			last = w[i].last_code;
	}
	fclose(acks);
	printf("%ld %ld %ld %ld\n", acked, other, transport, last);
	free(w);
	free(t);
	return 0;
}

static int
cmd_verify(const char *base, const char *token, const char *ackpath)
{
	struct curl_slist	*h = NULL;
	struct buf		 b = { 0 };
	char			 url[512], auth[512], name[128], want[200];
	long			 id, code, ok = 0, bad = 0;
	FILE			*f;
	CURL			*c = client();

	if ((f = fopen(ackpath, "r")) == NULL) {
		perror(ackpath);
		return 2;
	}
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
	h = curl_slist_append(h, auth);
	h = curl_slist_append(h, "Accept: application/json");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	while (fscanf(f, "%ld %127s", &id, name) == 2) {
		snprintf(url, sizeof(url), "%s/people/%ld", base, id);
		snprintf(want, sizeof(want), "\"display_name\":\"%s\"", name);
		code = request(c, url, NULL, &b, NULL);
		if (code == 200 && b.p != NULL && strstr(b.p, want) != NULL)
			ok++;
		else {
			bad++;
			fprintf(stderr, "LOST: /people/%ld (%s): HTTP %ld\n",
			    id, name, code);
		}
	}
	fclose(f);
	printf("%ld %ld\n", ok, bad);
	return bad != 0;
}

int
main(int argc, char **argv)
{
	int	 rc = 2;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (argc == 4 && strcmp(argv[1], "health") == 0)
		rc = cmd_health(argv[2], atof(argv[3]));
	else if (argc == 5 && strcmp(argv[1], "token") == 0)
		rc = cmd_token(argv[2], argv[3], argv[4]);
	else if (argc == 7 && strcmp(argv[1], "write") == 0)
		rc = cmd_write(argv[2], argv[3], argv[4], atoi(argv[5]), argv[6]);
	else if (argc == 5 && strcmp(argv[1], "verify") == 0)
		rc = cmd_verify(argv[2], argv[3], argv[4]);
	else
		fprintf(stderr, "usage: crash-writer health|token|write|verify "
		    "...; see tests/crash/writer.c\n");
	curl_global_cleanup();
	return rc;
}
