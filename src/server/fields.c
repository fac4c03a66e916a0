#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/text.h"
#include "../util/view.h"

const char field_date_hint[] =
    N_("For example, 31/3/2026 (31 March 2026)");

const char *
choice_label(const struct choice *c, const char *value)
{
	for (; c != NULL && c->value != NULL; c++)
		if (value != NULL && strcmp(c->value, value) == 0)
			return c->label;
	return value;
}

void
choice_labels_add(json_t *row, const struct choice_column *cols, size_t n)
{
	const char	*v;
	char		 key[64];
	size_t		 i;

	for (i = 0; i < n; i++) {
		v = json_string_value(json_object_get(row, cols[i].column));
		if (v == NULL)
			continue;
		snprintf(key, sizeof(key), "%s_label", cols[i].column);
		json_object_set_new(row, key,
		    json_string(choice_label(cols[i].choices, v)));
	}
}

json_t *
choices_json(const struct choice *c)
{
	json_t	*a = json_array();

	for (; c != NULL && c->value != NULL; c++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "value",
		    c->value, "label", c->label));
	return a;
}

static void	label_lower(const struct field_spec *, char *, size_t);

/* An error for field f: msgid with {label} (its label, a message),
 * {what} (the label as English puts it inside a sentence) and any other
 * {name}s of extra (taken), filled in the reader's language when drawn. */
static int
error_add(json_t *errors, const struct field_spec *f, const char *msgid,
    json_t *extra)
{
	char	 what[128];
	json_t	*words;

	label_lower(f, what, sizeof(what));
	words = extra != NULL ? extra : json_object();
	json_object_set_new(words, "label", json_string(f->label));
	json_object_set_new(words, "what", json_string(what));
	form_error_words(errors, f->name, msgid, words);
	return 0;
}

static int
label_is_question(const struct field_spec *f)
{
	size_t	 len = strlen(f->label);

	return len > 0 && f->label[len - 1] == '?';
}

/* A lower-case first letter for labels used inside sentences.  A label
 * that is a question is quoted whole: "Select what is your ethnic
 * group? from the list" read as nonsense. */
static void
label_lower(const struct field_spec *f, char *out, size_t sz)
{
	if (label_is_question(f)) {
		snprintf(out, sz, "an answer to \u201c%s\u201d", f->label);
		return;
	}
	snprintf(out, sz, "%s", f->label);
	if (out[0] != '\0' && !(isupper((unsigned char)out[0]) &&
	    isupper((unsigned char)out[1])))
		out[0] = (char)tolower((unsigned char)out[0]);
}

static int
id_offered(const json_t *options, const char *name, int64_t id)
{
	const json_t	*list, *o;
	size_t		 i;

	list = options ? json_object_get(options, name) : NULL;
	json_array_foreach(list, i, o)
		if (view_int(o, "value") == id)
			return 1;
	return 0;
}

static int
time_valid(const char *v, size_t len)
{
	return len == 5 && v[2] == ':' && v[0] >= '0' && v[0] <= '2' &&
	    v[1] >= '0' && v[1] <= '9' && (v[0] < '2' || v[1] <= '3') &&
	    v[3] >= '0' && v[3] <= '5' && v[4] >= '0' && v[4] <= '9';
}

/* Several ids: every value must be offered; none repeated. */
static int
ids_check(const struct field_spec *f, const struct form *form,
    const json_t *options, json_t *values, json_t *errors)
{
	const char	*v;
	char		*end;
	json_t		*ids = json_array();
	long long	 id;
	size_t		 k, i;
	json_t		*seen;
	int		 bad = 0;

	for (k = 0; (v = form_get_nth(form, f->name, k)) != NULL; k++) {
		if (*v == '\0')
			continue;
		id = strtoll(v, &end, 10);
		if (*end != '\0' || id <= 0 || !id_offered(options, f->name, id)) {
			bad = 1;
			continue;
		}
		json_array_foreach(ids, i, seen)
			if (json_integer_value(seen) == id)
				break;
		if (i == json_array_size(ids))
			json_array_append_new(ids, json_integer(id));
	}
	json_object_set_new(values, f->name, ids);
	if (bad)
		return error_add(errors, f, N_("Select {what} from the list"),
		    NULL);
	if (f->required && json_array_size(ids) == 0)
		return error_add(errors, f, N_("Select at least one of the "
		    "{what}"), NULL);
	return 0;
}

/* The text value of f, when a whole number from its smallest (0, or 1
 * for FIELD_POSITIVE) to its largest, made an integer; else an error
 * naming the field. */
