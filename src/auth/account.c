#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"
#include "../db/db.h"

static const char *sql_account_insert =
    "INSERT INTO accounts (id, username, display_name, password_hash, "
    "must_change_password) VALUES (rt_next_id('accounts'), ?, ?, ?, ?)";
static const char *sql_account_find =
    "SELECT id FROM accounts WHERE username = ?";
static const char *sql_account_auth =
    "SELECT id, password_hash FROM accounts "
    "WHERE username = ? AND disabled_at IS NULL";
/* With the language of the account's places: its first grant's group
 * or site that has one (a group's own before its site's). */
static const char *sql_account_load =
    "SELECT username, display_name, must_change_password, "
    "text_size = 'large', language, reading, "
    "ifnull((SELECT coalesce(nullif(gr.language, ''), "
    "nullif(s.language, '')) FROM grants g "
    "LEFT JOIN groups gr ON gr.id = g.group_id "
    "LEFT JOIN sites s ON s.id = coalesce(gr.site_id, g.site_id) "
    "WHERE g.account_id = a.id AND coalesce(nullif(gr.language, ''), "
    "nullif(s.language, '')) IS NOT NULL ORDER BY g.id LIMIT 1), '') "
    "FROM accounts a WHERE id = ? AND disabled_at IS NULL";
/* Each reading preference: its column's UPDATE and its audit action. */
static const struct {
	const char	*sql;
	const char	*action;
} preferences[ACCOUNT_PREFERENCE__MAX] = {
	[ACCOUNT_TEXT_SIZE] = { "UPDATE accounts SET text_size = ? "
	    "WHERE id = ?", "account.text_size" },
	[ACCOUNT_LANGUAGE] = { "UPDATE accounts SET language = ? "
	    "WHERE id = ?", "account.language" },
	[ACCOUNT_READING] = { "UPDATE accounts SET reading = ? "
	    "WHERE id = ?", "account.reading" },
};
static const char *sql_account_password =
    "UPDATE accounts SET password_hash = ?, must_change_password = ? "
    "WHERE id = ?";
static const char *sql_account_person =
    "UPDATE accounts SET person_id = ? WHERE id = ?";
static const char *sql_account_disable =
    "UPDATE accounts SET disabled_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
    "WHERE id = ? AND disabled_at IS NULL";
static const char *sql_grant_insert =
    "INSERT INTO grants (id, account_id, role, scope, site_id, group_id) "
    "VALUES (rt_next_id('grants'), ?1, ?2, ?3, CASE ?3 WHEN 'site' THEN ?4 WHEN 'group' THEN "
    "(SELECT site_id FROM groups WHERE id = ?4) END, "
    "CASE ?3 WHEN 'group' THEN ?4 END) ON CONFLICT DO NOTHING";
static const char *sql_group_exists = "SELECT id FROM groups WHERE id = ?";
static const char *sql_site_exists = "SELECT id FROM sites WHERE id = ?";
/* A group grant reaches the group's site as it is now, not as it was. */
static const char *sql_grants_load =
    "SELECT g.role, g.scope, CASE g.scope WHEN 'group' THEN "
    "ifnull(gr.site_id, 0) ELSE ifnull(g.site_id, 0) END, "
    "ifnull(g.group_id, 0) FROM grants g "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE g.account_id = ?";
static const char *sql_session_insert =
    "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) "
    "VALUES (?, ?, ?, ?)";
static const char *sql_session_load =
    "SELECT account_id, last_seen_at FROM sessions WHERE token_hash = ?";
static const char *sql_session_touch =
    "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
static const char *sql_session_delete =
    "DELETE FROM sessions WHERE token_hash = ?";
static const char *sql_session_delete_all =
    "DELETE FROM sessions WHERE account_id = ?";
static const char *sql_token_insert =
    "INSERT INTO api_tokens (account_id, name, token_hash) VALUES (?, ?, ?)";
static const char *sql_token_load =
    "SELECT account_id FROM api_tokens WHERE token_hash = ? "
    "AND revoked_at IS NULL";
static const char *sql_token_revoke =
    "UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
    "WHERE id = ? AND account_id = ? AND revoked_at IS NULL";
static const char *sql_token_revoke_all =
    "UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
    "WHERE account_id = ? AND revoked_at IS NULL";
static const char *sql_throttle_load =
    "SELECT failures, window_start FROM login_failures WHERE key = ?";
