/* src/server/fields.h: validation of typed form fields and their view. */
#include "unit.h"

#include "server/fields.h"

static const struct choice kinds[] = {
	{ "prison", "Prison" },
	{ "hospital", "Secure hospital" },
	{ NULL, NULL },
};

#define SPEC(n, l, k, req, max, ch, h) { .name = (n), .label = (l), \
	.kind = (k), .required = (req), .max_chars = (max), .choices = (ch), \
	.hint = (h) }

static const struct field_spec specs[] = {
	SPEC("name", "Name", FIELD_TEXT, 1, 5, NULL, "Up to five letters"),
	SPEC("notes", "Notes", FIELD_TEXTAREA, 0, 10, NULL, NULL),
	SPEC("kind", "Kind of site", FIELD_CHOICE, 1, 0, kinds, NULL),
	SPEC("opened_on", "Opened on", FIELD_DATE, 1, 0, NULL, NULL),
	SPEC("site_id", "Site", FIELD_ID, 0, 0, NULL, NULL),
	SPEC("password", "Password", FIELD_PASSWORD, 0, 8, NULL, NULL),
};
#define NSPECS	FIELDS_COUNT(specs)

enum { F_NAME, F_NOTES, F_KIND, F_OPENED, F_SITE, F_PASSWORD };

struct run {
	struct form	 form;
	json_t		*options;
	json_t		*values;
	json_t		*errors;
	int		 rc;
};

static int
setup(void **state)
{
	struct run	*r = calloc(1, sizeof(*r));

	if (r == NULL)
		return -1;
	r->options = json_pack("{s:[{s:i, s:s}, {s:i, s:s}]}", "site_id",
	    "value", 3, "label", "North", "value", 17, "label", "South");
	*state = r;
	return r->options == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct run	*r = *state;

	form_clear(&r->form);
	json_decref(r->options);
	json_decref(r->values);
	json_decref(r->errors);
	free(r);
	return 0;
}

static void
put(struct run *r, const char *name, const char *value)
{
	assert_int_equal(form_add(&r->form, name, strlen(name), value,
	    strlen(value)), 0);
}

/* A form that passes, less the field named skip. */
static void
put_valid(struct run *r, const char *skip)
{
	if (strcmp(skip, "name") != 0)
		put(r, "name", "Ann");
	if (strcmp(skip, "kind") != 0)
		put(r, "kind", "prison");
	if (strcmp(skip, "opened_on") != 0)
		put(r, "opened_on", "2024-02-29");
}

static void
validate(struct run *r)
{
	json_decref(r->values);
	json_decref(r->errors);
	r->rc = fields_validate(specs, NSPECS, &r->form, r->options,
	    &r->values, &r->errors);
	assert_int_not_equal(r->rc, -1);
	assert_non_null(r->values);
	assert_non_null(r->errors);
	assert_int_equal(r->rc, json_array_size(r->errors) > 0);
}

static const char *
str(const json_t *values, const char *name)
{
	return json_string_value(json_object_get(values, name));
}

/* The message of the error for field, or NULL. */
static const char *
error_of(const struct run *r, const char *field)
{
	const json_t	*e;
	size_t		 i;

	json_array_foreach(r->errors, i, e)
		if (strcmp(json_string_value(json_object_get(e, "field")),
		    field) == 0)
			return json_string_value(json_object_get(e, "message"));
	return NULL;
}

/* Validates one value of one field with the rest valid: its error. */
static const char *
try_one(struct run *r, const char *field, const char *value)
{
	form_clear(&r->form);
	put_valid(r, field);
	put(r, field, value);
	validate(r);
	return error_of(r, field);
}

static void
assert_error_names(const char *msg, const char *label)
{
	assert_non_null(msg);
	if (strcasestr(msg, label) == NULL)
		fail_msg("error \"%s\" does not name the field \"%s\"", msg,
		    label);
}

static void
test_valid_form(void **state)
{
	struct run	*r = *state;

	put_valid(r, "");
	put(r, "notes", "one\r\ntwo");
	put(r, "site_id", "17");
	put(r, "password", "secret");
	validate(r);
	assert_int_equal(r->rc, 0);
	assert_int_equal(json_array_size(r->errors), 0);
	assert_string_equal(str(r->values, "name"), "Ann");
	assert_string_equal(str(r->values, "notes"), "one\r\ntwo");
	assert_string_equal(str(r->values, "kind"), "prison");
	assert_string_equal(str(r->values, "opened_on"), "2024-02-29");
	assert_true(json_is_integer(json_object_get(r->values, "site_id")));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "site_id")), 17);
	assert_string_equal(str(r->values, "password"), "secret");
}

