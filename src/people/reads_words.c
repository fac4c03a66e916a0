/*
 * What a read of a person's record opened, in the reader's words.  The
 * audit row keeps what it always kept (dispatch: the path read; a plan:
 * "path (page)", or which list showed the person; an export: "how:
 * reason"), and the list of reads words it when shown: the path's route
 * names the page ("their release plan form"), never the path itself.
 * Decision (issue 20): worded at display time from what is stored, so
 * rows already in the chain (which cannot change) read the same, and no
 * more English is stored.  Tested in tests/http/test_audit_words.c.
 */
#include <string.h>

#include "people.h"
#include "../limits.h"
#include "../render/template.h"
#include "../server/router.h"
#include "../util/catalogue.h"

/* Each page of a person's record that a read is recorded for, by its
 * route's pattern.  A page not here is "one of their pages". */
static const struct read_page {
	const char	*pattern;
	const char	*said;
} read_pages[] = {
	{ "/people/{id}", N_("Their record") },
	{ "/people/{id}/subject-access", N_("Everything held about them") },
	{ "/people/{id}/reads", N_("Who has read their record") },
	{ "/people/{id}/erase", N_("The form to erase their identity") },
	{ "/people/{id}/edit", N_("The form to change their details") },
	{ "/people/{id}/leave", N_("The form to record that they left") },
	{ "/memberships/{id}/end", N_("The form to end one of their "
	    "roles") },
	{ "/recruits/{id}/move", N_("The form to move their recruitment "
	    "on") },
	{ "/people/{id}/expected-leaving", N_("The form for when they "
	    "expect to leave") },
	{ "/people/{id}/thank-you.pdf", N_("Their thank-you letter, to "
	    "print") },
	{ "/people/{id}/training", N_("Their courses and renewals") },
	{ "/people/{id}/completions/new", N_("The form to record a course "
	    "they completed") },
	{ "/people/{id}/supervision", N_("Their supervision notes") },
	{ "/people/{id}/supervision/new", N_("The form to record their "
	    "supervision") },
	{ "/expenses/{id}", N_("One of their expense claims") },
	{ "/expenses/{id}/decide", N_("The form to decide one of their "
	    "expense claims") },
	{ "/expenses/{id}/receipt", N_("The receipt for one of their "
	    "expense claims") },
	{ "/people/{id}/plan", N_("Their plan") },
	{ "/people/{id}/plan.pdf", N_("Their plan, to print") },
	{ "/people/{id}/plan/worker", N_("The form to name their plan's "
	    "worker") },
	{ "/people/{id}/plan/cards/new", N_("The form to add to their "
	    "plan") },
	{ "/people/{id}/plan/steps/new", N_("The form for a step in their "
	    "plan") },
	{ "/people/{id}/wishes/new", N_("The form for one of their "
	    "wishes") },
	{ "/people/{id}/release", N_("Their release plan form") },
	{ "/people/{id}/referrals/new", N_("The form to refer them to a "
	    "service") },
	{ "/referrals/{id}/progress", N_("The form for one of their "
	    "referrals") },
};

/* A plan read from a list, which names no path: what the list was. */
static const struct read_page read_lists[] = {
	{ "wish", N_("One of their wishes, to answer it") },
	{ "wish awaiting", N_("One of their wishes, in the list waiting "
	    "for an answer") },
	{ "overdue wish", N_("One of their wishes, in the list of those "
	    "overdue") },
	{ "referral escalating", N_("One of their referrals, in the list of "
	    "those overdue") },
};

/* The words of the page at path (up to len bytes), by its route. */
static const char *
read_page_said(const char *path, size_t len)
{
	const struct route *route;
	char		 one[READ_PATH_MAX + 1];
	int64_t		 ids[ROUTE_IDS_MAX];
	size_t		 nids, i;
	int		 status;

	if (len > READ_PATH_MAX)
		return NULL;
	memcpy(one, path, len);
	one[len] = '\0';
	route = router_match(routes, routes_count, HTTP_GET, one, ids, &nids,
	    &status);
	for (i = 0; route != NULL && i < sizeof(read_pages) /
	    sizeof(read_pages[0]); i++)
		if (strcmp(read_pages[i].pattern, route->pattern) == 0)
			return read_pages[i].said;
	return NULL;
}

/* What one read opened, as a message on row's values. */
static const char *
read_said(json_t *row)
{
	const char	*action = json_string_value(json_object_get(row,
			    "action"));
	const char	*detail = json_string_value(json_object_get(row,
			    "detail"));
	const char	*said = NULL, *colon;
	size_t		 i;

	if (action == NULL || detail == NULL)
		return N_("One of their pages");
	if (strcmp(action, "person.export") == 0) {
		/* "json: why" from a page; "cli uid N" from the command
		 * line, which names no reason. */
		if ((colon = strstr(detail, ": ")) == NULL)
			return N_("Everything held about them, exported from "
			    "the command line");
		json_object_set_new(row, "reason", json_string(colon + 2));
		return strncmp(detail, "pdf", 3) == 0 ? N_("Everything held "
		    "about them, exported to print. Reason: {reason}") :
		    N_("Everything held about them, exported as data. "
		    "Reason: {reason}");
	}
	for (i = 0; i < sizeof(read_lists) / sizeof(read_lists[0]); i++)
		if (strcmp(read_lists[i].pattern, detail) == 0)
			return read_lists[i].said;
	/* A plan's page records "path (what)": the path names it. */
	if (*detail == '/')
		said = read_page_said(detail, strcspn(detail, " "));
	return said != NULL ? said : N_("One of their pages");
}

void
reads_words_detail(json_t *rows)
{
	/* The actions whose detail says what of a person was read. */
	static const char *const reads[] = { "person.read", "plan.read",
	    "person.export" };
	json_t		*row;
	const char	*action;
	size_t		 i, k;

	json_array_foreach(rows, i, row) {
		action = json_string_value(json_object_get(row, "action"));
		for (k = 0; action != NULL && k < sizeof(reads) /
		    sizeof(reads[0]); k++)
			if (strcmp(action, reads[k]) == 0)
				json_object_set_new(row, "detail_msgid",
				    json_string(read_said(row)));
	}
}

void
reads_words_add(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "what_msgid", json_string(
		    read_said(row)));
		/* The JSON's English; the page words what_msgid. */
		(void)template_words_set(row, "what", json_string_value(
		    json_object_get(row, "what_msgid")), row, NULL,
		    DOCUMENT_BYTES_MAX);
	}
}