static const char *sql_throttle_fail =
    "INSERT INTO login_failures (key, failures, window_start) VALUES (?1, 1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET "
    "failures = CASE WHEN login_failures.window_start <= ?2 - ?3 THEN 1 "
    "ELSE login_failures.failures + 1 END, "
    "window_start = CASE WHEN login_failures.window_start <= ?2 - ?3 "
    "THEN ?2 ELSE login_failures.window_start END";
static const char *sql_throttle_clear = "DELETE FROM login_failures WHERE key = ?";
static const char *sql_throttle_forgive =
    "UPDATE login_failures SET failures = failures - 1 "
    "WHERE key = ? AND failures > 0";
static const char *sql_setting_get = "SELECT value FROM settings WHERE key = ?";
static const char *sql_setting_put =
    "INSERT INTO settings (key, value) VALUES (?, ?)";

int
account_create(struct db *db, const char *username, const char *display,
    const char *password, int must_change, int64_t *id)
{
	char	 hash[PASSWORD_HASH_MAX];
	int	 rc;

	if (password_hash(password, hash) == -1)
		return DB_ERROR;
	rc = db_exec(db, sql_account_insert, "tttd", username, display, hash,
	    must_change);
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
account_find(struct db *db, const char *username, int64_t *id)
{
	return db_int(db, id, sql_account_find, "t", username);
}

int
account_grant(struct db *db, int64_t account_id, enum role role,
    enum scope scope, int64_t scope_id)
{
	int64_t	 found;
	int	 rc;

	/* A missing site or group is a refusal, not a silent NULL. */
	if (scope != SCOPE_ORG) {
		rc = db_int(db, &found, scope == SCOPE_SITE ? sql_site_exists :
		    sql_group_exists, "i", scope_id);
		if (rc <= 0)
			return rc < 0 ? DB_ERROR : DB_CONSTRAINT;
	}
	return db_exec(db, sql_grant_insert, "itti", account_id,
	    role_names[role], scope_names[scope], scope_id);
}

int
account_set_password(struct db *db, int64_t id, const char *password,
    int must_change)
{
	char	 hash[PASSWORD_HASH_MAX];

	if (password_hash(password, hash) == -1)
		return DB_ERROR;
	return db_exec(db, sql_account_password, "tdi", hash, must_change, id);
}

int
account_link_person(struct db *db, int64_t id, int64_t person_id)
{
	return db_exec(db, sql_account_person, "ii", person_id, id);
}

int64_t
account_person(struct db *db, int64_t id)
{
	static const char *sql = "SELECT ifnull(person_id, 0) FROM accounts "
	    "WHERE id = ?";
	int64_t	 person = 0;

	if (db_int(db, &person, sql, "i", id) <= 0)
		return 0;
	return person;
}

int
account_disable(struct db *db, int64_t id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_account_disable, "i", id)) != DB_OK)
		return rc;
	return session_end_all(db, id);
}

int
account_authenticate(struct db *db, const char *username,
    const char *password, int64_t *id)
{
	struct db_cursor st;
	char		*hash = NULL;
	int		 rc;

	*id = 0;
	if (db_cursor_open(db, &st, sql_account_auth, "t", username) == -1)
		return -1;
	if ((rc = db_cursor_next(&st)) == 1) {
		*id = db_cursor_int(&st, 0);
		hash = strdup(db_cursor_text(&st, 1));
	}
	db_cursor_close(&st);
	if (rc < 0)
		return -1;
	if (hash == NULL) {
		password_burn(password);
		*id = 0;
		return rc == 1 ? -1 : 0;
	}
	rc = password_verify(hash, password);
	free(hash);
	if (!rc)
		*id = 0;
	return rc;
}

static int
grants_load(struct db *db, int64_t id, struct principal *p)
{
	struct db_cursor st;
	struct grant	*g;
	int		 rc, role, scope;

	if (db_cursor_open(db, &st, sql_grants_load, "i", id) == -1)
		return -1;
	while ((rc = db_cursor_next(&st)) == 1) {
		role = role_parse(db_cursor_text(&st, 0));
		scope = -1;
		for (int i = 0; i < SCOPE__MAX; i++)
			if (strcmp(scope_names[i],
			    db_cursor_text(&st, 1)) == 0)
				scope = i;
		if (role < 0 || scope < 0)
			continue;
		g = realloc(p->grants, (p->ngrants + 1) * sizeof(*g));
		if (g == NULL) {
			rc = -1;
			break;
		}
		p->grants = g;
		g = &p->grants[p->ngrants++];
		g->role = (enum role)role;
		g->scope = (enum scope)scope;
		g->site_id = db_cursor_int(&st, 2);
		g->group_id = db_cursor_int(&st, 3);
	}
	db_cursor_close(&st);
	return rc;
}