static void
test_required_and_optional(void **state)
{
	struct run	*r = *state;
	const json_t	*e;
	size_t		 i;

	/* Nothing sent at all. */
	validate(r);
	assert_int_equal(r->rc, 1);
	assert_int_equal(json_array_size(r->errors), 3);
	/* Errors come in field order, each with its anchor. */
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    r->errors, 0), "field")), "name");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    r->errors, 1), "field")), "kind");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    r->errors, 2), "field")), "opened_on");
	json_array_foreach(r->errors, i, e) {
		char	 href[64];

		snprintf(href, sizeof(href), "#%s", json_string_value(
		    json_object_get(e, "field")));
		assert_string_equal(json_string_value(json_object_get(e,
		    "href")), href);
	}
	/* Optional empty fields are null, never an error. */
	assert_true(json_is_null(json_object_get(r->values, "notes")));
	assert_true(json_is_null(json_object_get(r->values, "site_id")));
	assert_true(json_is_null(json_object_get(r->values, "password")));
	assert_null(error_of(r, "notes"));
	assert_null(error_of(r, "site_id"));
	assert_null(error_of(r, "password"));
	/* Only white space is empty. */
	assert_non_null(try_one(r, "name", "  \t "));
	assert_true(json_is_null(json_object_get(r->values, "name")));
}

static void
test_trimming(void **state)
{
	struct run	*r = *state;

	put(r, "name", "  Ann \t");
	put(r, "kind", " hospital ");
	put(r, "opened_on", "2000-02-29");
	put(r, "notes", "\n  two\nlines \n");
	validate(r);
	assert_int_equal(r->rc, 0);
	assert_string_equal(str(r->values, "name"), "Ann");
	assert_string_equal(str(r->values, "kind"), "hospital");
	assert_string_equal(str(r->values, "notes"), "two\nlines");
	/* Spaces around count neither against max_chars. */
	assert_null(try_one(r, "name", "   abcde   "));
	assert_string_equal(str(r->values, "name"), "abcde");
}

static void
test_trimming_dates_and_ids(void **state)
{
	struct run	*r = *state;

	/* Leading white space is trimmed before the check. */
	assert_null(try_one(r, "opened_on", "  2024-02-29"));
	assert_string_equal(str(r->values, "opened_on"), "2024-02-29");
	assert_null(try_one(r, "site_id", " 3"));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "site_id")), 3);
}

/* Trailing white space must be trimmed too: the refused form would show
 * the trimmed date back, leaving the user nothing to correct. */
static void
test_trailing_space_date(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "opened_on", "2024-02-29 "));
	assert_string_equal(str(r->values, "opened_on"), "2024-02-29");
	assert_null(try_one(r, "opened_on", "2024-02-29\r\n"));
}

static void
test_trailing_space_id(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "site_id", "3 "));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "site_id")), 3);
}

static void
test_passwords_keep_spaces(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "password", " pa ss "));
	assert_string_equal(str(r->values, "password"), " pa ss ");
}

