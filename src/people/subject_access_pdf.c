/*
 * The subject access export drawn for the person to read: their details,
 * then every kind of record that holds something about them, each record
 * as label and value pairs, then what the audit chain says they did and
 * what was done to their record.  Drawn from the same JSON document the
 * export gives, so the two can never disagree: every field the export
 * holds is printed, under its name in the reader's language, with dates
 * and times in words ("4 November 2026", "4 Tachwedd 2026").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subject_access.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/uk_time.h"

/* A column's or table's name in the reader's words: its label (msgid,
 * from subject_access_labels.c) or, for a name without one, the name
 * with spaces for its underscores, so nothing stored is left out. */
static const char *
name_words(struct print_words *w, const char *msgid, const char *name)
{
	char		*spaced, *p;
	const char	*said;

	if (msgid != NULL)
		return print_say(w, msgid, NULL);
	if ((spaced = strdup(name)) == NULL)
		return "";
	for (p = spaced; *p != '\0'; p++)
		if (*p == '_')
			*p = ' ';
	said = print_say(w, spaced, NULL);
	free(spaced);
	return said;
}

/* Whether column holds an instant in unix seconds ("starts_at"). */
static int
instant_column(const char *column)
{
	size_t	 n = strlen(column);

	return n > 3 && strcmp(column + n - 3, "_at") == 0;
}

/* One value as the reader reads it, into out (sz bytes) or kept by w:
 * a date in words, an instant as the day and UK time, a number as it
 * is; NULL for a null (nothing to show). */
static const char *
value_words(struct print_words *w, const char *column, const json_t *v,
    char *out, size_t sz)
{
	int64_t	 t;

	if (json_is_string(v) && datetime_instant(json_string_value(v), &t))
		uk_words(t, w->words, out, sz);
	else if (json_is_string(v))
		return print_date(w, json_string_value(v));
	else if (json_is_integer(v) && instant_column(column))
		uk_words(json_integer_value(v), w->words, out, sz);
	else if (json_is_integer(v))
		snprintf(out, sz, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(out, sz, "%g", json_real_value(v));
	else
		return NULL;
	return out;
}

/* Every field of a record, each under its name in the reader's words. */
static void
draw_record(struct pdf *pdf, struct print_words *w, const json_t *row)
{
	const char	*key;
	json_t		*v;
	char		 value[64];

	json_object_foreach((json_t *)row, key, v)
		pdf_pair(pdf, name_words(w, subject_access_column_label(key),
		    key), value_words(w, key, v, value, sizeof(value)));
	pdf_rule(pdf);
}

static void
draw_records(struct pdf *pdf, struct print_words *w, const char *heading,
    const json_t *rows)
{
	json_t	*row;
	size_t	 i;

	if (json_array_size(rows) == 0)
		return;
	pdf_heading(pdf, heading, 2);
	json_array_foreach((json_t *)rows, i, row)
		draw_record(pdf, w, row);
}

/* Every word is the reader's: the labels of tables and columns too (the
 * JSON export keeps the database's own names). */
static void
subject_access_draw(struct pdf *pdf, struct print_words *w, const json_t *ex)
{
	const json_t	*t, *audit = json_object_get(ex, "audit");
	const char	*table;
	size_t		 i;

	pdf_heading(pdf, print_say(w, N_("What Roundtable holds about you"),
	    NULL), 1);
	pdf_paragraph(pdf, print_say(w, N_("This is everything this Roundtable "
	    "held about you on {exported_at | date}: your details, every "
	    "record that refers to you or to your account, and the audit "
	    "trail of what you did in it and of what was done to your record. "
	    "Numbers are the record numbers Roundtable uses. Ask the "
	    "coordinator if anything is unclear or wrong."), ex));
	pdf_heading(pdf, print_say(w, N_("Your details"), NULL), 2);
	draw_record(pdf, w, json_object_get(ex, "person"));
	json_array_foreach(json_object_get(ex, "tables"), i, t) {
		table = json_string_value(json_object_get(t, "table"));
		draw_records(pdf, w, name_words(w,
		    subject_access_table_label(table), table),
		    json_object_get(t, "rows"));
	}
	draw_records(pdf, w, print_say(w, N_("What you did (audit trail)"),
	    NULL), json_object_get(audit, "by_them"));
	draw_records(pdf, w, print_say(w, N_("What was done to your record "
	    "(audit trail)"), NULL), json_object_get(audit, "about_them"));
}

int
subject_access_print(struct buf *out, const json_t *ex,
    const struct catalogue *words, enum pdf_size size)
{
	struct print_words	 w;
	struct pdf		*pdf;

	print_words_init(&w, words, 0);
	pdf = print_pdf_new(&w, out, print_say(&w,
	    N_("What Roundtable holds about you"), NULL), size);
	subject_access_draw(pdf, &w, ex);
	print_words_free(&w);
	return pdf_finish(pdf);
}