static int
whole_number_check(const struct field_spec *f, const char *s,
    json_t *values, json_t *errors)
{
	long	 min = f->kind == FIELD_POSITIVE ? 1 : 0, n;
	size_t	 i;

	for (i = 0; isdigit((unsigned char)s[i]) && i < 10; i++)
		;
	n = strtol(s, NULL, 10);
	if (s[i] == '\0' && i > 0 && n >= min &&
	    n <= (long)f->max_chars)
		return json_object_set_new(values, f->name, json_integer(n));
	return error_add(errors, f, N_("{label | t} must be a whole number "
	    "from {min} to {max}"), json_pack("{s:I, s:I}", "min",
	    (json_int_t)min, "max", (json_int_t)f->max_chars));
}

static int
field_check(const struct field_spec *f, const char *v, size_t len,
    const json_t *options, json_t *values, json_t *errors)
{
	char	*end, day[DATE_CHARS + 1];
	long long id;
	const struct choice *c;

	if (len == 0) {
		json_object_set_new(values, f->name, json_null());
		if (!f->required)
			return 0;
		return error_add(errors, f, f->kind == FIELD_CHOICE ||
		    f->kind == FIELD_ID ? N_("Select {what}") :
		    N_("Enter {what}"), NULL);
	}
	/* Echo what was typed, so a refused form comes back as it was. */
	if (f->kind != FIELD_PASSWORD)
		json_object_set_new(values, f->name, json_stringn(v, len));
	if (!text_printable(v, len, f->kind == FIELD_TEXTAREA ||
	    f->kind == FIELD_SHOWN_TEXTAREA))
		return error_add(errors, f, N_("{label | t}: there is a "
		    "hidden character that cannot be saved; remove it"), NULL);
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_TEXTAREA:
	case FIELD_SHOWN_TEXT:
	case FIELD_SHOWN_TEXTAREA:
	case FIELD_PASSWORD:
		if (utf8_length(v, len) > f->max_chars)
			return error_add(errors, f, N_("{label | t} must be "
			    "{max} characters or fewer"), json_pack("{s:I}",
			    "max", (json_int_t)f->max_chars));
		break;
	case FIELD_CHOICE:
		for (c = f->choices; c && c->value; c++)
			if (strlen(c->value) == len && memcmp(c->value, v, len) == 0)
				break;
		if (c == NULL || c->value == NULL)
			return error_add(errors, f, N_("Select {what} from "
			    "the list"), NULL);
		break;
	case FIELD_DATE:
		/* A browser with a date picker sends the stored form; one
		 * without lets people type the day, month and year. */
		if (!date_typed(v, day))
			return error_add(errors, f, N_("{label | t} must be a "
			    "real date: the day, month and year, like 31/3/2026 "
			    "(31 March 2026)"), NULL);
		return json_object_set_new(values, f->name, json_string(day));
	case FIELD_TIME:
		if (!time_valid(v, len))
			return error_add(errors, f, N_("{label | t} must be a "
			    "time, like 14:30"), NULL);
		break;
	case FIELD_WHOLE:
	case FIELD_POSITIVE:
		return whole_number_check(f, v, values, errors);
	case FIELD_MONTH:
		snprintf(day, sizeof(day), "%.7s-01", v);
		if (len != 7 || !date_valid(day))
			return error_add(errors, f, N_("{label | t} must be a "
			    "year and month, like 2026-11"), NULL);
		break;
	case FIELD_ID:
		id = strtoll(v, &end, 10);
		if (*end != '\0' || id <= 0 || !id_offered(options, f->name, id))
			return error_add(errors, f, N_("Select {what} from "
			    "the list"), NULL);
		return json_object_set_new(values, f->name, json_integer(id));
	default:
		break;
	}
	if (f->kind == FIELD_PASSWORD)
		return json_object_set_new(values, f->name, json_stringn(v, len));
	return 0;
}

/* The first error for field name, or NULL. */
static const json_t *
error_of(const json_t *errors, const char *name)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(errors, i, e)
		if (strcmp(json_string_value(json_object_get(e, "field")),
		    name) == 0)
			return e;
	return NULL;
}

void
fields_error_show(json_t *into, const json_t *error)
{
	json_object_set(into, "error", json_object_get(error, "message"));
	if (json_object_get(error, "words") == NULL)
		return;
	json_object_set(into, "error_msgid", json_object_get(error, "msgid"));
	json_object_set(into, "error_words", json_object_get(error, "words"));
}

