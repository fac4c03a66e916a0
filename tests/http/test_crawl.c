/*
 * A crawl as each role, the way a first-time user meets the program: from
 * the home page, every link on every page the account can reach is
 * followed, and every form that posts is tried.  It fails on
 *   - a link that answers 403 or 404 (a link drawn for someone the route
 *     table refuses), and a link with no name (axe link-name);
 *   - a form whose POST the route table would refuse for the role: the
 *     form is posted without its token, so an allowed one stops at the
 *     CSRF check ("This form has expired") and nothing is changed;
 *   - an empty title, or two different pages (paths) with one title;
 *   - a table drawn with no rows (an empty list says so in words);
 *   - an ISO date (2026-11-04) in the text any role reads, in English
 *     and in Welsh (not an input's or a text box's value);
 *   - in Welsh, English that nobody wrote (english_text.h);
 *   - a button or link whose whole name, read aloud out of its page, is
 *     a bare word ("Save", "Cadw"): it must say what it acts on;
 *   - a hint in a form (govuk-hint) that no aria-describedby names, so it
 *     is never read out with its box;
 *   - two links on one page that read the same and go to different
 *     places (a screen reader's list of links shows them as one).
 * The member's pages are crawled in easy read too.
 *
 * struct crawl owns its queue, its visited set and the titles seen.
 */
#define PW	"crawl-test-password"
#include "http_test.h"
#include "english_text.h"
#include "util/buf.h"

#include <ctype.h>

#define CRAWL_PAGES_MAX		1500	/* per role: the demo has fewer */
#define CRAWL_QUERY_VARIANTS	2	/* ?after= pages of one list */
#define CRAWL_REPORT_MAX	1000	/* problems printed per role */

struct seen {
	char	*url;		/* owned */
	char	*title;		/* owned; NULL until visited (or not HTML) */
	char	*from;		/* owned: the page that linked here */
};

