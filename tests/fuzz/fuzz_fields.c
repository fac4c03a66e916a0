/*
 * fields_validate and fields_view over a fixed table with every kind of
 * field.  Input: "name=value" pairs separated by '&' (raw bytes, no
 * decoding; a pair without '=' is a name with an empty value), added to a
 * struct form with form_add as the HTTP layer does.
 *
 * Always: no crash, no leak, rc is 0 or 1 and agrees with the errors.
 * When every name and value is UTF-8 without NUL (what src/server/http.c
 * lets through to handlers), the outcome for each field must agree with a
 * reference written here from the contract in src/server/fields.h: the
 * value trimmed of white space (passwords untouched), empty is null and an
 * error only when required, otherwise printable, within max_chars, one of
 * the choices, a real date, a time, or an offered id; several ids are all
 * offered and come back once each; a tick box is true when sent non-empty
 * and never an error.  And fields_view never echoes a password.
 *
 * The table has one field of every kind (and set-up says so if a new kind
 * appears in fields.h and is missing here).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/fields.h"
#include "server/request.h"
#include "util/date.h"
#include "util/text.h"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

static const struct choice kinds[] = {
	{ "prison", "Prison" },
	{ "probation_region", "Probation region" },
	{ "other", "<Other> & \"more\"" },
	{ NULL, NULL },
};

#define SPEC(n, l, k, r, m, c, h) \
	{ .name = (n), .label = (l), .kind = (k), .required = (r), \
	  .max_chars = (m), .choices = (c), .hint = (h) }

static const struct field_spec specs[] = {
	SPEC("name", "Name", FIELD_TEXT, 1, 12, NULL, "For example, HMP Fenwick"),
	SPEC("note", "Note", FIELD_TEXT, 0, 3, NULL, NULL),
	SPEC("description", "Description", FIELD_TEXTAREA, 0, 40, NULL, NULL),
	SPEC("kind", "Kind of site", FIELD_CHOICE, 1, 0, kinds, NULL),
	SPEC("closed_on", "Closed on", FIELD_DATE, 0, 0, NULL, "Leave empty"),
	SPEC("from_on", "From", FIELD_DATE, 1, 0, NULL, NULL),
	SPEC("site_id", "Site", FIELD_ID, 1, 0, NULL, NULL),
	SPEC("unit_id", "ID of the unit", FIELD_ID, 0, 0, NULL, "Optional"),
	SPEC("group_id", "Group", FIELD_ID, 0, 0, NULL, NULL),	/* no options */
	SPEC("member_ids", "Members", FIELD_IDS, 1, 0, NULL, "Tick all"),
	SPEC("extra_ids", "Extras", FIELD_IDS, 0, 0, NULL, NULL),
	SPEC("agree", "I agree", FIELD_CHECK, 1, 0, NULL, NULL),
	SPEC("starts_at", "Starts at", FIELD_TIME, 1, 0, NULL, "Like 14:30"),
	SPEC("ends_at", "Ends at", FIELD_TIME, 0, 0, NULL, NULL),
	{ .name = "password", .label = "Password", .kind = FIELD_PASSWORD,
	  .required = 1, .max_chars = 16, .autocomplete = "current-password" },
	SPEC("confirm", "Password again", FIELD_PASSWORD, 0, 16, NULL, NULL),
};
#define NSPECS	FIELDS_COUNT(specs)

static json_t	*options;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int	 k;
	size_t	 i;

	(void)argc;
	(void)argv;
	for (k = 0; k < FIELD__MAX; k++) {
		for (i = 0; i < NSPECS && specs[i].kind != (enum field_kind)k; i++)
			;
		if (i == NSPECS)
			fprintf(stderr, "fuzz_fields: field kind %d is not in "
			    "the table; add it\n", k);
	}
	options = json_pack("{s:[{s:i, s:s}, {s:i, s:s}, {s:I, s:s}], "
	    "s:[{s:i, s:s}], s:[], s:[{s:i, s:s}, {s:i, s:s}, {s:i, s:s}]}",
	    "site_id", "value", 1, "label", "HMP Fenwick", "value", 7, "label",
	    "<b>Harbour</b>", "value", (json_int_t)123456789012LL, "label",
	    "Westvale",
	    "unit_id", "value", 3, "label", "A wing",
	    "group_id",
	    "member_ids", "value", 2, "label", "Arthur", "value", 5, "label",
	    "Bernard", "value", 11, "label", "Clive");
	return options == NULL ? -1 : 0;
}