void
fields_error_beside(json_t *o, const char *name, int has_hint,
    const json_t *errors)
{
	const json_t	*e = error_of(errors, name);
	char		 ids[160];

	if (e != NULL)
		fields_error_show(o, e);
	if (!has_hint && e == NULL)
		return;
	snprintf(ids, sizeof(ids), "%s%s%s%s%s", has_hint ? name : "",
	    has_hint ? "-hint" : "", has_hint && e ? " " : "", e ? name : "",
	    e ? "-error" : "");
	json_object_set_new(o, "describedby", json_string(ids));
}

const char *
fields_error_for(const json_t *errors, const char *name)
{
	return json_string_value(json_object_get(error_of(errors, name),
	    "message"));
}

int
fields_names_check(json_t *errors, const char *field, const char *label,
    const char *text, int confirmed)
{
	const char	*why;

	if (confirmed || text == NULL || (why = text_identifying(text)) == NULL)
		return 0;
	form_error_words(errors, field, N_("{label | t} seems to contain {why "
	    "| t}. Rephrase it so no one can be identified, or tick \"I have "
	    "checked: it names no one\" if it does not"), json_pack("{s:s, "
	    "s:s}", "label", label, "why", why));
	return 1;
}

/* Every shown text of a form, unless its no-names box is ticked.  A field
 * already in error (too long, say) gets that error alone. */
static void
names_check_all(const struct field_spec *specs, size_t n,
    const json_t *values, json_t *errors)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (specs[i].kind == FIELD_NO_NAMES &&
		    json_is_true(json_object_get(values, specs[i].name)))
			return;
	for (i = 0; i < n; i++)
		if ((specs[i].kind == FIELD_SHOWN_TEXT ||
		    specs[i].kind == FIELD_SHOWN_TEXTAREA) &&
		    fields_error_for(errors, specs[i].name) == NULL)
			fields_names_check(errors, specs[i].name,
			    specs[i].label, json_string_value(
			    json_object_get(values, specs[i].name)), 0);
}

int
fields_validate(const struct field_spec *specs, size_t n,
    const struct form *form, const json_t *options, json_t **values,
    json_t **errors)
{
	const char	*v;
	char		*trimmed;
	size_t		 i, len;
	int		 rc;

	*values = json_object();
	*errors = json_array();
	if (*values == NULL || *errors == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		if (specs[i].kind == FIELD_IDS) {
			if (ids_check(&specs[i], form, options, *values,
			    *errors) == -1)
				goto oom;
			continue;
		}
		if (specs[i].kind == FIELD_CHECK ||
		    specs[i].kind == FIELD_NO_NAMES) {
			v = form_get(form, specs[i].name);
			json_object_set_new(*values, specs[i].name,
			    json_boolean(v != NULL && *v != '\0'));
			continue;
		}
		v = form_get(form, specs[i].name);
		if (v == NULL)
			v = "";
		len = strlen(v);
		/* Passwords keep their spaces: they are the user's secret. */
		if (specs[i].kind != FIELD_PASSWORD) {
			while (len > 0 && isspace((unsigned char)*v)) {
				v++;
				len--;
			}
			while (len > 0 && isspace((unsigned char)v[len - 1]))
				len--;
		}
		/* A terminated copy: the checks below read to the NUL. */
		if ((trimmed = strndup(v, len)) == NULL)
			goto oom;
		rc = field_check(&specs[i], trimmed, len, options, *values,
		    *errors);
		free(trimmed);
		if (rc == -1)
			goto oom;
	}
	names_check_all(specs, n, *values, *errors);
	return json_array_size(*errors) > 0;
oom:
	json_decref(*values);
	json_decref(*errors);
	*values = *errors = NULL;
	return -1;
}

/* Is id the value (FIELD_ID) or among the values (FIELD_IDS)? */
static int
id_chosen(const json_t *value, json_int_t id)
{
	const json_t	*v;
	size_t		 i;

	if (json_is_integer(value))
		return json_integer_value(value) == id;
	json_array_foreach(value, i, v)
		if (json_integer_value(v) == id)
			return 1;
	return 0;
}

