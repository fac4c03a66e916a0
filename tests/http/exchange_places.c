/*
 * The hub and two stations the exchange's tests share
 * (exchange_places.h says what each function does).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/exchange_places.h"

struct server		hub;
struct station		st_a = { .origin = 2, .site = 1,
			    .logger = "rep.fenwick" };
struct station		st_b = { .origin = 3, .site = 2,
			    .logger = "coordinator.harbour" };

int
exchange(const struct server *s, const char *args, char **out)
{
	char	*cmd;
	int	 rc;

	if (asprintf(&cmd, "exchange %s", args) == -1)
		return -1;
	rc = roundtable_cli(s, cmd, NULL, out);
	free(cmd);
	return rc;
}

void
stick(char *out, size_t sz, const char *name)
{
	snprintf(out, sz, "%s/%s", hub.dir, name);
}

/* Writes s's public key into the hub's folder as name: 0 or -1. */
static int
key_to_stick(const struct server *s, const char *name)
{
	char	 path[400], *out = NULL, *nl;
	FILE	*f;
	int	 rc = -1;

	if (exchange(s, "key", &out) != 0)
		goto done;
	stick(path, sizeof(path), name);
	/* The key line is the one starting with the prefix. */
	if ((nl = strstr(out, "roundtable-place-key ")) == NULL ||
	    (f = fopen(path, "w")) == NULL)
		goto done;
	fprintf(f, "%.*s\n", (int)strcspn(nl, "\n"), nl);
	fclose(f);
	rc = 0;
done:
	free(out);
	return rc;
}

int
carry(const struct server *from, int to_origin, const struct server *to,
    const char *name)
{
	char	 path[400], args[600], *out = NULL;
	int	 rc;

	stick(path, sizeof(path), name);
	snprintf(args, sizeof(args), "export --origin %d --to %s", to_origin,
	    path);
	if ((rc = exchange(from, args, &out)) != 0) {
		fprintf(stderr, "export: %s\n", out);
		free(out);
		return rc;
	}
	free(out);
	snprintf(args, sizeof(args), "import --from %s", path);
	if ((rc = exchange(to, args, &out)) != 0)
		fprintf(stderr, "import: %s\n", out);
	free(out);
	return rc;
}

static int
station_make(struct station *st)
{
	char	 args[600], key[400], name[64], *out = NULL;

	if (server_empty_file(&st->srv) == -1)
		return -1;
	snprintf(name, sizeof(name), "station-%d.pub", st->origin);
	if (key_to_stick(&st->srv, name) == -1)
		return -1;
	stick(key, sizeof(key), name);
	snprintf(args, sizeof(args), "pair --origin %d --sites %d --key %s "
	    "--name 'Station %d'", st->origin, st->site, key, st->origin);
	if (exchange(&hub, args, NULL) != 0)
		return -1;
	stick(key, sizeof(key), "hub.pub");
	snprintf(args, sizeof(args), "join --origin %d --sites %d --key %s",
	    st->origin, st->site, key);
	if (exchange(&st->srv, args, &out) != 0) {
		fprintf(stderr, "join: %s\n", out);
		free(out);
		return -1;
	}
	free(out);
	if (roundtable_cli(&st->srv, "init", NULL, NULL) != 0)
		return -1;
	snprintf(name, sizeof(name), "first-%d.rtx", st->origin);
	if (carry(&hub, st->origin, &st->srv, name) != 0)
		return -1;
	/* Its stderr in a file, for a test to read what it logged. */
	snprintf(st->srv.log, sizeof(st->srv.log), "%s/server.log",
	    st->srv.dir);
	return server_launch(&st->srv);
}

int
places_setup(void **state)
{
	static const char *const users[] = { "rep.fenwick",
	    "coordinator.fenwick", "coordinator.harbour", "governor.fenwick",
	    "member.forum", NULL };

	(void)state;
	if (server_prepare(&hub, NULL) == -1 ||
	    server_passwords(&hub, users, PLACES_PW) == -1 ||
	    key_to_stick(&hub, "hub.pub") == -1 ||
	    server_launch(&hub) == -1 ||
	    station_make(&st_a) == -1 || station_make(&st_b) == -1)
		return -1;
	return 0;
}

int
places_teardown(void **state)
{
	(void)state;
	server_stop(&st_a.srv);
	server_stop(&st_b.srv);
	return server_stop(&hub);
}

/* What `exchange check` prints at s for peer (malloc'd). */
static char *
check_lines(const struct server *s, int peer)
{
	char	 args[32], *out = NULL;

	snprintf(args, sizeof(args), "check --origin %d", peer);
	if (exchange(s, args, &out) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

void
station_agrees_with_hub(const struct station *st)
{
	char	*at_hub = check_lines(&hub, st->origin);
	char	*at_station = check_lines(&st->srv, 0);

	assert_non_null(at_hub);
	assert_non_null(at_station);
	if (strcmp(at_hub, at_station) != 0)
		print_error("hub:\n%s\nstation %d:\n%s\n", at_hub, st->origin,
		    at_station);
	assert_string_equal(at_hub, at_station);
	free(at_hub);
	free(at_station);
}

long long
made(struct client *c, const char *path, const char *body,
    const char *prefix)
{
	struct reply	 r;
	long long	 id;

	assert_int_equal(http_post(c, path, body, 1, &r), 303);
	if (strncmp(r.location, prefix, strlen(prefix)) != 0)
		print_error("%s went to %s\n", path, r.location);
	assert_true(strncmp(r.location, prefix, strlen(prefix)) == 0);
	id = strtoll(r.location + strlen(prefix), NULL, 10);
	reply_free(&r);
	return id;
}

void
posted(struct client *c, const char *path, const char *body)
{
	struct reply	 r;

	if (http_post(c, path, body, 1, &r) != 303)
		print_error("%s: %ld %s\n", path, r.status, r.body);
	assert_int_equal(r.status, 303);
	reply_free(&r);
}

void
refused_409(struct client *c, const char *path, const char *body,
    const char *words)
{
	struct reply	 r;

	if (http_post(c, path, body, 1, &r) != 409)
		print_error("%s: %ld %s\n", path, r.status, r.body);
	assert_int_equal(r.status, 409);
	assert_non_null(strstr(r.body, words));
	reply_free(&r);
}
