#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "signed_out.h"
#include "../server/language.h"
#include "../server/dispatch.h"
#include "../server/router.h"
#include "../util/catalogue.h"
#include "../util/date.h"

/* The fields of body worth keeping: text, not the old form token (dead
 * with its session) nor a file (a browser cannot be handed one back).
 * From a sign-in form, the "kept." fields it carried, unprefixed. */
static json_t *
kept_fields(const struct form *body, int from_sign_in)
{
	json_t		*out = json_array();
	const char	*name;
	size_t		 i, n = strlen(KEPT_PREFIX);

	for (i = 0; i < body->n; i++) {
		name = body->fields[i].name;
		if (body->fields[i].filename != NULL)
			continue;
		if (from_sign_in) {
			if (strncmp(name, KEPT_PREFIX, n) != 0)
				continue;
			name += n;
		} else if (strcmp(name, CSRF_FIELD) == 0)
			continue;
		json_array_append_new(out, json_pack("{s:s, s:s}", "name", name,
		    "value", body->fields[i].value));
	}
	return out;
}

/* A path of ours to go back to for method: one the route table knows. */
static int
kept_path_ok(const char *path, enum http_method method)
{
	int64_t	 ids[ROUTE_IDS_MAX];
	size_t	 nids;
	int	 status;

	return path != NULL && path[0] == '/' && path[1] != '/' &&
	    router_match(routes, routes_count, method, path, ids, &nids,
	    &status) != NULL;
}

void
signed_out_view(const struct request *rq, json_t *view)
{
	char		 idle[32];
	const char	*path;
	json_t		*kept;
	int		 from_sign_in = strcmp(rq->path, "/sign-in") == 0;

	/* On first sight the request itself; while the sign-in form is
	 * shown again (a mistyped password), what that form carried. */
	if (from_sign_in)
		path = form_get(&rq->body, KEPT_PATH);
	else
		path = rq->session_lapsed ? rq->path : NULL;
	if (path == NULL || (!kept_path_ok(path, HTTP_GET) &&
	    !kept_path_ok(path, HTTP_POST)))
		return;
	kept = rq->method == HTTP_POST ? kept_fields(&rq->body, from_sign_in) :
	    json_array();
	duration_words(rq->app->config->session_idle_s, language_words(rq->lang),
	    idle, sizeof(idle));
	json_object_set_new(view, "signed_out_after", json_string(idle));
	json_object_set_new(view, "kept_path", json_string(path));
	json_object_set_new(view, "kept_any", json_boolean(
	    json_array_size(kept) > 0));
	json_object_set_new(view, "kept", kept);
}

int
signed_out_resume(struct request *rq, struct response *rs)
{
	const char	*path = form_get(&rq->body, KEPT_PATH);
	json_t		*kept;

	if (path == NULL)
		return 0;
	kept = kept_fields(&rq->body, 1);
	if (json_array_size(kept) > 0 && kept_path_ok(path, HTTP_POST)) {
		response_page(rs, 200, "auth/resend", json_pack("{s:s, s:s, "
		    "s:o}", "title", N_("Send what you typed"), "action", path,
		    "kept", kept));
		return 1;
	}
	json_decref(kept);
	if (!kept_path_ok(path, HTTP_GET))
		return 0;
	response_redirect(rs, "%s", path);
	return 1;
}