struct crawl {
	struct seen	*items;	/* owned */
	size_t		 n, cap;
	size_t		 next;	/* first not yet visited */
	int		 problems;
	struct said	*welsh;		/* borrowed: crawl in Welsh */
	const char	*keep;		/* a query the crawl does not follow
					   links with ("lang=", "read="):
					   it would leave the way it reads */
	const char	*role;
};

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "governor.fenwick", "evaluator", "coordinator.fenwick", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	if (roundtable_cli(&srv, "user add crawl.admin --role admin "
	    "--password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static void
problem(struct crawl *cr, const char *fmt, const char *a, const char *b)
{
	if (cr->problems++ < CRAWL_REPORT_MAX) {
		fprintf(stderr, "%s: ", cr->role);
		fprintf(stderr, fmt, a, b);
		fputc('\n', stderr);
	}
}

static size_t
path_len(const char *url)
{
	return strcspn(url, "?#");
}

/* Adds url unless it is known; bounded variants of one path's query. */
static void
enqueue(struct crawl *cr, const char *url, size_t len, const char *from)
{
	size_t	 i, variants = 0, plen;

	plen = strcspn(url, "?#");
	if (plen > len)
		plen = len;
	if (memchr(url, '#', len) != NULL)
		len = (size_t)((const char *)memchr(url, '#', len) - url);
	for (i = 0; i < cr->n; i++) {
		if (strlen(cr->items[i].url) == len &&
		    memcmp(cr->items[i].url, url, len) == 0)
			return;
		if (path_len(cr->items[i].url) == plen &&
		    memcmp(cr->items[i].url, url, plen) == 0)
			variants++;
	}
	if (variants >= CRAWL_QUERY_VARIANTS || cr->n == CRAWL_PAGES_MAX)
		return;
	if (cr->n == cr->cap) {
		cr->cap = cr->cap ? cr->cap * 2 : 64;
		cr->items = realloc(cr->items, cr->cap * sizeof(*cr->items));
		assert_non_null(cr->items);
	}
	cr->items[cr->n].url = strndup(url, len);
	cr->items[cr->n].title = NULL;
	cr->items[cr->n].from = strdup(from);
	cr->n++;
}

/* The value of attribute name in the tag [tag, end), "&amp;" decoded,
 * malloc'd; NULL when absent. */
static char *
attribute(const char *tag, const char *end, const char *name)
{
	char		 key[32];
	const char	*p, *q;
	char		*v, *w;

	snprintf(key, sizeof(key), " %s=\"", name);
	p = strstr(tag, key);
	if (p == NULL || p > end)
		return NULL;
	p += strlen(key);
	q = strchr(p, '"');
	if (q == NULL || q > end)
		return NULL;
	v = strndup(p, (size_t)(q - p));
	while ((w = strstr(v, "&amp;")) != NULL)
		memmove(w + 1, w + 5, strlen(w + 5) + 1);
	return v;
}

/* The text between start and end with tags removed, spaces kept. */
static char *
visible_text(const char *start, const char *end)
{
	char	*t = malloc((size_t)(end - start) + 1), *o = t;
	int	 in_tag = 0;

	assert_non_null(t);
	for (; start < end; start++) {
		if (*start == '<')
			in_tag = 1;
		else if (*start == '>')
			in_tag = 0;
		else if (!in_tag)
			*o++ = *start;
	}
	*o = '\0';
	return t;
}

static int
blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int
local(const char *href)
{
	return href[0] == '/' && href[1] != '/' &&
	    strncmp(href, "/static/", 8) != 0;
}

/* s with its spaces folded to one and none at either end, in place. */
static char *
folded(char *s)
{
	char	*o = s, *i;

	for (i = s; *i; i++)
		if (!isspace((unsigned char)*i) || (o > s && o[-1] != ' '))
			*o++ = isspace((unsigned char)*i) ? ' ' : *i;
	if (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	return s;
}

/* One link of a page: what it reads (its aria-label, else its text) and
 * where it goes (without its #part). */
struct link_seen {
	char	*name;		/* owned */
	char	*to;		/* owned */
};

/* A link reading as one before it on the page, to another place. */
static void
same_name(struct crawl *cr, const char *url, struct link_seen *seen,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(seen[i].name, seen[n].name) == 0 &&
		    strcmp(seen[i].to, seen[n].to) != 0) {
			problem(cr, "two links reading \"%s\" to different "
			    "places on %s", seen[n].name, url);
			fprintf(stderr, "    (%s and %s)\n", seen[i].to,
			    seen[n].to);
			return;
		}
}

/* Every <a href> on the page: queued; one with no name is a problem, and
 * so are two reading the same with different targets. */
static void
links(struct crawl *cr, const char *url, const char *body)
{
	const char		*p = body, *end, *close;
	char			*href, *label, *text;
	struct link_seen	*seen = NULL;
	size_t			 n = 0, i;

	while ((p = strstr(p, "<a ")) != NULL) {
		end = strchr(p, '>');
		close = strstr(p, "</a>");
		if (end == NULL || close == NULL)
			break;
		href = attribute(p, end, "href");
		label = attribute(p, end, "aria-label");
		text = visible_text(end + 1, close);
		if (href != NULL && blank(text) && label == NULL)
			problem(cr, "an empty link to %s on %s", href, url);
		if (href != NULL) {
			seen = realloc(seen, (n + 1) * sizeof(*seen));
			assert_non_null(seen);
			seen[n].name = folded(label != NULL ? label : text);
			seen[n].to = strndup(href, strcspn(href, "#"));
			label != NULL ? free(text) : free(label);
			label = text = NULL;
			same_name(cr, url, seen, n++);
		}
		/* Not the links that change how the crawl reads. */
		if (href != NULL && local(href) && (cr->keep == NULL ||
		    strstr(href, cr->keep) == NULL))
			enqueue(cr, href, strlen(href), url);
		free(href);
		free(label);
		free(text);
		p = close;
	}
	for (i = 0; i < n; i++) {
		free(seen[i].name);
		free(seen[i].to);
	}
	free(seen);
}

/* Whether some aria-describedby on the page names id. */
static int
described(const char *body, const char *id)
{
	const char	*p = body, *q, *t;
	size_t		 len = strlen(id);

	while ((p = strstr(p, "aria-describedby=\"")) != NULL) {
		p += strlen("aria-describedby=\"");
		if ((q = strchr(p, '"')) == NULL)
			return 0;
		for (t = p; t < q; t += strcspn(t, " \"") + 1)
			if ((size_t)(q - t) >= len && memcmp(t, id, len) == 0 &&
			    (t[len] == ' ' || t[len] == '"'))
				return 1;
		p = q;
	}
	return 0;
}

/* Every hint inside a form has an id an aria-describedby names: a hint
 * no box names is never read out ("Choose all that apply", where a skip
 * goes).  Hints outside forms are grey words, not hints of a box. */
static void
hints(struct crawl *cr, const char *url, const char *body)
{
	const char	*form = body, *form_end, *p, *tag, *end;
	char		*id;

	while ((form = strstr(form, "<form")) != NULL) {
		if ((form_end = strstr(form, "</form>")) == NULL)
			return;
		for (p = form; (p = strstr(p, "govuk-hint")) != NULL &&
		    p < form_end; p = end) {
			for (tag = p; tag > form && *tag != '<'; tag--)
				;
			if ((end = strchr(p, '>')) == NULL)
				return;
			if (p[10] != '"' && p[10] != ' ')
				continue;	/* another class */
			id = attribute(tag, end, "id");
			if (id == NULL || !described(body, id))
				problem(cr, "a hint no box names (%s) on %s",
				    id != NULL ? id : "no id", url);
			free(id);
		}
		form = form_end;
	}
}

/* Words that say nothing alone, in English and in Welsh (po/cy.po). */
static const char *const bare_words[] = {
	"Save", "Update", "Submit", "Go", "Continue", "Change", "Edit", "View",
	"Delete", "Add", "Open", "Download", "Send",
	"Cadw", "Diweddaru", "Cyflwyno", "Ewch", "Parhau", "Newid", "Golygu",
	"Gweld", "Dileu", "Ychwanegu", "Agor", "Lawrlwytho", "Anfon",
};

/* Is name (a control's whole accessible name, visually hidden parts
 * and all) one bare word, whatever spaces are around it? */
static int
bare_name(const char *name)
{
	size_t	 i, len;

	while (isspace((unsigned char)*name))
		name++;
	len = strlen(name);
	while (len > 0 && isspace((unsigned char)name[len - 1]))
		len--;
	for (i = 0; i < sizeof(bare_words) / sizeof(bare_words[0]); i++)
		if (strlen(bare_words[i]) == len &&
		    strncmp(name, bare_words[i], len) == 0)
			return 1;
	return 0;
}

/* Every element opening with open and ending with close (a link, a
 * button) whose name is a bare word: a problem. */
static void
bare_names(struct crawl *cr, const char *url, const char *body,
    const char *open, const char *close_tag)
{
	const char	*p = body, *end, *close;
	char		*label, *text;

	while ((p = strstr(p, open)) != NULL) {
		end = strchr(p, '>');
		close = strstr(p, close_tag);
		if (end == NULL || close == NULL)
			break;
		label = attribute(p, end, "aria-label");
		text = visible_text(end + 1, close);
		if (bare_name(label != NULL ? label : text))
			problem(cr, "a control named only \"%s\" on %s",
			    label != NULL ? label : text, url);
		free(label);
		free(text);
		p = close;
	}
}

/* Every form that posts: tried without its token, so nothing changes. */
static void
forms(struct crawl *cr, struct client *c, const char *url, const char *body)
{
	const char	*p = body, *end;
	char		*action, *method;
	struct reply	 r;
	long		 status;

	while ((p = strstr(p, "<form")) != NULL) {
		end = strchr(p, '>');
		if (end == NULL)
			break;
		method = attribute(p, end, "method");
		action = attribute(p, end, "action");
		if (method != NULL && strcmp(method, "post") == 0 &&
		    action != NULL && local(action)) {
			status = http_post(c, action, "", 0, &r);
			if (status != 403 || strstr(r.body, "has expired") == NULL)
				problem(cr, "a form the role may not post: %s "
				    "on %s", action, url);
			reply_free(&r);
		}
		free(method);
		free(action);
		p = end;
	}
}

/* The title before " – Roundtable", malloc'd. */
#define SUFFIX	" – Roundtable"
static char *
page_title(const char *body)
{
	const char	*p = strstr(body, "<title>"), *q;

	if (p == NULL || (q = strstr(p, "</title>")) == NULL)
		return strdup("");
	p += 7;
	if ((size_t)(q - p) >= strlen(SUFFIX) &&
	    memcmp(q - strlen(SUFFIX), SUFFIX, strlen(SUFFIX)) == 0)
		q -= strlen(SUFFIX);
	return strndup(p, (size_t)(q - p));
}

/* An ISO date (2026-11-04) in what the page shows, in any language, not
 * in attributes nor in a text box's value: a reader sees dates in words
 * (the date filters) and a hint's example as typed, 31/3/2026. */
static void
dates(struct crawl *cr, const char *url, const char *body)
{
	const char	*main = strstr(body, "<body"), *s, *box, *shut;
	char		*text, found[64];
	struct buf	 kept;

	if (main == NULL)
		return;
	/* A text box's value is the form's own, as an input's is. */
	buf_init(&kept, strlen(main) + 1);
	for (s = main; (box = strstr(s, "<textarea")) != NULL &&
	    (shut = strstr(box, "</textarea>")) != NULL; s = shut + 11)
		assert_int_equal(buf_add(&kept, s, (size_t)(box - s)), 0);
	assert_int_equal(buf_puts(&kept, s), 0);
	assert_int_equal(buf_putc(&kept, '\0'), 0);
	text = visible_text(kept.data, kept.data + kept.len - 1);
	buf_release(&kept);
	for (s = text; *s; s++) {
		if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])
		    && isdigit((unsigned char)s[2]) &&
		    isdigit((unsigned char)s[3]) && s[4] == '-' &&
		    isdigit((unsigned char)s[5]) &&
		    isdigit((unsigned char)s[6]) && s[7] == '-' &&
		    isdigit((unsigned char)s[8]) &&
		    isdigit((unsigned char)s[9]) &&
		    (s == text || !isdigit((unsigned char)s[-1]))) {
			snprintf(found, sizeof(found), "\"%.40s\"",
			    s > text + 20 ? s - 20 : text);
			problem(cr, "an ISO date %s on %s", found, url);
			break;
		}
	}
	free(text);
}

