/*
 * A site's population, counted on a date: typed or pasted from a
 * spreadsheet as CSV, one line per count ("what, answer, number"): a
 * unit by its name, or a monitored characteristic by its key and one
 * of the monitoring instrument's answers.  The form starts with every
 * line the site can have, holding the latest counts, so staff fill in
 * numbers rather than remember the words.  Any line that does not fit
 * refuses the whole count (422 naming the field and the line), nothing
 * stored.  The same lines may come as a CSV file saved from a
 * spreadsheet (its first line of column names skipped).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "evidence.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../surveys/surveys.h"
#include "../util/buf.h"
#include "../util/text.h"
#include "../util/catalogue.h"
#include "../util/view.h"

#define F(...)	{ __VA_ARGS__ }
#define POPULATION_COUNT_MAX	1000000

static const struct field_spec population_fields[] = {
	F("counted_on", N_("Counted on"), FIELD_DATE, 1, DATE_HAPPENED, NULL,
	    field_date_hint, NULL),
	F("counts", N_("The counts"), FIELD_TEXTAREA, 0, POPULATION_CSV_MAX,
	    NULL, N_("One line each: what, answer, number. What is unit (then the "
	    "unit's name) or a characteristic: age, disability, "
	    "gender_reassignment, marriage, pregnancy, race, religion, sex, "
	    "sexual_orientation (for gender_reassignment, Yes means the gender "
	    "is the same as registered at birth). Leave a number empty to "
	    "skip the line. Saving replaces every count of that date."),
	    NULL),
};

static const struct form_file population_file = {
	"file", N_("Or upload the counts as a CSV file"),
	N_("Saved from a spreadsheet as CSV, with the same three columns: "
	"what, answer, number. A first line of column names is skipped. The "
	"file is used instead of the counts above, and replaces every count "
	"of that date."), ".csv,text/csv", 0,
};

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	/* A quoted cell: "Black, Black British, Caribbean or African". */
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		e[-1] = '\0';
		s++;
	}
	return s;
}

/* The unit of the site called name: its id as text into out, or 0. */
static int
unit_key(const json_t *units, const char *name, char *out, size_t sz)
{
	const json_t	*u;
	size_t		 i;

	json_array_foreach(units, i, u)
		if (strcasecmp(view_str(u, "name"), name) == 0) {
			snprintf(out, sz, "%lld", (long long)view_int(u, "id"));
			return 1;
		}
	return 0;
}

/* The answer as the item spells it, whatever the case typed (a
 * spreadsheet capitalises), or NULL; "prefer not to say" is no count of
 * a population. */
static const char *
answer_known(const struct monitoring_item *it, const char *answer)
{
	size_t	 i;

	for (i = 0; it->answers[i].value != NULL; i++)
		if (strcasecmp(it->answers[i].value, answer) == 0)
			return strcmp(it->answers[i].value,
			    MONITORING_NOT_SAY) != 0 ? it->answers[i].value :
			    NULL;
	return NULL;
}

/*
 * Line number n, "what, answer, number", into {dimension, category,
 * count}: the answer is everything between the first and the last
 * comma, so an answer with commas needs no quotes.  NULL with why added
 * to errors for field, worded where it is read.
 */
