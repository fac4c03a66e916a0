#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"
#include "audit_detail.h"
#include "audit_words.h"
#include "auth_pages.h"
#include "signed_out.h"
#include "../server/language.h"
#include "../db/db.h"
#include "../server/dispatch.h"
#include "../server/form_page.h"
#include "../limits.h"
#include "../people/people.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"


static const struct field_spec sign_in_fields[] = {
	{ "username", N_("Username"),
	    FIELD_TEXT, 1, USERNAME_MAX_CHARS, NULL, NULL,
	    "username" },
	{ "password", N_("Password"),
	    FIELD_PASSWORD, 1, PASSWORD_MAX_CHARS, NULL,
	    NULL, "current-password" },
};

static const struct field_spec password_fields[] = {
	{ "current", N_("Current password"), FIELD_PASSWORD, 1,
	    PASSWORD_MAX_CHARS, NULL, NULL, "current-password" },
	{ "password", N_("New password"), FIELD_PASSWORD, 1, PASSWORD_MAX_CHARS,
	    NULL, N_("At least 10 characters. A few unrelated words are easy "
	    "to remember and hard to guess."), "new-password" },
	{ "confirm", N_("New password again"), FIELD_PASSWORD, 1,
	    PASSWORD_MAX_CHARS, NULL, NULL, "new-password" },
};

static const struct field_spec token_fields[] = {
	{ "name", N_("What the token is for"), FIELD_TEXT, 1,
	    TOKEN_NAME_MAX_CHARS, NULL, NULL, NULL },
};

/* A sign-in form being answered carries what a lapsed session's request
 * had (not an error page answered instead). */
static void
sign_in_carry(const struct request *rq, struct response *rs)
{
	if (rs->view != NULL && rs->template != NULL &&
	    strcmp(rs->template, "auth/sign_in") == 0)
		signed_out_view(rq, rs->view);
}

/* The sign-in form, with what a lapsed session's request carried. */
static void
sign_in_show(struct request *rq, struct response *rs, int status,
    const json_t *values, const json_t *errors)
{
	struct form_page fp = {
		.title = N_("Sign in"), .submit = N_("Sign in"),
		.fields = sign_in_fields,
		.nfields = FIELDS_COUNT(sign_in_fields),
		.template = "auth/sign_in",
	};

	form_page_show(rs, status, &fp, values, errors);
	sign_in_carry(rq, rs);
}

void
signed_out_page(struct request *rq, struct response *rs)
{
	request_anon_csrf(rq, rs);
	response_cookie(rs, SESSION_COOKIE, NULL);	/* dead: forget it */
	sign_in_show(rq, rs, 401, NULL, NULL);
}

/* Starts a session for id: cookie set, anonymous cookie dropped, and
 * the page's form token made from the new session. */
static int
session_begin(struct request *rq, struct response *rs, int64_t id)
{
	char	 token[TOKEN_CHARS + 1];
	int	 rc;

	if ((rc = session_create(rq->db, id, rq->now, token)) != DB_OK)
		return rc;
	response_cookie(rs, SESSION_COOKIE, token);
	csrf_token(rq->app->csrf_key, token, rq->csrf);
	if (rq->anon_cookie != NULL)
		response_cookie(rs, ANON_COOKIE, NULL);
	return audit_append(rq->db, id, "session.start", "account", id, NULL);
}