/* A table with headings and no rows under them: a list with nothing in
 * it says so in words, and draws no table ({{#list?}}). */
static void
empty_tables(struct crawl *cr, const char *url, const char *body)
{
	const char	*s, *shut;

	for (s = body; (s = strstr(s, "<tbody")) != NULL; s = shut) {
		s = strchr(s, '>');
		if (s == NULL || (shut = strstr(s, "</tbody>")) == NULL)
			return;
		if (memmem(s, (size_t)(shut - s), "<tr", 3) == NULL) {
			problem(cr, "a table with no rows on %s%s", url, "");
			return;
		}
	}
}

static void
titles(struct crawl *cr, size_t at)
{
	struct seen	*s = &cr->items[at];
	size_t		 i;

	if (blank(s->title)) {
		problem(cr, "an empty title on %s%s", s->url, "");
		return;
	}
	for (i = 0; i < at; i++) {
		struct seen	*o = &cr->items[i];

		if (o->title == NULL || strcmp(o->title, s->title) != 0)
			continue;
		if (path_len(o->url) == path_len(s->url) &&
		    memcmp(o->url, s->url, path_len(s->url)) == 0)
			continue;	/* one page, another query */
		problem(cr, "one title for two pages: %s and %s", o->url,
		    s->url);
		return;
	}
}