int
account_principal(struct db *db, int64_t id, struct principal *p)
{
	struct db_cursor st;
	int		 rc;

	principal_clear(p);
	if (db_cursor_open(db, &st, sql_account_load, "i", id) == -1)
		return -1;
	if ((rc = db_cursor_next(&st)) == 1) {
		p->account_id = id;
		p->username = strdup(db_cursor_text(&st, 0));
		p->display_name = strdup(db_cursor_text(&st, 1));
		p->must_change_password = (int)db_cursor_int(&st, 2);
		p->large_text = (int)db_cursor_int(&st, 3);
		snprintf(p->language, sizeof(p->language), "%s",
		    db_cursor_text(&st, 4));
		snprintf(p->reading, sizeof(p->reading), "%s",
		    db_cursor_text(&st, 5));
		snprintf(p->place_language, sizeof(p->place_language), "%s",
		    db_cursor_text(&st, 6));
		if (p->username == NULL || p->display_name == NULL)
			rc = -1;
	}
	db_cursor_close(&st);
	if (rc == 1 && grants_load(db, id, p) < 0)
		rc = -1;
	if (rc != 1)
		principal_clear(p);
	return rc;
}

int
account_set_preference(struct db *db, int64_t id,
    enum account_preference which, const char *value)
{
	int	 rc;

	if ((rc = db_exec(db, preferences[which].sql, "ti", value, id)) !=
	    DB_OK)
		return rc;
	return audit_append(db, id, preferences[which].action, "account", id,
	    value);
}

int
session_create(struct db *db, int64_t account_id, time_t now,
    char token[TOKEN_CHARS + 1])
{
	unsigned char	 digest[DIGEST_BYTES];

	token_new(token);
	token_digest(token, digest);
	return db_exec(db, sql_session_insert, "biii", DB_BLOB(digest, sizeof(digest)),
	    account_id, (int64_t)now, (int64_t)now);
}

/* The account of token's session when it is live (1), its digest into
 * digest and its last-seen time into seen; 0 when there is none, the
 * token is malformed or the session idle (*idle set: it is no one's
 * now); -1.  Reads only. */
static int
session_live(struct db *db, const char *token, time_t now, int idle_s,
    unsigned char digest[DIGEST_BYTES], int64_t *account_id, int64_t *seen,
    int *idle)
{
	struct db_cursor st;
	int		 rc;

	*account_id = 0;
	*idle = 0;
	if (!token_wellformed(token))
		return 0;
	token_digest(token, digest);
	if (db_cursor_open(db, &st, sql_session_load, "b",
	    DB_BLOB(digest, DIGEST_BYTES)) == -1)
		return -1;
	if ((rc = db_cursor_next(&st)) == 1) {
		*account_id = db_cursor_int(&st, 0);
		*seen = db_cursor_int(&st, 1);
	}
	db_cursor_close(&st);
	if (rc == 1 && now - *seen > idle_s) {
		*account_id = 0;
		*idle = 1;
		return 0;
	}
	return rc;
}

int
session_resolve(struct db *db, const char *token, time_t now, int idle_s,
    int touch_s, int64_t *account_id, int *idle)
{
	unsigned char	 digest[DIGEST_BYTES];
	int64_t		 seen = 0;
	int		 rc;

	rc = session_live(db, token, now, idle_s, digest, account_id, &seen,
	    idle);
	/* Refused whether or not the idle row goes; an error says so. */
	if (*idle && db_exec(db, sql_session_delete, "b",
	    DB_BLOB(digest, sizeof(digest))) == DB_ERROR)
		return -1;
	if (rc == 1 && now - seen >= touch_s &&
	    db_exec(db, sql_session_touch, "ib", (int64_t)now,
	    DB_BLOB(digest, sizeof(digest))) == DB_ERROR)
		return -1;
	return rc;
}

int
session_peek(struct db *db, const char *token, time_t now, int idle_s,
    int64_t *account_id)
{
	unsigned char	 digest[DIGEST_BYTES];
	int64_t		 seen = 0;
	int		 idle;

	return session_live(db, token, now, idle_s, digest, account_id, &seen,
	    &idle);
}

int
session_end(struct db *db, const char *token)
{
	unsigned char	 digest[DIGEST_BYTES];

	token_digest(token, digest);
	return db_exec(db, sql_session_delete, "b",
	    DB_BLOB(digest, sizeof(digest)));
}

