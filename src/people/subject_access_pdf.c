/*
 * The subject access export drawn for the person to read: their details,
 * then every kind of record that holds something about them, each record
 * as label and value pairs, then what the audit chain says they did and
 * what was done to their record.  Drawn from the same JSON document the
 * export gives, so the two can never disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "subject_access.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../util/catalogue.h"

/* One value as text; NULL for a null (nothing to show). */
static void
draw_value(struct pdf *pdf, const char *label, const json_t *v)
{
	if (json_is_string(v))
		pdf_pair(pdf, label, json_string_value(v));
	else if (json_is_integer(v))
		pdf_pairf(pdf, label, "%lld",
		    (long long)json_integer_value(v));
	else if (json_is_real(v))
		pdf_pairf(pdf, label, "%g", json_real_value(v));
}

static void
draw_record(struct pdf *pdf, const json_t *row)
{
	const char	*key;
	json_t		*v;

	json_object_foreach((json_t *)row, key, v)
		draw_value(pdf, key, v);
	pdf_rule(pdf);
}

/* heading: a table's name, shown with spaces for its underscores. */
static void
draw_records(struct pdf *pdf, const char *heading, const json_t *rows)
{
	json_t	*row;
	char	*words, *p;
	size_t	 i;

	if (json_array_size(rows) == 0 || (words = strdup(heading)) == NULL)
		return;
	for (p = words; *p != '\0'; p++)
		if (*p == '_')
			*p = ' ';
	pdf_heading(pdf, words, 2);
	free(words);
	json_array_foreach((json_t *)rows, i, row)
		draw_record(pdf, row);
}

/* The words around the records are the reader's; the tables' and
 * columns' names are the database's own, as the JSON export has them. */
static void
subject_access_draw(struct pdf *pdf, struct print_words *w, const json_t *ex)
{
	const json_t	*t, *audit = json_object_get(ex, "audit");
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
	draw_record(pdf, json_object_get(ex, "person"));
	json_array_foreach(json_object_get(ex, "tables"), i, t)
		draw_records(pdf, json_string_value(json_object_get(t,
		    "table")), json_object_get(t, "rows"));
	draw_records(pdf, print_say(w, N_("What you did (audit trail)"), NULL),
	    json_object_get(audit, "by_them"));
	draw_records(pdf, print_say(w, N_("What was done to your record "
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