/* Where english_find finds English, on the page being visited. */
struct english_on {
	struct crawl	*cr;
	const char	*url;
};

static void
english_found(void *ctx, const char *text)
{
	struct english_on	*on = ctx;

	problem(on->cr, "English \"%s\" on %s", text, on->url);
}

static void
visit(struct crawl *cr, struct client *c, size_t at)
{
	struct reply	 r;
	long		 status;
	char		*url = cr->items[at].url;
	struct english_on on = { cr, url };

	status = http_get(c, url, &r);
	if (status == 403 || status == 404 || status >= 500) {
		char	 code[24];

		snprintf(code, sizeof(code), "%ld", status);
		problem(cr, "a link answering %s: %s", code, url);
		fprintf(stderr, "    (linked from %s)\n", cr->items[at].from);
	} else if (status == 200 && strncmp(r.content_type, "text/html", 9) == 0) {
		cr->items[at].title = page_title(r.body);
		titles(cr, at);
		links(cr, url, r.body);
		bare_names(cr, url, r.body, "<a ", "</a>");
		bare_names(cr, url, r.body, "<button", "</button>");
		hints(cr, url, r.body);
		if (cr->welsh != NULL)
			(void)english_find(cr->welsh, r.body, english_found,
			    &on);
		else
			forms(cr, c, url, r.body);
		dates(cr, url, r.body);
		empty_tables(cr, url, r.body);
	}
	reply_free(&r);
}