int
session_end_all(struct db *db, int64_t account_id)
{
	int	 rc;

	/* Everywhere means everywhere: API tokens end with the sessions. */
	if ((rc = db_exec(db, sql_session_delete_all, "i", account_id)) !=
	    DB_OK)
		return rc;
	return db_exec(db, sql_token_revoke_all, "i", account_id);
}

int
apitoken_create(struct db *db, int64_t account_id, const char *name,
    char token[TOKEN_CHARS + 1], int64_t *id)
{
	unsigned char	 digest[DIGEST_BYTES];
	int		 rc;

	token_new(token);
	token_digest(token, digest);
	rc = db_exec(db, sql_token_insert, "itb", account_id, name,
	    DB_BLOB(digest, sizeof(digest)));
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
apitoken_resolve(struct db *db, const char *token, int64_t *account_id)
{
	unsigned char	 digest[DIGEST_BYTES];

	*account_id = 0;
	if (!token_wellformed(token))
		return 0;
	token_digest(token, digest);
	return db_int(db, account_id, sql_token_load, "b",
	    DB_BLOB(digest, sizeof(digest)));
}

int
apitoken_revoke(struct db *db, int64_t account_id, int64_t token_id)
{
	int	 rc;

	rc = db_exec(db, sql_token_revoke, "ii", token_id, account_id);
	if (rc == DB_OK && db_changes(db) == 0)
		return DB_CONSTRAINT;
	return rc;
}

int
throttle_blocked(struct db *db, const char *key, int max, int window_s,
    time_t now)
{
	struct db_cursor st;
	int		 rc, blocked = 0;

	if (db_cursor_open(db, &st, sql_throttle_load, "t", key) == -1)
		return -1;
	if ((rc = db_cursor_next(&st)) == 1)
		blocked = (int)db_cursor_int(&st, 0) >= max &&
		    db_cursor_int(&st, 1) > (int64_t)now - window_s;
	db_cursor_close(&st);
	return rc < 0 ? -1 : blocked;
}

int
throttle_fail(struct db *db, const char *key, int window_s, time_t now)
{
	return db_exec(db, sql_throttle_fail, "tii", key, (int64_t)now,
	    (int64_t)window_s);
}

int
throttle_clear(struct db *db, const char *key)
{
	return db_exec(db, sql_throttle_clear, "t", key);
}

int
throttle_forgive(struct db *db, const char *key)
{
	return db_exec(db, sql_throttle_forgive, "t", key);
}

int
settings_secret(struct db *db, const char *name,
    unsigned char out[DIGEST_BYTES])
{
	struct db_cursor st;
	const void	*stored;
	size_t		 len;
	int		 rc;

	if (db_cursor_open(db, &st, sql_setting_get, "t", name) == -1)
		return -1;
	rc = db_cursor_next(&st);
	if (rc == 1 && (stored = db_cursor_blob(&st, 0, &len)) != NULL &&
	    len == DIGEST_BYTES)
		memcpy(out, stored, DIGEST_BYTES);
	else if (rc == 1)
		rc = -1;
	db_cursor_close(&st);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	randombytes_buf(out, DIGEST_BYTES);
	return db_exec(db, sql_setting_put, "tb", name,
	    DB_BLOB(out, DIGEST_BYTES)) == DB_OK ? 0 : -1;
}

static const char *sql_grants_view =
    "SELECT g.role, g.scope, CASE g.scope WHEN 'organisation' THEN "
    "(SELECT name FROM organisation WHERE id = 1) "
    "WHEN 'site' THEN s.name ELSE gr.name END AS place "
    "FROM grants g LEFT JOIN sites s ON s.id = g.site_id "
    "LEFT JOIN groups gr ON gr.id = g.group_id WHERE g.account_id = ? "
    "ORDER BY g.scope, g.role";
static const char *sql_token_list =
    "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens "
    "WHERE account_id = ? ORDER BY revoked_at IS NOT NULL, created_at DESC";

json_t *
account_grants_view(struct db *db, int64_t account_id)
{
	json_t	*rows, *row;
	size_t	 i;
	int	 role;

	if ((rows = db_rows(db, sql_grants_view, "i", account_id)) == NULL)
		return NULL;
	json_array_foreach(rows, i, row) {
		role = role_parse(json_string_value(json_object_get(row, "role")));
		if (role >= 0)
			json_object_set_new(row, "role_label",
			    json_string(role_labels[role]));
	}
	return rows;
}

json_t *
apitoken_list(struct db *db, int64_t account_id)
{
	return db_rows(db, sql_token_list, "i", account_id);
}