void
sign_in(struct request *rq, struct response *rs)
{
	const struct config *c = rq->app->config;
	struct form_page fp = {
		.title = N_("Sign in"), .submit = N_("Sign in"),
		.fields = sign_in_fields,
		.nfields = FIELDS_COUNT(sign_in_fields),
		.template = "auth/sign_in",
	};
	json_t	*values, *errors;
	char	 user_key[USERNAME_MAX_CHARS * 4 + 80], addr_key[80], wait[32];
	int64_t	 id;
	int	 rc;

	if (rq->who.account_id != 0) {
		response_redirect(rs, "/");
		return;
	}
	if (rq->method == HTTP_GET) {
		request_anon_csrf(rq, rs);
		sign_in_show(rq, rs, 200, NULL, NULL);
		return;
	}
	if (!form_page_validate(rq, rs, &fp, &values, &errors)) {
		sign_in_carry(rq, rs);
		goto out;
	}
	/* Failures count per address and name, so a guesser elsewhere
	 * cannot lock the owner out; addr_key is the address's ceiling
	 * across all names (docs/ARCHITECTURE.md, "Signing in"). */
	snprintf(user_key, sizeof(user_key), "user:%s:%s", rq->client_addr,
	    view_str(values, "username"));
	for (char *p = user_key; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	snprintf(addr_key, sizeof(addr_key), "addr:%s", rq->client_addr);
	if (throttle_blocked(rq->db, user_key, c->login_failures_max,
	    c->login_window_s, rq->now) != 0 ||
	    throttle_blocked(rq->db, addr_key, c->login_failures_ip_max,
	    c->login_window_s, rq->now) != 0) {
		duration_words(c->login_window_s, language_words(rq->lang),
		    wait, sizeof(wait));
		form_error_words(errors, "username", N_("Too many attempts to "
		    "sign in. Wait {wait}, then try again, or ask a "
		    "coordinator to reset your password"), json_pack("{s:s}",
		    "wait", wait));
		sign_in_show(rq, rs, 429, values, errors);
		rs->retry_after = c->login_window_s;
		goto out;
	}
	/* Every attempt is counted before its password is checked, so one
	 * that cannot be counted is never checked: guessing stays bounded
	 * even when the count cannot be written.  A success takes its count
	 * back below. */
	if (throttle_fail(rq->db, user_key, c->login_window_s,
	    rq->now) != DB_OK || throttle_fail(rq->db, addr_key,
	    c->login_window_s, rq->now) != DB_OK) {
		response_error(rs, 503, "The service is busy. Try again.");
		goto out;
	}
	rc = account_authenticate(rq->db, view_str(values, "username"),
	    view_str(values, "password"), &id);
	if (rc < 0) {
		response_error(rs, 500, "Something went wrong.");
		goto out;
	}
	if (rc == 0) {
		rs->commit_anyway = 1;
		form_error(errors, "username", N_("The username or password is "
		    "not right"));
		sign_in_show(rq, rs, 422, values, errors);
		goto out;
	}
	if (throttle_clear(rq->db, user_key) != DB_OK ||
	    throttle_forgive(rq->db, addr_key) != DB_OK ||
	    session_begin(rq, rs, id) != DB_OK) {
		response_error(rs, 503, "The service is busy. Try again.");
		goto out;
	}
	/* Back to what a lapsed session was doing, or home. */
	if (!signed_out_resume(rq, rs))
		response_redirect(rs, "/");
out:
	json_decref(values);
	json_decref(errors);
}

void
sign_out(struct request *rq, struct response *rs)
{
	if (rq->session_cookie != NULL &&
	    (session_end(rq->db, rq->session_cookie) != DB_OK ||
	    audit_append(rq->db, rq->who.account_id, "session.end",
	    "account", rq->who.account_id, NULL) != DB_OK)) {
		/* Refused, but this browser forgets the cookie all the same. */
		response_error(rs, 503, "You could not be signed out on the "
		    "server. Try again, or use \"sign out everywhere\".");
		response_cookie(rs, SESSION_COOKIE, NULL);
		return;
	}
	response_cookie(rs, SESSION_COOKIE, NULL);
	response_redirect(rs, "/sign-in");
}

void
sign_out_everywhere(struct request *rq, struct response *rs)
{
	if (session_end_all(rq->db, rq->who.account_id) != DB_OK ||
	    audit_append(rq->db, rq->who.account_id, "session.end_all",
	    "account", rq->who.account_id, NULL) != DB_OK) {
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	response_cookie(rs, SESSION_COOKIE, NULL);
	response_redirect(rs, "/sign-in");
}

void
account_show(struct request *rq, struct response *rs)
{
	json_t		*notice = password_notice(rq);

	response_view(rs, "auth/account", json_pack("{s:s, s:o, s:s?, "
	    "s:{s:s, s:s, s:b}, s:o, s:o}", "title", N_("Your account"), "notice",
	    notice, "language_choice", account_language_choice(rq),
	    "account", "username", rq->who.username, "display_name",
	    rq->who.display_name, "via_token", rq->who.via_token,
	    "grants", account_grants_view(rq->db, rq->who.account_id),
	    "tokens", apitoken_list(rq->db, rq->who.account_id)));
}

static int
password_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const char	*pw = view_str(v, "password");
	int64_t		 id;
	int		 rc;

	if (strlen(pw) < (size_t)rq->app->config->password_min) {
		form_error_words(errors, "password", N_("New password must be "
		    "at least {min} characters"), json_pack("{s:i}", "min",
		    rq->app->config->password_min));
	} else if (strcmp(pw, view_str(v, "confirm")) != 0)
		form_error(errors, "confirm", N_("The two new passwords are "
		    "not the same"));
	else if (strcmp(pw, view_str(v, "current")) == 0)
		form_error(errors, "password", N_("Choose a password you have "
		    "not used here before"));
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = account_authenticate(rq->db, rq->who.username,
	    view_str(v, "current"), &id);
	if (rc < 0)
		return DB_ERROR;
	if (rc == 0 || id != rq->who.account_id) {
		form_error(errors, "current", N_("Your current password is not "
		    "right"));
		return DB_CONSTRAINT;
	}
	/* Every other session ends: a changed password locks others out. */
	if ((rc = account_set_password(rq->db, id, pw, 0)) != DB_OK ||
	    (rc = session_end_all(rq->db, id)) != DB_OK ||
	    (rc = audit_append(rq->db, id, "account.password", "account", id,
	    NULL)) != DB_OK)
		return rc;
	/* After the forced change, on to what they came to do. */
	*location = strdup(rq->who.must_change_password ? "/?password=changed" :
	    "/account?password=changed");
	return session_begin(rq, ctx, id);
}

void
account_password(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change your password"),
		.submit = N_("Change password"),
		.back = "/account", .fields = password_fields,
		.nfields = FIELDS_COUNT(password_fields),
		.save = password_store, .ctx = rs,
	};

	if (rq->who.via_token) {
		response_error(rs, 403, "Passwords cannot be changed with an "
		    "API token.");
		return;
	}
	if (rq->who.must_change_password)
		fp.lede = N_("You must choose a new password before you go on.");
	form_page_run(rq, rs, &fp);
}