static int
offered(const char *name, long long id)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(json_object_get(options, name), i, o)
		if (json_integer_value(json_object_get(o, "value")) == id)
			return 1;
	return 0;
}

/* Is the trimmed value v[0..len) acceptable for f?  (Not empty.) */
static int
ref_valid(const struct field_spec *f, const char *v, size_t len)
{
	const struct choice	*c;
	char			*z, *end;
	long long		 id;
	int			 ok = 0;

	if (!text_printable(v, len, f->kind == FIELD_TEXTAREA))
		return 0;
	if ((z = strndup(v, len)) == NULL)
		abort();
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_TEXTAREA:
	case FIELD_PASSWORD:
		ok = utf8_length(v, len) <= f->max_chars;
		break;
	case FIELD_CHOICE:
		for (c = f->choices; c->value != NULL; c++)
			if (strcmp(c->value, z) == 0)
				ok = 1;
		break;
	case FIELD_DATE:
		ok = date_valid(z);
		break;
	case FIELD_TIME:
		ok = strlen(z) == 5 && z[2] == ':' &&
		    isdigit((unsigned char)z[0]) && isdigit((unsigned char)z[1]) &&
		    isdigit((unsigned char)z[3]) && isdigit((unsigned char)z[4]) &&
		    atoi(z) <= 23 && atoi(z + 3) <= 59;
		break;
	case FIELD_ID:
		id = strtoll(z, &end, 10);
		ok = *end == '\0' && id > 0 && offered(f->name, id);
		break;
	default:
		abort();
	}
	free(z);
	return ok;
}

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

/* FIELD_IDS: every non-empty value sent under the name, in order. */
static int
check_ids(const struct field_spec *f, const struct form *form,
    const json_t *v, const json_t *e)
{
	long long	 want[200], id;
	size_t		 n = 0, i, k;
	int		 bad = 0;
	char		*end;

	for (i = 0; i < form->n; i++) {
		if (strcmp(form->fields[i].name, f->name) != 0 ||
		    form->fields[i].value[0] == '\0')
			continue;
		id = strtoll(form->fields[i].value, &end, 10);
		if (*end != '\0' || id <= 0 || !offered(f->name, id)) {
			bad = 1;
			continue;
		}
		for (k = 0; k < n && want[k] != id; k++)
			;
		if (k == n && n < sizeof(want) / sizeof(want[0]))
			want[n++] = id;
	}
	CHECK(json_is_array(v) && json_array_size(v) == n);
	for (k = 0; k < n; k++)
		CHECK(json_integer_value(json_array_get(v, k)) == want[k]);
	CHECK((e != NULL) == (bad || (f->required && n == 0)));
	return e != NULL;
}

