/*
 * Every file the program answers has a name (issue 20): a document shown
 * in the browser ("inline": a plan, a letter, minutes, a poster) or a
 * report or export saved ("attachment"), each named in words in its
 * reader's language, folded to ASCII, with its kind's extension, so a
 * reader who saves it finds "cofnodion-fforwm-dros-50-2026-11-09.pdf",
 * never "minutes.pdf"; every PDF also says its language (/Lang) in its
 * catalogue.  The routes walked are the route table's: every
 * one whose path ends in a file's extension, and the stored files
 * (stored_files below), which are answered at addresses without one.
 */
#define PW	srv.demo_password
#include "http_test.h"
#include "server/router.h"
#include "http/route_walk.h"
#include "pdf_lang.h"

#include <ctype.h>
#include <time.h>

/* Files answered at an address with no extension: what was uploaded,
 * kept with its own extension. */
static const char *const stored_files[] = {
	"/papers/{id}",
	"/expenses/{id}/receipt",
	"/bids/{id}/document",
};

/* The extensions a route's path may end in for a made file. */
static const char *const made_exts[] = { "pdf", "csv", "xlsx", "json" };

/* Routes whose file needs a record the walk's usual one may not be (a
 * ballot is printed while its poll is open, a thank-you letter for
 * someone who left, a session's certificates once someone completed),
 * or a reader other than the organisation's administrator (a plan is
 * its person's and their workers'). */
static const struct special {
	const char	*pattern;
	const char	*sql;		/* the record; NULL: the walk's */
	const char	*user;		/* NULL: "admin" */
} specials[] = {
	{ "/elections/{id}/ballot.pdf", "SELECT min(id) FROM elections "
	    "WHERE state = 'voting'", NULL },
	{ "/people/{id}/thank-you.pdf", "SELECT min(id) FROM people WHERE "
	    "left_on IS NOT NULL", NULL },
	{ "/sessions/{id}/certificates.pdf", "SELECT min(session_id) FROM "
	    "completions WHERE session_id IS NOT NULL", NULL },
	{ "/people/{id}/plan.pdf", "SELECT min(p.person_id) FROM plans p "
	    "JOIN people o ON o.id = p.person_id WHERE o.site_id = 1",
	    "coordinator.fenwick" },
	{ "/account/plan.pdf", NULL, "member.forum" },
};

/* The special entry for rt, or NULL. */
static const struct special *
special_of(const struct route *rt)
{
	size_t	 i;

	for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
		if (strcmp(specials[i].pattern, rt->pattern) == 0)
			return &specials[i];
	return NULL;
}

static int
setup(void **state)
{
	static const char *const users[] = { "admin", "member.forum",
	    "coordinator.fenwick", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1 ||
	    route_walk_resolve(&srv) == -1)
		return -1;
	return server_launch(&srv);
}

/* The extension rt's file is named with: "pdf"; "" for a stored file's
 * own; NULL for a route that answers no file. */
static const char *
file_ext(const struct route *rt)
{
	const char	*dot = strrchr(rt->pattern, '.');
	size_t		 i;

	for (i = 0; i < sizeof(stored_files) / sizeof(stored_files[0]); i++)
		if (rt->method == HTTP_GET &&
		    strcmp(rt->pattern, stored_files[i]) == 0)
			return "";
	for (i = 0; dot != NULL && i < sizeof(made_exts) /
	    sizeof(made_exts[0]); i++)
		if (strcmp(dot + 1, made_exts[i]) == 0)
			return made_exts[i];
	return NULL;
}

/* rt's path with its record filled in, specials first. */
static void
path_of(const struct route *rt, char *out, size_t sz)
{
	const char		*brace = strstr(rt->pattern, "{id}");
	const struct special	*sp = special_of(rt);

	if (sp != NULL && sp->sql != NULL)
		snprintf(out, sz, "%.*s%lld%s", (int)(brace - rt->pattern),
		    rt->pattern, db_scalar(&srv, sp->sql), brace + 4);
	else
		assert_int_equal(route_walk_path(rt, 0, out, sz), 0);
}

/* Whether name ends in a date, "...-2026-11-01". */
static int
ends_in_date(const char *name)
{
	size_t	 n = strlen(name), i;

	if (n < 10)
		return 0;
	for (i = 0, name += n - 10; i < 10; i++)
		if (i == 4 || i == 7 ? name[i] != '-' :
		    !isdigit((unsigned char)name[i]))
			return 0;
	return 1;
}