static void
test_max_chars_utf8(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "name", "abcde"));
	assert_error_names(try_one(r, "name", "abcdef"), "Name");
	assert_non_null(strstr(error_of(r, "name"), "5 characters"));
	/* Characters, not bytes. */
	assert_null(try_one(r, "name", "h\xc3\xa9llo"));	/* 6 bytes */
	assert_string_equal(str(r->values, "name"), "h\xc3\xa9llo");
	assert_null(try_one(r, "name", "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
	    "\xe2\x82\xac\xe2\x82\xac"));			/* 15 bytes */
	assert_null(try_one(r, "name", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80"));
	assert_non_null(try_one(r, "name", "h\xc3\xa9llo!"));
	assert_non_null(try_one(r, "name", "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
	    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"));
	/* Textareas and passwords have their limits too. */
	assert_null(try_one(r, "notes", "0123456789"));
	assert_error_names(try_one(r, "notes", "0123456789a"), "Notes");
	assert_null(try_one(r, "password", "12345678"));
	assert_error_names(try_one(r, "password", "123456789"), "Password");
}

static void
test_choices(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "kind", "hospital"));
	assert_string_equal(str(r->values, "kind"), "hospital");
	assert_error_names(try_one(r, "kind", "school"), "kind of site");
	assert_non_null(try_one(r, "kind", "Prison"));		/* exact */
	assert_non_null(try_one(r, "kind", "priso"));		/* prefix */
	assert_non_null(try_one(r, "kind", "prisons"));
	assert_non_null(try_one(r, "kind", "Secure hospital"));	/* label */
	assert_error_names(try_one(r, "kind", ""), "kind of site");
	assert_string_equal(choice_label(kinds, "hospital"), "Secure hospital");
	assert_string_equal(choice_label(kinds, "other"), "other");
	assert_null(choice_label(kinds, NULL));
}

/* A label that is a question is quoted whole in its errors (review D6:
 * "Select what is your ethnic group? from the list"). */
static void
test_question_labels_are_quoted(void **state)
{
	static const struct field_spec q[] = {
		SPEC("race", "What is your ethnic group?", FIELD_CHOICE, 1, 0,
		    kinds, NULL),
	};
	struct run	*r = *state;
	const char	*msg;

	form_clear(&r->form);
	put(r, "race", "Martian");
	json_decref(r->values);
	json_decref(r->errors);
	assert_int_equal(fields_validate(q, 1, &r->form, NULL, &r->values,
	    &r->errors), 1);
	msg = error_of(r, "race");
	assert_non_null(msg);
	assert_string_equal(msg, "Select an answer to \u201cWhat is your "
	    "ethnic group?\u201d from the list");
}

static void
test_choices_json(void **state)
{
	json_t	*a;

	(void)state;
	a = choices_json(kinds);
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(a, 1), "value")), "hospital");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(a, 1), "label")), "Secure hospital");
	json_decref(a);
}

static void
test_dates(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "opened_on", "2024-02-29"));
	assert_null(try_one(r, "opened_on", "2000-02-29"));
	assert_error_names(try_one(r, "opened_on", "2025-02-29"), "Opened on");
	assert_non_null(try_one(r, "opened_on", "2100-02-29"));
	assert_non_null(try_one(r, "opened_on", "2026-04-31"));
	/* The day, month and year as typed, where no date picker is. */
	assert_null(try_one(r, "opened_on", "29/02/2024"));
	assert_non_null(try_one(r, "opened_on", "29/02/2025"));
	assert_non_null(try_one(r, "opened_on", "2024-2-29"));
	assert_non_null(try_one(r, "opened_on", "tomorrow"));
	assert_non_null(try_one(r, "opened_on", "2024-02-29x"));
}

static void
test_ids_only_offered(void **state)
{
	struct run	*r = *state;

	assert_null(try_one(r, "site_id", "3"));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "site_id")), 3);
	assert_null(try_one(r, "site_id", "17"));
	assert_error_names(try_one(r, "site_id", "4"), "site");
	assert_non_null(try_one(r, "site_id", "0"));
	assert_non_null(try_one(r, "site_id", "-3"));
	assert_non_null(try_one(r, "site_id", "3x"));
	assert_non_null(try_one(r, "site_id", "3.0"));
	assert_non_null(try_one(r, "site_id", "x3"));
	assert_non_null(try_one(r, "site_id", "North"));
	assert_non_null(try_one(r, "site_id", "99999999999999999999999"));
	/* The refused value is echoed as typed, not as a number. */
	assert_non_null(try_one(r, "site_id", "4"));
	assert_string_equal(str(r->values, "site_id"), "4");
}

static void
test_ids_without_options(void **state)
{
	struct run	*r = *state;

	json_decref(r->options);
	r->options = NULL;
	assert_non_null(try_one(r, "site_id", "3"));
	r->options = json_pack("{s:[]}", "other");
	assert_non_null(try_one(r, "site_id", "3"));
}

static void
test_control_characters(void **state)
{
	struct run	*r = *state;

	assert_error_names(try_one(r, "name", "A\x01nn"), "Name");
	assert_non_null(strstr(error_of(r, "name"), "hidden character"));
	assert_non_null(try_one(r, "name", "A\x1b[2Jn"));
	assert_non_null(try_one(r, "name", "A\x7fn"));
	assert_non_null(try_one(r, "name", "An\nn"));		/* not multiline */
	assert_non_null(try_one(r, "name", "An\rn"));
	assert_null(try_one(r, "name", "A\tn"));		/* tab is fine */
	assert_null(try_one(r, "notes", "a\nb\r\nc"));
	assert_error_names(try_one(r, "notes", "a\x02"), "Notes");
	assert_error_names(try_one(r, "kind", "pri\x01son"), "kind of site");
	assert_error_names(try_one(r, "opened_on", "2024\x08-02-29"),
	    "Opened on");
	assert_error_names(try_one(r, "password", "pa\x03ss"), "Password");
	assert_error_names(try_one(r, "site_id", "3\x01"), "Site");
}