static void
check_outcome(const struct form *form, const json_t *values,
    const json_t *errors)
{
	const struct field_spec	*f;
	const json_t		*v, *e;
	const char		*raw;
	size_t			 i, len, nerr = 0;
	int			 want_error;
	char			 href[64];

	for (i = 0; i < NSPECS; i++) {
		f = &specs[i];
		v = json_object_get(values, f->name);
		e = error_of(errors, f->name);
		if (f->kind == FIELD_IDS) {
			nerr += (size_t)check_ids(f, form, v, e);
			continue;
		}
		raw = form_get(form, f->name);
		if (f->kind == FIELD_CHECK) {	/* never an error */
			CHECK(e == NULL);
			CHECK(json_is_boolean(v) &&
			    json_is_true(v) == (raw != NULL && *raw != '\0'));
			continue;
		}
		if (raw == NULL)
			raw = "";
		len = strlen(raw);
		if (f->kind != FIELD_PASSWORD) {
			while (len > 0 && isspace((unsigned char)*raw)) {
				raw++;
				len--;
			}
			while (len > 0 && isspace((unsigned char)raw[len - 1]))
				len--;
		}
		if (len == 0) {
			CHECK(json_is_null(v));
			want_error = f->required;
		} else
			want_error = !ref_valid(f, raw, len);
		if ((e != NULL) != want_error) {
			fprintf(stderr, "field %s, value \"%.*s\": %s\n",
			    f->name, (int)len, raw, e ? json_string_value(
			    json_object_get(e, "message")) : "accepted");
			abort();
		}
		if (e != NULL) {
			nerr++;
			CHECK(json_string_length(json_object_get(e,
			    "message")) > 0);
			snprintf(href, sizeof(href), "#%s", f->name);
			CHECK(strcmp(json_string_value(json_object_get(e,
			    "href")), href) == 0);
			continue;
		}
		if (len == 0)
			continue;
		/* A valid value comes back checked and trimmed. */
		if (f->kind == FIELD_ID)
			CHECK(json_is_integer(v) && json_integer_value(v) > 0 &&
			    offered(f->name, json_integer_value(v)));
		else
			CHECK(json_is_string(v) && json_string_length(v) == len &&
			    memcmp(json_string_value(v), raw, len) == 0);
	}
	CHECK(json_array_size(errors) == nerr);
}

static void
check_view(const json_t *view, const json_t *values)
{
	const json_t	*o;
	size_t		 i;

	CHECK(json_is_array(view));
	CHECK(json_array_size(view) == NSPECS);
	json_array_foreach(view, i, o) {
		CHECK(strcmp(json_string_value(json_object_get(o, "name")),
		    specs[i].name) == 0);
		if (specs[i].kind == FIELD_PASSWORD)
			CHECK(json_object_get(o, "value") == NULL);
		if (specs[i].kind == FIELD_CHOICE || specs[i].kind == FIELD_ID ||
		    specs[i].kind == FIELD_IDS)
			CHECK(json_is_array(json_object_get(o, "options")));
		if (specs[i].kind == FIELD_CHECK)
			CHECK(json_is_boolean(json_object_get(o, "checked")));
	}
	(void)values;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*p = (const char *)data, *end = p + size, *amp, *eq;
	struct form	 form = { NULL, 0 };
	json_t		*values = NULL, *errors = NULL, *view;
	int		 rc, clean = 1;
	size_t		 i;

	for (;;) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		eq = memchr(p, '=', (size_t)(amp - p));
		if (eq == NULL)
			rc = form_add(&form, p, (size_t)(amp - p), "", 0);
		else
			rc = form_add(&form, p, (size_t)(eq - p), eq + 1,
			    (size_t)(amp - eq - 1));
		if (rc == -1)
			goto out;
		if (amp == end || form.n == 200)
			break;
		p = amp + 1;
	}
	for (i = 0; i < form.n; i++)
		if (!utf8_valid(form.fields[i].name, strlen(form.fields[i].name)) ||
		    !utf8_valid(form.fields[i].value, form.fields[i].len) ||
		    strlen(form.fields[i].value) != form.fields[i].len)
			clean = 0;

	rc = fields_validate(specs, NSPECS, &form, options, &values, &errors);
	/*
	 * -1 means out of memory, but it also comes back for a password that
	 * is not UTF-8 (json_stringn refuses it); http.c never lets such a
	 * value through, so only clean input must give 0 or 1.
	 */
	if (rc == -1 && !clean) {
		CHECK(values == NULL && errors == NULL);
		goto out;
	}
	CHECK(rc == 0 || rc == 1);
	CHECK(json_is_object(values) && json_is_array(errors));
	CHECK(rc == (json_array_size(errors) > 0));
	if (clean)
		check_outcome(&form, values, errors);

	view = fields_view(specs, NSPECS, values, errors, options);
	check_view(view, values);
	json_decref(view);
	/* As a GET form draws it: no values, no errors. */
	view = fields_view(specs, NSPECS, NULL, NULL, options);
	check_view(view, NULL);
	json_decref(view);
	view = fields_view(specs, NSPECS, values, errors, NULL);
	check_view(view, values);
	json_decref(view);
out:
	json_decref(values);
	json_decref(errors);
	form_clear(&form);
	return 0;
}