/* A name that is words and a record's number ("plan-5", "ballot-papers-
 * over-50s-forum-2") tells a reader who saved several nothing: its last
 * part may be a number only as a date's day. */
static int
ends_in_number(const char *name)
{
	const char	*last = strrchr(name, '-');

	last = last != NULL ? last + 1 : name;
	return *last != '\0' && strspn(last, "0123456789") == strlen(last) &&
	    !ends_in_date(name);
}

/*
 * Checks a Content-Disposition: inline or attachment, then a quoted
 * name of lower-case ASCII letters, digits and hyphens with at least a
 * word in it (not a bare number) and not ending in a record's number
 * (ends_in_number), then ".ext" (any extension when ext
 * is "").  The name without its extension goes into name.
 */
static void
assert_named(const char *path, const char *got, const char *ext,
    char name[256])
{
	const char	*p = strchr(got, '"'), *dot;
	size_t		 i, run = 0, word = 0;

	if (p == NULL || (strncmp(got, "inline; filename=\"", 18) != 0 &&
	    strncmp(got, "attachment; filename=\"", 22) != 0))
		print_error("%s: Content-Disposition \"%s\"\n", path, got);
	assert_non_null(p);
	assert_true(strncmp(got, "inline; filename=\"", 18) == 0 ||
	    strncmp(got, "attachment; filename=\"", 22) == 0);
	dot = strrchr(++p, '.');
	assert_non_null(dot);
	assert_true(dot > p);
	snprintf(name, 256, "%.*s", (int)(dot - p), p);
	for (i = 0; name[i] != '\0'; i++) {
		assert_true(islower((unsigned char)name[i]) ||
		    isdigit((unsigned char)name[i]) || name[i] == '-');
		run = islower((unsigned char)name[i]) ? run + 1 : 0;
		if (run >= 3)
			word = 1;
	}
	if (!word)
		print_error("%s: \"%s\" has no word\n", path, name);
	assert_true(word);
	if (ends_in_number(name))
		print_error("%s: \"%s\" is named by a number\n", path, name);
	assert_false(ends_in_number(name));
	if (*ext != '\0') {
		assert_true(strncmp(dot + 1, ext, strlen(ext)) == 0);
		assert_string_equal(dot + 1 + strlen(ext), "\"");
	} else
		assert_true(strlen(dot + 1) > 1 && dot[strlen(dot) - 1] == '"');
}

/* Fetches path (POSTed when the route is a POST, with the form its
 * page without the extension gives) in lang, as c. */
static void
fetch(struct client *c, const struct route *rt, const char *path,
    const char *lang, struct reply *r)
{
	char	 url[320], page[256];
	struct reply form;

	snprintf(url, sizeof(url), "%s%slang=%s", path, strchr(path, '?') ?
	    "&" : "?", lang);
	if (rt->method == HTTP_GET) {
		if (http_get(c, url, r) != 200)
			print_error("GET %s: %ld\n", url, r->status);
		assert_int_equal(r->status, 200);
		return;
	}
	/* The page the form is on: its CSRF token. */
	snprintf(page, sizeof(page), "%.*s", (int)(strrchr(path, '.') - path),
	    path);
	assert_int_equal(http_get(c, page, &form), 200);
	reply_free(&form);
	assert_int_equal(http_post(c, url, "reason=Names+of+files", 1, r),
	    200);
}

/* A PDF made for a reader in lang says so in its catalogue (/Lang),
 * so a screen reader reads it in that language's voice, and poppler
 * still opens it (the language is added after cairo has finished). */
static void
assert_pdf_in(const char *path, const struct reply *r, const char *lang)
{
	char	 got[16];
	char	*text;

	pdf_catalog_lang(r->body, r->len, got, sizeof(got));
	if (strcmp(got, lang) != 0)
		print_error("%s: /Lang (%s), not (%s); %zu bytes: %.400s\n",
		    path, got, lang, r->len, r->body + (r->len > 400 ?
		    r->len - 400 : 0));
	assert_string_equal(got, lang);
	assert_true(pdf_pages(&srv, r) >= 1);
	assert_non_null(text = pdf_text(&srv, r));
	assert_true(strlen(text) > 10);
	free(text);
}

/* Records, as c, that someone with no roles left yesterday, so there
 * is a thank-you letter to print. */