void
account_token_create(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Create an API token"),
		.submit = N_("Create token"),
		.back = "/account", .fields = token_fields,
		.nfields = FIELDS_COUNT(token_fields),
	};
	json_t	*values, *errors;
	char	 token[TOKEN_CHARS + 1];
	int64_t	 id;
	int	 rc;

	rc = fields_validate(fp.fields, fp.nfields, &rq->body, NULL, &values,
	    &errors);
	if (rc == 1)
		form_page_show(rs, 422, &fp, values, errors);
	else if (rc < 0 || apitoken_create(rq->db, rq->who.account_id,
	    view_str(values, "name"), token, &id) != DB_OK ||
	    audit_append(rq->db, rq->who.account_id, "token.create",
	    "api_token", id, view_str(values, "name")) != DB_OK)
		response_error(rs, 503, "The token was not made. Try again.");
	else
		response_view(rs, "auth/token", json_pack("{s:s, s:s, s:I, s:s}",
		    "title", N_("Your new API token"), "token", token, "id",
		    (json_int_t)id, "name", view_str(values, "name")));
	json_decref(values);
	json_decref(errors);
}

void
account_token_revoke(struct request *rq, struct response *rs)
{
	int	 rc;

	rc = apitoken_revoke(rq->db, rq->who.account_id, rq->ids[0]);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 404, "There is no such token.");
	else if (rc != DB_OK || audit_append(rq->db, rq->who.account_id,
	    "token.revoke", "api_token", rq->ids[0], NULL) != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/account");
}

void
audit_index(struct request *rq, struct response *rs)
{
	static const char *sql =
	    "SELECT a.id, a.at, a.action, a.entity, a.entity_id, a.detail, "
	    "ifnull(ac.username, '') AS username, "
	    "ifnull(ac.display_name, '') AS who FROM audit a "
	    "LEFT JOIN accounts ac ON ac.id = a.account_id "
	    "WHERE a.id < ?1 ORDER BY a.id DESC LIMIT ?2";
	const char	*before = form_get(&rq->query, "before");
	int64_t		 from = before ? strtoll(before, NULL, 10) : 0;
	json_t		*rows;
	size_t		 n;

	/* The first page starts past the newest: a.id < ? seeks, where an
	 * "?1 = 0 OR" walked the audit from its newest row to a deep page. */
	if (from <= 0)
		from = INT64_MAX;
	rows = db_rows(rq->db, sql, "id", from, AUDIT_PAGE_ROWS);
	n = rows ? json_array_size(rows) : 0;
	/* What each did, in the reader's words; "action" and "detail" stay
	 * as stored, for an administrator checking the chain.  The page
	 * words the messages; the JSON carries them worded too. */
	audit_words_add(rows, language_words(rq->lang), NULL);
	reads_words_detail(rows);
	audit_detail_add(rows, language_words(rq->lang));
	if (rq->wants_json || rq->api)
		audit_words_fill(rows, language_words(rq->lang));
	response_view(rs, "auth/audit", json_pack("{s:s, s:o, s:I}", "title",
	    N_("Audit log"), "entries", rows, "before", n == AUDIT_PAGE_ROWS ?
	    (json_int_t)json_integer_value(json_object_get(json_array_get(rows,
	    n - 1), "id")) : (json_int_t)0));
}