static json_t *
options_view(const struct field_spec *f, const json_t *value,
    const json_t *options)
{
	const struct choice	*c;
	const json_t		*list, *o;
	json_t			*a = json_array(), *option;
	char			 s[32];
	size_t			 i;

	if (f->kind == FIELD_CHOICE) {
		for (c = f->choices; c && c->value; c++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:b}",
			    "value", c->value, "label", c->label, "selected",
			    json_is_string(value) &&
			    strcmp(json_string_value(value), c->value) == 0,
			    "own", 0));
		return a;
	}
	list = options ? json_object_get(options, f->name) : NULL;
	json_array_foreach(list, i, o) {
		snprintf(s, sizeof(s), "%lld", (long long)
		    view_int(o, "value"));
		/* Records' own names (a person, a service): shown as
		 * written, never looked up in the catalogue, where an
		 * account called "Administrator" would become Welsh; or
		 * worded from their values, given a msgid ("Question 2:
		 * ..."). */
		option = json_pack("{s:s, s:O, s:b, s:b}", "value", s,
		    "label", json_object_get(o, "label"), "selected",
		    id_chosen(value, view_int(o, "value")), "own", 1);
		/* Only where there is one: a list of thousands of people
		 * must not grow by a null apiece. */
		if (option != NULL && json_is_string(json_object_get(o,
		    "msgid"))) {
			json_object_set(option, "msgid", json_object_get(o,
			    "msgid"));
			json_object_set(option, "words", (json_t *)o);
		}
		json_array_append_new(a, option);
	}
	return a;
}

json_t *
fields_view(const struct field_spec *specs, size_t n, const json_t *values,
    const json_t *errors, const json_t *options)
{
	static const char *const kinds[FIELD__MAX] = {
		"is_text", "is_textarea", "is_select", "is_date", "is_select",
		"is_password", "is_checkboxes", "is_check", "is_time",
		"is_text", "is_textarea", "is_check", "is_text", "is_text",
		"is_text",
	};
	const struct field_spec	*f;
	const json_t		*v;
	json_t			*a = json_array(), *o;
	size_t			 i;

	for (i = 0; i < n; i++) {
		f = &specs[i];
		v = values ? json_object_get(values, f->name) : NULL;
		o = json_pack("{s:s, s:s, s:b, s:b}", "name", f->name,
		    "label", f->label, kinds[f->kind], 1, "required",
		    f->required);
		if (o == NULL)
			continue;
		if (f->hint != NULL)
			json_object_set_new(o, "hint", json_string(f->hint));
		if (f->autocomplete != NULL)
			json_object_set_new(o, "autocomplete",
			    json_string(f->autocomplete));
		fields_error_beside(o, f->name, f->hint != NULL, errors);
		if (json_is_string(v) && f->kind != FIELD_PASSWORD)
			json_object_set(o, "value", (json_t *)v);
		/* A number kept as an integer shows in its text box. */
		if (json_is_integer(v) && (f->kind == FIELD_TEXT ||
		    f->kind == FIELD_WHOLE || f->kind == FIELD_POSITIVE)) {
			char	 num[32];

			snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
			json_object_set_new(o, "value", json_string(num));
		}
		if (f->kind == FIELD_CHOICE || f->kind == FIELD_ID ||
		    f->kind == FIELD_IDS)
			json_object_set_new(o, "options",
			    options_view(f, v, options));
		/* An optional list's empty choice: "None" beside a
		 * question's own "No religion" reads as an answer. */
		if (f->kind == FIELD_CHOICE || f->kind == FIELD_ID)
			json_object_set_new(o, "empty", json_string(
			    f->required ? N_("Choose one") :
			    label_is_question(f) ? N_("Not answered") :
			    N_("None")));
		if (f->kind == FIELD_CHECK || f->kind == FIELD_NO_NAMES)
			json_object_set_new(o, "checked",
			    json_boolean(json_is_true(v)));
		json_array_append_new(a, o);
	}
	return a;
}

void
fields_dates_check(const struct field_spec *specs, size_t n,
    const json_t *values, const json_t *initial, const char *today,
    json_t *errors)
{
	const char	*day, *stored;
	size_t		 i;
	int		 order;

	for (i = 0; i < n; i++) {
		if ((specs[i].kind != FIELD_DATE &&
		    specs[i].kind != FIELD_MONTH) ||
		    specs[i].max_chars == DATE_ANY ||
		    fields_error_for(errors, specs[i].name) != NULL ||
		    (day = json_string_value(json_object_get(values,
		    specs[i].name))) == NULL)
			continue;
		/* A month is compared with today's month. */
		order = strncmp(day, today, strlen(day));
		if (specs[i].max_chars == DATE_HAPPENED && order > 0)
			error_add(errors, &specs[i], N_("{label | t} cannot be "
			    "in the future"), NULL);
		stored = json_string_value(json_object_get(initial,
		    specs[i].name));
		if (specs[i].max_chars == DATE_AHEAD && order < 0 &&
		    (stored == NULL || strcmp(stored, day) != 0))
			error_add(errors, &specs[i], N_("{label | t} cannot be "
			    "in the past: give today or a later day"), NULL);
	}
}