static void
someone_leaves(struct client *c)
{
	struct reply	 r;
	char		 path[64], body[96], day[16];
	time_t		 yesterday = time(NULL) - 24 * 60 * 60;
	struct tm	 tm;
	long long	 person = db_scalar(&srv, "SELECT min(p.id) FROM people "
			    "p WHERE p.site_id = 1 AND NOT EXISTS (SELECT 1 FROM "
			    "memberships m WHERE m.person_id = p.id)");

	assert_true(person > 0);
	gmtime_r(&yesterday, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	snprintf(path, sizeof(path), "/people/%lld/leave", person);
	assert_int_equal(http_get(c, path, &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "left_reason=release&left_on=%s", day);
	assert_int_equal(http_post(c, path, body, 1, &r), 303);
	reply_free(&r);
}

static void
every_file_is_named_in_both_languages(void **state)
{
	const struct route *rt;
	const struct special *sp;
	struct client	 c;
	struct reply	 r;
	char		 path[256], en[256], cy[256];
	const char	*ext;
	size_t		 i, walked = 0;

	(void)state;
	as(&c, "admin");
	someone_leaves(&c);
	for (i = 0; i < routes_count; i++) {
		rt = &routes[i];
		if ((ext = file_ext(rt)) == NULL)
			continue;
		sp = special_of(rt);
		if (sp != NULL && sp->user != NULL) {
			client_free(&c);
			as(&c, sp->user);
		}
		path_of(rt, path, sizeof(path));
		fetch(&c, rt, path, "en", &r);
		assert_named(path, r.disposition, ext, en);
		if (strcmp(ext, "pdf") == 0)
			assert_pdf_in(path, &r, "en");
		reply_free(&r);
		fetch(&c, rt, path, "cy", &r);
		assert_named(path, r.disposition, ext, cy);
		if (strcmp(ext, "pdf") == 0)
			assert_pdf_in(path, &r, "cy");
		/* A document to read is shown, and saved under its name. */
		if (strcmp(rt->pattern, "/account/plan.pdf") == 0)
			assert_string_equal(r.disposition,
			    "inline; filename=\"fy-nghynllun.pdf\"");
		reply_free(&r);
		print_message("%s %s: %s | %s\n", rt->method == HTTP_GET ?
		    "GET" : "POST", path, en, cy);
		/* Every name is worded, so Welsh names it in Welsh. */
		if (strcmp(en, cy) == 0)
			print_error("%s: the same in both languages\n", path);
		assert_string_not_equal(en, cy);
		if (sp != NULL && sp->user != NULL) {
			client_free(&c);
			as(&c, "admin");
		}
		walked++;
	}
	client_free(&c);
	print_message("%zu file routes named\n", walked);
	assert_true(walked >= 30);
}

/* The name (without its extension) of the involvement report at path,
 * a report of ?from= to ?to= in lang, into name. */
static void
report_named(struct client *c, const char *path, const char *ext,
    char name[256])
{
	struct reply	 r;

	assert_int_equal(http_get(c, path, &r), 200);
	assert_named(path, r.disposition, ext, name);
	reply_free(&r);
}

/* Two involvement reports differ by what, which and when: a group's
 * and a site's, and one period's and another's. */
static void
involvement_reports_named_by_place_and_period(void **state)
{
	struct client	 c;
	char		 path[160], group[256], site[256], later[256];
	long long	 g = db_scalar(&srv, "SELECT min(id) FROM groups WHERE "
			    "site_id = 1");

	(void)state;
	as(&c, "admin");
	snprintf(path, sizeof(path), "/groups/%lld/evidence/report.pdf?from="
	    "2026-04-01&to=2026-09-30&lang=en", g);
	report_named(&c, path, "pdf", group);
	assert_string_equal(group, "involvement-report-over-50s-forum-"
	    "2026-04-01-to-2026-09-30");
	report_named(&c, "/sites/1/evidence/report.pdf?from=2026-04-01&"
	    "to=2026-09-30&lang=en", "pdf", site);
	assert_string_equal(site, "involvement-report-hmp-fenwick-"
	    "2026-04-01-to-2026-09-30");
	snprintf(path, sizeof(path), "/groups/%lld/evidence/report.xlsx?from="
	    "2026-01-01&to=2026-03-31&lang=cy", g);
	report_named(&c, path, "xlsx", later);
	assert_string_equal(later, "adroddiad-cyfranogiad-over-50s-forum-"
	    "2026-01-01-i-2026-03-31");
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_file_is_named_in_both_languages),
		cmocka_unit_test(involvement_reports_named_by_place_and_period),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