/* The crawl as user from the home page; start, when not NULL, is the
 * address that sets how this browser reads from then on ("/?lang=cy"),
 * and keep the query of links it then does not follow ("lang="). */
static int
crawl_reading(const char *user, struct said *welsh, const char *start,
    const char *keep)
{
	struct crawl	 cr = { .role = user, .welsh = welsh, .keep = keep };
	struct client	 c;
	struct reply	 r;
	size_t		 i;

	as(&c, user);
	if (start != NULL) {
		assert_int_equal(http_get(&c, start, &r), 200);
		reply_free(&r);
	}
	enqueue(&cr, "/", 1, "start");
	for (cr.next = 0; cr.next < cr.n; cr.next++)
		visit(&cr, &c, cr.next);
	fprintf(stderr, "%s: %zu pages, %d problems\n", user, cr.n,
	    cr.problems);
	for (i = 0; i < cr.n; i++) {
		free(cr.items[i].url);
		free(cr.items[i].title);
		free(cr.items[i].from);
	}
	free(cr.items);
	client_free(&c);
	return cr.problems;
}

static int
crawl_as(const char *user, struct said *welsh)
{
	return welsh != NULL ? crawl_reading(user, welsh, "/?lang=cy",
	    "lang=") : crawl_reading(user, NULL, NULL, NULL);
}

static void crawl_member(void **s) { (void)s; assert_int_equal(crawl_as("member.forum", NULL), 0); }
static void crawl_rep(void **s) { (void)s; assert_int_equal(crawl_as("rep.fenwick", NULL), 0); }
static void crawl_decision_maker(void **s) { (void)s; assert_int_equal(crawl_as("governor.fenwick", NULL), 0); }
static void crawl_evaluator(void **s) { (void)s; assert_int_equal(crawl_as("evaluator", NULL), 0); }
static void crawl_coordinator(void **s) { (void)s; assert_int_equal(crawl_as("coordinator.fenwick", NULL), 0); }
static void crawl_admin(void **s) { (void)s; assert_int_equal(crawl_as("crawl.admin", NULL), 0); }
/* The member's journeys in easy read: the twins draw their own forms and
 * links (a hint they draw, a link they add), so they are crawled too. */
static void crawl_member_in_easy_read(void **s) { (void)s; assert_int_equal(crawl_reading("member.forum", NULL, "/?read=easy", "read="), 0); }

static void
english_none(void *ctx, const char *text)
{
	(void)ctx;
	(void)text;
}

/* Every role's pages in Welsh: English on none but what people wrote. */
static void
crawl_every_role_in_welsh(void **state)
{
	static const char *const roles[] = { "member.forum", "rep.fenwick",
	    "governor.fenwick", "evaluator", "coordinator.fenwick",
	    "crawl.admin" };
	struct said	 said;
	size_t		 i;
	int		 problems = 0;

	(void)state;
	assert_int_equal(said_load(&said, &srv), 0);
	/* It finds what the program wrote in English, beside what people
	 * wrote; not Welsh, nor a part marked as English. */
	assert_int_equal(english_find(&said, "<body><p>Gosod pedair mainc: "
	    "wedi'i wneud</p><p lang=\"en\">The chair</p><p>Evening "
	    "medication came after lock-up again this week.</p></body>",
	    english_none, NULL), 0);
	assert_int_equal(english_find(&said, "<body><h1>Evening medication "
	    "came after lock-up again this week. (60% done)</h1>"
	    "<p aria-label=\"Close the page\">x</p></body>", english_none,
	    NULL), 2);
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		problems += crawl_as(roles[i], &said);
	said_free(&said);
	assert_int_equal(problems, 0);
}

/* An error page names the error in its title. */
static void
error_pages_have_titles(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*t;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/no-such-page", &r), 404);
	t = page_title(r.body);
	assert_false(blank(t));
	free(t);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people", &r), 403);
	t = page_title(r.body);
	assert_false(blank(t));
	free(t);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(error_pages_have_titles),
		cmocka_unit_test(crawl_member),
		cmocka_unit_test(crawl_rep),
		cmocka_unit_test(crawl_decision_maker),
		cmocka_unit_test(crawl_evaluator),
		cmocka_unit_test(crawl_coordinator),
		cmocka_unit_test(crawl_admin),
		cmocka_unit_test(crawl_member_in_easy_read),
		cmocka_unit_test(crawl_every_role_in_welsh),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