static json_t *
count_line(char *line, size_t n_line, const json_t *units, json_t *errors,
    const char *field)
{
	char		*first = strchr(line, ','), *last = strrchr(line, ',');
	const char	*answer, *number;
	char		 key[24], *end, *what, *c;
	long		 n;

	if (first == NULL || first == last) {
		form_error_words(errors, field, N_("Line {line}: it needs what, "
		    "answer and number, with commas"), json_pack("{s:I}", "line",
		    (json_int_t)n_line));
		return NULL;
	}
	*first = *last = '\0';
	what = trim(line);
	for (c = what; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	answer = trim(first + 1);
	number = trim(last + 1);
	if (*number == '\0')
		return json_null();	/* left empty: skipped */
	n = strtol(number, &end, 10);
	if (*end != '\0' || n < 0 || n > POPULATION_COUNT_MAX) {
		form_error_words(errors, field, N_("Line {line}: the number must "
		    "be a whole number from 0 to {max}"), json_pack("{s:I, s:i}",
		    "line", (json_int_t)n_line, "max", POPULATION_COUNT_MAX));
		return NULL;
	}
	if (strcmp(what, "unit") == 0) {
		if (!unit_key(units, answer, key, sizeof(key))) {
			form_error_words(errors, field, N_("Line {line}: the "
			    "site has no unit called {answer}"), json_pack(
			    "{s:I, s:s}", "line", (json_int_t)n_line, "answer",
			    answer));
			return NULL;
		}
		answer = key;
	} else if (monitoring_item_find(what) == NULL) {
		form_error_words(errors, field, N_("Line {line}: the first "
		    "column must be unit or a characteristic such as age or "
		    "race, not {what}"), json_pack("{s:I, s:s}", "line",
		    (json_int_t)n_line, "what", what));
		return NULL;
	} else if (answer_known(monitoring_item_find(what), answer) == NULL) {
		form_error_words(errors, field, N_("Line {line}: {answer} is "
		    "not one of the answers for {what}"), json_pack(
		    "{s:I, s:s, s:s}", "line", (json_int_t)n_line, "answer",
		    answer, "what", what));
		return NULL;
	} else
		answer = answer_known(monitoring_item_find(what), answer);
	return json_pack("{s:s, s:s, s:I}", "dimension", what, "category",
	    answer, "count", (json_int_t)n);
}

/*
 * The counts as text: an uploaded CSV file when one was sent (checked to
 * be text of at most POPULATION_CSV_MAX bytes, a spreadsheet's byte order
 * mark dropped), else the typed lines.  malloc'd, or NULL with an error
 * for the field that was wrong (or none: out of memory).
 */
static char *
population_text(struct request *rq, const json_t *v, json_t *errors,
    const char **field)
{
	const struct form_field	*file = form_get_file(&rq->body, "file");
	const char		*p;
	size_t			 n;

	*field = "counts";
	if (file == NULL || file->len == 0)
		return strdup(view_str(v, "counts"));
	*field = "file";
	p = file->value;
	n = file->len;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	if (n > POPULATION_CSV_MAX || memchr(p, '\0', n) != NULL ||
	    !utf8_valid(p, n)) {
		form_error(errors, "file", N_("The file must be a CSV file saved "
		    "from a spreadsheet, at most 200 lines"));
		return NULL;
	}
	return strndup(p, n);
}

/* A first line of column names ("what, answer, number") is not a count. */
static int
header_line(const char *line, size_t n)
{
	return n == 1 && strncasecmp(line, "what", 4) == 0;
}

static int
population_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*units = ctx;
	const char	*field, *t;
	char		*text, *line, *next;
	json_t		*rows = json_array(), *row, *seen = json_object();
	size_t		 n = 0;
	int		 rc;

	if ((text = population_text(rq, v, errors, &field)) == NULL &&
	    json_array_size(errors) > 0) {
		json_decref(rows);
		json_decref(seen);
		return DB_CONSTRAINT;
	}
	if (text == NULL || rows == NULL || seen == NULL) {
		free(text);
		json_decref(rows);
		json_decref(seen);
		return DB_ERROR;
	}
	for (line = text; line != NULL && json_array_size(errors) == 0;
	    line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n++;
		if (*(t = trim(line)) == '\0' || header_line(t, n))
			continue;
		/* NULL: its error is added; null: left empty, skipped. */
		row = count_line(line, n, units, errors, field);
		if (json_is_object(row)) {
			char	 k[300];

			snprintf(k, sizeof(k), "%s\t%s", view_str(row,
			    "dimension"), view_str(row, "category"));
			if (json_object_get(seen, k) != NULL)
				form_error_words(errors, field, N_("Line "
				    "{line}: that answer is counted twice"),
				    json_pack("{s:I}", "line", (json_int_t)n));
			json_object_set_new(seen, k, json_true());
			json_array_append(rows, row);
		}
		json_decref(row);
	}
	if (json_array_size(errors) == 0 && json_array_size(rows) == 0)
		form_error(errors, field, N_("Enter at least one number"));
	if (json_array_size(rows) > POPULATION_ROWS_MAX)
		form_error(errors, field, N_("Too many lines: at most 200"));
	rc = json_array_size(errors) > 0 ? DB_CONSTRAINT : population_save(
	    rq->db, rq->who.account_id, rq->ids[0], view_str(v, "counted_on"),
	    rows);
	if (rc == DB_OK)
		*location = location_of("/sites/%lld/evidence", rq->ids[0]);
	free(text);
	json_decref(rows);
	json_decref(seen);
	return rc;
}