/* Every error message names its field, whatever went wrong. */
static void
test_messages_name_label(void **state)
{
	struct run	*r = *state;

	assert_error_names(try_one(r, "name", ""), "name");
	assert_error_names(try_one(r, "kind", ""), "kind of site");
	assert_error_names(try_one(r, "opened_on", ""), "opened on");
}

static void
test_label_acronym_kept(void **state)
{
	static const struct field_spec s[] = {
		SPEC("url", "URL of the site", FIELD_TEXT, 1, 10, NULL, NULL),
		SPEC("place", "Place", FIELD_TEXT, 1, 10, NULL, NULL),
	};
	struct form	 f = { NULL, 0 };
	json_t		*values, *errors;
	const char	*m;

	(void)state;
	assert_int_equal(fields_validate(s, 2, &f, NULL, &values, &errors), 1);
	m = json_string_value(json_object_get(json_array_get(errors, 0),
	    "message"));
	assert_string_equal(m, "Enter URL of the site");
	m = json_string_value(json_object_get(json_array_get(errors, 1),
	    "message"));
	assert_string_equal(m, "Enter place");
	json_decref(values);
	json_decref(errors);
}

static void
test_values_echo_on_error(void **state)
{
	struct run	*r = *state;

	put(r, "name", " far too long ");
	put(r, "kind", "school");
	put(r, "opened_on", "2025-02-29");
	put(r, "notes", "ok");
	put(r, "site_id", "99");
	put(r, "password", "pa\x01ss");
	validate(r);
	assert_int_equal(r->rc, 1);
	assert_int_equal(json_array_size(r->errors), 5);
	assert_string_equal(str(r->values, "name"), "far too long");
	assert_string_equal(str(r->values, "kind"), "school");
	assert_string_equal(str(r->values, "opened_on"), "2025-02-29");
	assert_string_equal(str(r->values, "notes"), "ok");
	assert_string_equal(str(r->values, "site_id"), "99");
	/* A refused password is not kept. */
	assert_null(str(r->values, "password"));
}

/* The view entry for the field called name. */
static const json_t *
view_of(const json_t *view, const char *name)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(view, i, o)
		if (strcmp(json_string_value(json_object_get(o, "name")),
		    name) == 0)
			return o;
	fail_msg("no field %s in the view", name);
	return NULL;
}

static int
selected(const json_t *field, const char *value)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(json_object_get(field, "options"), i, o)
		if (strcmp(json_string_value(json_object_get(o, "value")),
		    value) == 0)
			return json_is_true(json_object_get(o, "selected"));
	fail_msg("no option %s", value);
	return -1;
}

static void
test_view_errors(void **state)
{
	struct run	*r = *state;
	json_t		*view;
	const json_t	*f;

	put(r, "name", "<script>toolong");
	put(r, "kind", "hospital");
	put(r, "opened_on", "");
	put(r, "site_id", "17");
	put(r, "password", "hunter2");
	validate(r);
	assert_int_equal(r->rc, 1);
	view = fields_view(specs, NSPECS, r->values, r->errors, r->options);
	assert_non_null(view);
	assert_int_equal(json_array_size(view), NSPECS);

	f = view_of(view, "name");
	assert_string_equal(json_string_value(json_object_get(f, "label")),
	    "Name");
	assert_true(json_is_true(json_object_get(f, "is_text")));
	assert_true(json_is_true(json_object_get(f, "required")));
	assert_string_equal(json_string_value(json_object_get(f, "error")),
	    error_of(r, "name"));
	assert_string_equal(json_string_value(json_object_get(f, "value")),
	    "<script>toolong");
	assert_string_equal(json_string_value(json_object_get(f, "hint")),
	    "Up to five letters");
	assert_string_equal(json_string_value(json_object_get(f,
	    "describedby")), "name-hint name-error");

	f = view_of(view, "notes");
	assert_null(json_object_get(f, "error"));
	assert_null(json_object_get(f, "describedby"));
	assert_true(json_is_false(json_object_get(f, "required")));
	assert_true(json_is_true(json_object_get(f, "is_textarea")));

	f = view_of(view, "opened_on");
	assert_non_null(json_object_get(f, "error"));
	assert_string_equal(json_string_value(json_object_get(f,
	    "describedby")), "opened_on-error");
	assert_true(json_is_true(json_object_get(f, "is_date")));

	/* Selected options survive the other fields' errors. */
	f = view_of(view, "kind");
	assert_true(json_is_true(json_object_get(f, "is_select")));
	assert_int_equal(json_array_size(json_object_get(f, "options")), 2);
	assert_int_equal(selected(f, "hospital"), 1);
	assert_int_equal(selected(f, "prison"), 0);
	f = view_of(view, "site_id");
	assert_true(json_is_true(json_object_get(f, "is_select")));
	assert_int_equal(selected(f, "17"), 1);
	assert_int_equal(selected(f, "3"), 0);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(f, "options"), 1), "label")), "South");

	f = view_of(view, "password");
	assert_true(json_is_true(json_object_get(f, "is_password")));
	assert_null(json_object_get(f, "value"));
	json_decref(view);
}

