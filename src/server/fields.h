/*
 * Typed form fields: one table per form says each field's name, label,
 * kind, whether it is required, its length limit and its allowed values.
 * The same table validates input (fields_validate) and draws the form
 * (fields_view), so the two cannot disagree.  Handlers read only the
 * checked values.
 *
 * Values come back as a JSON object: strings trimmed of surrounding white
 * space, NULL (json null) for an empty optional field, integers for
 * FIELD_ID, an array of integers for FIELD_IDS, true/false for FIELD_CHECK.  Errors are an array of {field, message, href} in field order,
 * empty when everything is valid.  Both are new references.
 */
#ifndef RT_FIELDS_H
#define RT_FIELDS_H

#include <jansson.h>
#include <stddef.h>

#include "request.h"

enum field_kind {
	FIELD_TEXT,
	FIELD_TEXTAREA,
	FIELD_CHOICE,	/* one of choices[] */
	FIELD_DATE,	/* YYYY-MM-DD */
	FIELD_ID,	/* one of the ids offered in options[name] */
	FIELD_PASSWORD,	/* never echoed back */
	FIELD_IDS,	/* several of the ids offered: an array of integers */
	FIELD_CHECK,	/* one tick box: true or false */
	FIELD_TIME,	/* HH:MM, 24-hour */
	/*
	 * Free text that members see or that is printed (a poster, minutes,
	 * a notice): like TEXT and TEXTAREA, and refused when it seems to
	 * name someone or give a prison, NHS or phone number, unless the
	 * form's FIELD_NO_NAMES box is ticked.  Declaring the kind is all a
	 * form needs; a form without the box cannot be confirmed at all.
	 */
	FIELD_SHOWN_TEXT,
	FIELD_SHOWN_TEXTAREA,
	FIELD_NO_NAMES,	/* the "I have checked: it names no one" box */
	/* A whole number from 0 to max_chars (here the largest value, not
	 * a length), typed in a box: an integer value.  Checked with the
	 * other fields, so its error shows with theirs. */
	FIELD_WHOLE,
	FIELD_POSITIVE,	/* the same from 1: a count that cannot be none */
	FIELD_MONTH,	/* YYYY-MM, typed in a box; max_chars as DATE's */
	FIELD__MAX
};

struct choice {
	const char	*value;
	const char	*label;
};

/* A date field's hint: the day, month and year as people type them and
 * in words, as the error for a date not real says (fields.c); never the
 * stored form.  An array, so a field table's initialiser can name it. */
extern const char field_date_hint[];

struct field_spec {
	const char		*name;
	const char		*label;
	enum field_kind		 kind;
	int			 required;
	size_t			 max_chars;	/* TEXT, TEXTAREA, PASSWORD;
						   WHOLE, POSITIVE: the
						   largest value;
						   DATE, MONTH: which days
						   make sense (DATE_ANY...) */
	const struct choice	*choices;	/* CHOICE: ends with {NULL} */
	const char		*hint;
	const char		*autocomplete;	/* HTML autocomplete token, or NULL */
};

/*
 * What a FIELD_DATE (or FIELD_MONTH) means, in its max_chars: any day;
 * a day something happened on (held, counted, incurred: not after
 * today); or a day set now for something to be done by (not before
 * today, unless it is the day the record already holds, so an old record
 * whose day has passed stays editable).
 * Checked by fields_dates_check, with the other fields' errors.
 */
#define DATE_ANY	0
#define DATE_HAPPENED	1
#define DATE_AHEAD	2

#define FIELDS_COUNT(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * options: for FIELD_ID fields, an object mapping the field name to an
 * array of {value: id, label}; may be NULL when there are none.
 * Returns 0 when valid, 1 when not, -1 when out of memory.
 */
int	 fields_validate(const struct field_spec *, size_t n,
	    const struct form *, const json_t *options,
	    json_t **values, json_t **errors);

/* The form as the templates draw it (see templates/form_fields.html). */
json_t	*fields_view(const struct field_spec *, size_t n,
	    const json_t *values, const json_t *errors, const json_t *options);

/*
 * The DATE_HAPPENED and DATE_AHEAD rules of the table's dates: adds an
 * error naming the field for a day after today (HAPPENED) or before
 * today (AHEAD) unless, for AHEAD, it is the day stored (initial's value
 * for the field; initial may be NULL).  A field already in error is left
 * alone.  form_page_run and form_page_validate call it; a handler that
 * calls fields_validate itself calls it after.
 */
void	 fields_dates_check(const struct field_spec *, size_t n,
	    const json_t *values, const json_t *initial, const char *today,
	    json_t *errors);

/* The box every form with FIELD_SHOWN_* fields declares, named no_names. */
#define FIELD_NO_NAMES_BOX	{ "no_names", "I have checked: it names no "	\
	"one", FIELD_NO_NAMES, 0, 0, NULL, NULL, NULL }

/*
 * The names check for one text outside a field table (minutes per item,
 * survey answers): adds an error for field, naming label, when text seems
 * to identify someone and confirmed is 0.  Returns 1 when it added one.
 */
int	 fields_names_check(json_t *errors, const char *field,
	    const char *label, const char *text, int confirmed);

/* Sets error (into's message, for JSON) and, for a message with values
 * (form_error_words), error_msgid and error_words, which
 * templates/error_text.html fills in the reader's language. */
void	 fields_error_show(json_t *into, const json_t *error);
/* A box's error beside it, as fields.html draws it: the first error for
 * name shown in o (fields_error_show) and o's describedby naming its
 * hint (when it has one) and that error. */
void	 fields_error_beside(json_t *o, const char *name, int has_hint,
	    const json_t *errors);
/* The message of the first error for field name, or NULL. */
const char *fields_error_for(const json_t *errors, const char *name);

/* A column of rows that holds one of a choice list's values. */
struct choice_column {
	const char		*column;
	const struct choice	*choices;
};

/* Adds "<column>_label" to row for each of the n columns it holds as a
 * string (in place), so pages show words, not stored values. */
void	 choice_labels_add(json_t *row, const struct choice_column *, size_t n);

/* The label for value in a choice list, or value itself. */
const char *choice_label(const struct choice *, const char *value);
/* The choices as an array of {value, label}, for views. */
json_t	*choices_json(const struct choice *);

#endif