/* One line of the form, with its latest count when there is one. */
static int
population_line(struct buf *b, const json_t *pop, const char *what,
    const char *answer, const char *category)
{
	const json_t	*row;
	size_t		 r;

	json_array_foreach(pop, r, row)
		if (strcmp(view_str(row, "dimension"), what) == 0 &&
		    strcmp(view_str(row, "category"), category) == 0)
			return buf_printf(b, "%s, %s, %lld\n", what, answer,
			    (long long)view_int(row, "count"));
	return buf_printf(b, "%s, %s, \n", what, answer);
}

/* Every line the site can have, with the latest counts. */
static char *
population_lines(struct db *db, int64_t site, const json_t *units)
{
	struct evidence_scope		 s = { site, 0 };
	const struct monitoring_item	*it;
	struct buf			 b;
	json_t				*pop, *u;
	char				 counted_on[DATE_CHARS + 1], id[24];
	size_t				 i, k;
	int				 rc = 0;

	if ((pop = evidence_population(db, &s, "9999-12-31", counted_on)) ==
	    NULL)
		return NULL;
	buf_init(&b, POPULATION_ROWS_MAX * 120);
	json_array_foreach(units, i, u) {
		snprintf(id, sizeof(id), "%lld", (long long)view_int(u, "id"));
		rc |= population_line(&b, pop, "unit", view_str(u, "name"), id);
	}
	for (k = 0; k < monitoring_items_count; k++)
		for (it = &monitoring_items[k], i = 0;
		    it->answers[i].value != NULL; i++)
			if (strcmp(it->answers[i].value, MONITORING_NOT_SAY))
				rc |= population_line(&b, pop, it->key,
				    it->answers[i].value, it->answers[i].value);
	json_decref(pop);
	if (rc != 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static json_t *
population_prepare(struct request *rq, struct response *rs, json_t *site,
    struct form_page *fp, int *refused)
{
	json_t	*units, *kept;
	char	*lines, today[DATE_CHARS + 1];

	(void)site;
	*refused = 0;
	if ((units = unit_list(rq->db, rq->ids[0])) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		*refused = 1;
		return NULL;
	}
	date_today(rq->now, today);
	lines = population_lines(rq->db, rq->ids[0], units);
	kept = json_pack("{s:o, s:{s:s, s:s}}", "units", units, "initial",
	    "counted_on", today, "counts", lines ? lines : "");
	free(lines);
	fp->ctx = json_object_get(kept, "units");
	return form_page_keep(fp, kept);
}

void
population_form(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		site_load, "/sites/%lld/evidence", "name", population_prepare,
	};
	struct form_page fp = {
		.title = N_("The site's population"),
		.submit = N_("Save the count"),
		.fields = population_fields,
		.nfields = FIELDS_COUNT(population_fields),
		.save = population_store,
		.file = &population_file,
	};

	form_page_record(rq, rs, &fp, &fr);
}