static void
test_view_never_echoes_passwords(void **state)
{
	struct run	*r = *state;
	json_t		*view, *values;
	char		*dump;

	(void)r;
	/* Even when the values hold the password (a valid form). */
	put_valid(r, "");
	put(r, "password", "hunter22");
	validate(r);
	assert_int_equal(r->rc, 0);
	assert_string_equal(str(r->values, "password"), "hunter22");
	view = fields_view(specs, NSPECS, r->values, r->errors, r->options);
	dump = json_dumps(view, 0);
	assert_null(strstr(dump, "hunter22"));
	free(dump);
	json_decref(view);
	/* Or when a handler passes values of its own. */
	values = json_pack("{s:s}", "password", "letmein!");
	view = fields_view(specs, NSPECS, values, NULL, NULL);
	dump = json_dumps(view, 0);
	assert_null(strstr(dump, "letmein!"));
	free(dump);
	json_decref(view);
	json_decref(values);
}

static void
test_view_empty_form(void **state)
{
	json_t		*view;
	const json_t	*f;

	(void)state;
	view = fields_view(specs, NSPECS, NULL, NULL, NULL);
	assert_int_equal(json_array_size(view), NSPECS);
	f = view_of(view, "kind");
	assert_int_equal(selected(f, "prison"), 0);
	assert_int_equal(selected(f, "hospital"), 0);
	f = view_of(view, "site_id");
	assert_int_equal(json_array_size(json_object_get(f, "options")), 0);
	f = view_of(view, "name");
	assert_null(json_object_get(f, "value"));
	assert_string_equal(json_string_value(json_object_get(f,
	    "describedby")), "name-hint");
	json_decref(view);
}

/* Numbers, months and dates with a meaning: a table of their own. */
static const struct field_spec counted[] = {
	SPEC("votes", "Votes", FIELD_WHOLE, 0, 100, NULL, NULL),
	SPEC("seats", "Seats", FIELD_POSITIVE, 0, 20, NULL, NULL),
	SPEC("month", "Month", FIELD_MONTH, 0, DATE_HAPPENED, NULL, NULL),
	SPEC("held_on", "Held on", FIELD_DATE, 0, DATE_HAPPENED, NULL, NULL),
	SPEC("due_on", "Due on", FIELD_DATE, 0, DATE_AHEAD, NULL, NULL),
	SPEC("any_on", "Any day", FIELD_DATE, 0, DATE_ANY, NULL, NULL),
};

/* The error for field when counted[] is validated with only field set to
 * value, then its dates checked against 2026-11-25 with stored (may be
 * NULL) as the record's values; NULL when there is none. */
static const char *
counted_one(struct run *r, const char *field, const char *value,
    const json_t *stored)
{
	form_clear(&r->form);
	put(r, field, value);
	json_decref(r->values);
	json_decref(r->errors);
	r->rc = fields_validate(counted, FIELDS_COUNT(counted), &r->form,
	    NULL, &r->values, &r->errors);
	assert_int_not_equal(r->rc, -1);
	fields_dates_check(counted, FIELDS_COUNT(counted), r->values, stored,
	    "2026-11-25", r->errors);
	return error_of(r, field);
}

