#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "english_text.h"
#include "db/db.h"

#define JUDGED_SLOTS	(1u << 15)	/* texts judged: the demo has fewer */
#define TEXT_CHARS_MAX	4096		/* a longer text is judged cut */
#define SHOWN_FROM_CHARS 40		/* a text's start that names it */

/* English words no Welsh sentence of ours has (Welsh shares "a", "i",
 * "at", "is", "all" and "no" with English, so those are left out). */
static const char *const english_words[] = { "the", "of", "and", "was",
    "were", "not", "with", "for", "this", "that", "your", "you", "has",
    "have", "been", "will", "from", "which", "there", "their", "what",
    "when", "who", "how", "done", "none", "could", "should", "would",
    "than", "yet", "are", "page", "here", "votes", "stage", "fewer",
    "hidden", "points", "recorded", "period", "share", "choose",
    "select", "sheet", "chair", "total", "break", "down", NULL };

/* Words a file people upload holds as they are (a population count's
 * CSV), named so by the hint that explains it. */
static const char *const file_words[] = { "gender_reassignment",
    "sexual_orientation", NULL };

struct said_judged {
	char	*slot[JUDGED_SLOTS];	/* owned */
};

/* s with runs of white space as one space, trimmed; malloc'd. */
static char *
collapsed(const char *s, size_t len)
{
	char	*out = malloc(len + 1), *o = out;
	size_t	 i;

	if (out == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)s[i])) {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else
			*o++ = s[i];
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
by_length(const void *a, const void *b)
{
	size_t	 la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* An identifier the program stores ("done", "expert_by_experience", a
 * date): not words people wrote, but what the program must word. */
static int
identifier(const char *s)
{
	return s[strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_:.-TZ")] ==
	    '\0';
}

/* Appends the values of json rows (one column each) to sd. */
static int
said_add(struct said *sd, json_t *rows)
{
	json_t		*row, *v;
	const char	*k;
	size_t		 i;
	char		**grown;

	grown = realloc(sd->values, (sd->n + json_array_size(rows) + 1) *
	    sizeof(*grown));
	if (grown == NULL)
		return -1;
	sd->values = grown;
	json_array_foreach(rows, i, row)
		json_object_foreach(row, k, v)
			if (json_is_string(v) && !identifier(json_string_value(v))
			    && (sd->values[sd->n] = collapsed(json_string_value(v),
			    json_string_length(v))) != NULL)
				sd->n++;
	return 0;
}

/* Each text column of a SQLite database as {t, c}: read with SQLite
 * itself, as the program's connection does not run pragmas. */
static json_t *
sqlite_text_columns(const char *path)
{
	sqlite3		*h;
	sqlite3_stmt	*st;
	json_t		*out = json_array();

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_prepare_v2(h, "SELECT m.name, p.name FROM "
	    "sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = "
	    "'table' AND upper(p.type) = 'TEXT'", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_close(h);
		json_decref(out);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:s, s:s}", "t",
		    (const char *)sqlite3_column_text(st, 0), "c",
		    (const char *)sqlite3_column_text(st, 1)));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return out;
}

int
said_load(struct said *sd, const struct server *s)
{
	struct db	 db;
	json_t		*columns, *col, *rows;
	char		 part[200], *sql;
	size_t		 i;
	int		 rc = 0;

	memset(sd, 0, sizeof(*sd));
	if ((sd->judged = calloc(1, sizeof(*sd->judged))) == NULL)
		return -1;
	if (db_open(&db, s->db, 5000) == -1)
		return -1;
	columns = server_on_pg(s) ? db_rows(&db, "SELECT table_name AS t, "
	    "column_name AS c FROM information_schema.columns WHERE "
	    "table_schema = current_schema() AND data_type = 'text'", "") :
	    sqlite_text_columns(s->db);
	/* One statement for them all: the layer caches a statement by
	 * the address of its text. */
	if ((sql = malloc(json_array_size(columns) * 200 + 1)) == NULL)
		rc = -1;
	else
		sql[0] = '\0';
	json_array_foreach(columns, i, col) {
		if (sql == NULL)
			break;
		snprintf(part, sizeof(part), "%sSELECT \"%s\" AS v FROM \"%s\" "
		    "WHERE \"%s\" IS NOT NULL", i > 0 ? " UNION ALL " : "",
		    json_string_value(json_object_get(col, "c")),
		    json_string_value(json_object_get(col, "t")),
		    json_string_value(json_object_get(col, "c")));
		strcat(sql, part);
	}
	if (sql != NULL && sql[0] != '\0') {
		rows = db_rows(&db, sql, "");
		if (rows == NULL || said_add(sd, rows) == -1)
			rc = -1;
		json_decref(rows);
	}
	free(sql);
	json_decref(columns);
	db_close(&db);
	if (columns == NULL)
		return -1;
	qsort(sd->values, sd->n, sizeof(*sd->values), by_text);
	if ((sd->longest = malloc((sd->n + 1) * sizeof(*sd->longest))) == NULL)
		return -1;
	memcpy(sd->longest, sd->values, sd->n * sizeof(*sd->longest));
	qsort(sd->longest, sd->n, sizeof(*sd->longest), by_length);
	return rc;
}

void
said_free(struct said *sd)
{
	size_t	 i;

	for (i = 0; i < sd->n; i++)
		free(sd->values[i]);
	free(sd->values);
	free(sd->longest);
	for (i = 0; sd->judged != NULL && i < JUDGED_SLOTS; i++)
		free(sd->judged->slot[i]);
	free(sd->judged);
	memset(sd, 0, sizeof(*sd));
}

/* 1 the first time text is judged, 0 after. */
static int
judged_first(struct said *sd, const char *text)
{
	uint32_t	 h = 2166136261u;
	const char	*p;
	char		**slot;

	for (p = text; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (;; h++) {
		slot = &sd->judged->slot[h % JUDGED_SLOTS];
		if (*slot == NULL)
			break;
		if (strcmp(*slot, text) == 0)
			return 0;
	}
	*slot = strdup(text);
	return 1;
}

/* Whether the underscore at s[at] is inside one of file_words. */
static int
file_word(const char *s, size_t at)
{
	size_t	 start = at, i;

	while (start > 0 && (islower((unsigned char)s[start - 1]) ||
	    s[start - 1] == '_'))
		start--;
	for (i = 0; file_words[i] != NULL; i++)
		if (strncmp(s + start, file_words[i], strlen(file_words[i])) == 0)
			return 1;
	return 0;
}

static int
has_english_word(const char *s)
{
	char	 word[16];
	size_t	 len, i;

	/* A name the program gives a thing inside ("expert_by_experience")
	 * is no word in any language: it must be worded; but for what a
	 * file that people upload must hold, which a hint names. */
	for (i = 0; s[i] != '\0'; i++)
		if (i > 0 && s[i] == '_' && islower((unsigned char)s[i - 1]) &&
		    islower((unsigned char)s[i + 1]) && !file_word(s, i))
			return 1;

	while (*s) {
		for (len = 0; isalpha((unsigned char)s[len]); len++)
			;
		if (len > 0 && len < sizeof(word)) {
			for (i = 0; i < len; i++)
				word[i] = (char)tolower((unsigned char)s[i]);
			word[len] = '\0';
			for (i = 0; english_words[i] != NULL; i++)
				if (strcmp(word, english_words[i]) == 0)
					return 1;
		}
		s += len > 0 ? len : 1;
	}
	return 0;
}

/* Whether text is a stored value or the start of one (a list shows the
 * first 160 characters). */
static int
stored(const struct said *sd, const char *text)
{
	size_t	 lo = 0, hi = sd->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(sd->values[mid], text) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sd->n && strncmp(sd->values[lo], text, strlen(text)) == 0;
}

/* Blanks out of text every stored value in it as a whole word or more,
 * the longest first (a wing's name inside a sentence someone wrote),
 * and text itself when it lies inside one (a paragraph of a longer
 * text). */
static void
unwritten(const struct said *sd, char *text)
{
	const char	*v;
	size_t		 i, len;
	char		*p, *from;

	for (i = 0; i < sd->n; i++) {
		if (strstr(sd->values[i], text) != NULL) {
			text[0] = '\0';
			return;
		}
	}
	for (i = 0; i < sd->n; i++) {
		v = sd->longest[i];
		if ((len = strlen(v)) < 3)
			break;
		/* The start of a long text, where a list shows only that. */
		if (len > SHOWN_FROM_CHARS && (p = memmem(text, strlen(text), v,
		    SHOWN_FROM_CHARS)) != NULL) {
			size_t	 k;

			for (k = 0; p[k] != '\0' && p[k] == v[k]; k++)
				;
			memset(p, ' ', k);
		}
		/* "because the staircase": a reason starts a clause. */
		for (from = text; (p = strcasestr(from, v)) != NULL;
		    from = p + 1) {
			if ((p > text && isalpha((unsigned char)p[-1])) ||
			    isalpha((unsigned char)p[len]))
				continue;
			memset(p, ' ', len);
		}
	}
}

/* Decodes the entities the templates write, in place. */
static void
entities_decode(char *s)
{
	static const struct { const char *e; char c; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&#39;", '\'' }, { "&#x27;", '\'' },
		{ "&nbsp;", ' ' } };
	char	*p;
	size_t	 i, len;

	for (p = s; (p = strchr(p, '&')) != NULL; p++)
		for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
			len = strlen(named[i].e);
			if (strncmp(p, named[i].e, len) == 0) {
				*p = named[i].c;
				memmove(p + 1, p + len, strlen(p + len) + 1);
				break;
			}
		}
}

/* Judges one text of the page. */
static size_t
judge(struct said *sd, const char *s, size_t len,
    void (*found)(void *, const char *), void *ctx)
{
	char	*text;
	size_t	 n = 0;

	if (len > TEXT_CHARS_MAX)
		len = TEXT_CHARS_MAX;
	if ((text = collapsed(s, len)) == NULL)
		return 0;
	entities_decode(text);
	if (*text != '\0' && has_english_word(text) && !stored(sd, text) &&
	    judged_first(sd, text)) {
		char	*left = strdup(text);

		if (left != NULL) {
			unwritten(sd, left);
			if (has_english_word(left)) {
				found(ctx, text);
				n = 1;
			}
		}
		free(left);
	}
	free(text);
	return n;
}

/* The words of attribute name in the tag [tag, end), judged. */
static size_t
judge_attribute(struct said *sd, const char *tag, const char *end,
    const char *name, void (*found)(void *, const char *), void *ctx)
{
	char		 key[32];
	const char	*p, *q;

	snprintf(key, sizeof(key), " %s=\"", name);
	if ((p = strstr(tag, key)) == NULL || p > end)
		return 0;
	p += strlen(key);
	if ((q = strchr(p, '"')) == NULL || q > end)
		return 0;
	return judge(sd, p, (size_t)(q - p), found, ctx);
}

/* Where the element opened by tag (named name) ends, or NULL: for the
 * parts not judged. */
static const char *
element_end(const char *tag, const char *end)
{
	char	 name[16], close[24];
	size_t	 len;

	len = strspn(tag + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (len == 0 || len >= sizeof(name))
		return NULL;
	memcpy(name, tag + 1, len);
	name[len] = '\0';
	if (strcmp(name, "script") != 0 && strcmp(name, "style") != 0 &&
	    strcmp(name, "textarea") != 0 && strcmp(name, "svg") != 0) {
		const char	*lang = strstr(tag, " lang=\"");

		/* A part in English on purpose (the switch to it), but not
		 * what the page marks as written in English (a span, or a
		 * div round formatted text): that is judged as any text,
		 * against what people wrote. */
		if (lang == NULL || lang > end || strncmp(lang + 7, "cy\"",
		    3) == 0 || strcmp(name, "span") == 0 ||
		    strcmp(name, "div") == 0)
			return NULL;
	}
	snprintf(close, sizeof(close), "</%s>", name);
	return strstr(end, close);
}

size_t
english_find(struct said *sd, const char *html,
    void (*found)(void *, const char *), void *ctx)
{
	const char	*p = strstr(html, "<body"), *end, *skip;
	size_t		 n = 0;

	while (p != NULL && *p != '\0') {
		if (*p != '<') {
			end = strchr(p, '<');
			if (end == NULL)
				end = p + strlen(p);
			n += judge(sd, p, (size_t)(end - p), found, ctx);
			p = end;
			continue;
		}
		if ((end = strchr(p, '>')) == NULL)
			break;
		n += judge_attribute(sd, p, end, "aria-label", found, ctx);
		n += judge_attribute(sd, p, end, "alt", found, ctx);
		n += judge_attribute(sd, p, end, "placeholder", found, ctx);
		if ((skip = element_end(p, end)) != NULL)
			end = strchr(skip, '>');
		if (end == NULL)
			break;
		p = end + 1;
	}
	return n;
}