static void
test_whole_numbers(void **state)
{
	struct run	*r = *state;

	assert_null(counted_one(r, "votes", "0", NULL));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "votes")), 0);
	assert_null(counted_one(r, "votes", " 100 ", NULL));
	assert_int_equal(json_integer_value(json_object_get(r->values,
	    "votes")), 100);
	assert_string_equal(counted_one(r, "votes", "101", NULL),
	    "Votes must be a whole number from 0 to 100");
	assert_error_names(counted_one(r, "votes", "-1", NULL), "Votes");
	assert_error_names(counted_one(r, "votes", "1.5", NULL), "Votes");
	assert_error_names(counted_one(r, "votes", "seven", NULL), "Votes");
	assert_error_names(counted_one(r, "votes", "99999999999", NULL),
	    "Votes");
	/* Refused, the box shows what was typed. */
	assert_string_equal(str(r->values, "votes"), "99999999999");
	/* From 1: none is not a count of seats. */
	assert_string_equal(counted_one(r, "seats", "0", NULL),
	    "Seats must be a whole number from 1 to 20");
	assert_null(counted_one(r, "seats", "1", NULL));
	assert_null(counted_one(r, "seats", "", NULL));
	assert_true(json_is_null(json_object_get(r->values, "seats")));
}

static void
test_whole_numbers_shown_in_their_box(void **state)
{
	json_t	*values = json_pack("{s:i, s:i}", "votes", 12, "seats", 3);
	json_t	*view = fields_view(counted, FIELDS_COUNT(counted), values,
	    NULL, NULL);

	(void)state;
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 0), "value")), "12");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 1), "value")), "3");
	json_decref(view);
	json_decref(values);
}

static void
test_months(void **state)
{
	struct run	*r = *state;

	assert_null(counted_one(r, "month", "2026-11", NULL));
	assert_null(counted_one(r, "month", "2020-01", NULL));
	assert_string_equal(counted_one(r, "month", "2026-12", NULL),
	    "Month cannot be in the future");
	assert_string_equal(counted_one(r, "month", "2026-13", NULL),
	    "Month must be a year and month, like 2026-11");
	assert_error_names(counted_one(r, "month", "11/2026", NULL), "Month");
	assert_error_names(counted_one(r, "month", "2026-1", NULL), "Month");
}

static void
test_dates_that_cannot_be_true(void **state)
{
	struct run	*r = *state;
	json_t		*stored = json_pack("{s:s}", "due_on", "2026-01-10");

	/* What happened happened by today. */
	assert_null(counted_one(r, "held_on", "2026-11-25", NULL));
	assert_null(counted_one(r, "held_on", "1999-01-01", NULL));
	assert_string_equal(counted_one(r, "held_on", "2026-11-26", NULL),
	    "Held on cannot be in the future");
	assert_string_equal(counted_one(r, "held_on", "26/11/2026", NULL),
	    "Held on cannot be in the future");
	/* What is to be done is due from today... */
	assert_null(counted_one(r, "due_on", "2026-11-25", NULL));
	assert_null(counted_one(r, "due_on", "2030-01-01", NULL));
	assert_string_equal(counted_one(r, "due_on", "2026-11-24", NULL),
	    "Due on cannot be in the past: give today or a later day");
	/* ...unless it is the day the record already holds. */
	assert_null(counted_one(r, "due_on", "2026-01-10", stored));
	assert_non_null(counted_one(r, "due_on", "2026-01-11", stored));
	/* A date with no meaning may be any day; a wrong date keeps its
	 * one error. */
	assert_null(counted_one(r, "any_on", "2099-01-01", NULL));
	assert_null(counted_one(r, "any_on", "1999-01-01", NULL));
	assert_int_equal(counted_one(r, "held_on", "2099-02-30", NULL) != NULL,
	    1);
	assert_int_equal(json_array_size(r->errors), 1);
	json_decref(stored);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_valid_form),
		T(test_required_and_optional),
		T(test_trimming),
		T(test_trimming_dates_and_ids),
		T(test_trailing_space_date),
		T(test_trailing_space_id),
		T(test_passwords_keep_spaces),
		T(test_max_chars_utf8),
		T(test_choices),
		T(test_question_labels_are_quoted),
		T(test_choices_json),
		T(test_dates),
		T(test_ids_only_offered),
		T(test_ids_without_options),
		T(test_control_characters),
		T(test_messages_name_label),
		T(test_label_acronym_kept),
		T(test_values_echo_on_error),
		T(test_view_errors),
		T(test_view_never_echoes_passwords),
		T(test_view_empty_form),
		T(test_whole_numbers),
		T(test_whole_numbers_shown_in_their_box),
		T(test_months),
		T(test_dates_that_cannot_be_true),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
