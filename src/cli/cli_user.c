/*
 * roundtable user add|grant|passwd|disable: accounts without the web
 * pages, for operators and scripts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../auth/account.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"


/* Parses --scope: organisation (none), site:ID or group:ID. */
static int
scope_parse(const char *s, enum scope *scope, int64_t *id)
{
	char		*end;
	const char	*colon;

	*scope = SCOPE_ORG;
	*id = 0;
	if (s == NULL || strcmp(s, "organisation") == 0)
		return 0;
	if ((colon = strchr(s, ':')) == NULL)
		return -1;
	if (strncmp(s, "site:", 5) == 0)
		*scope = SCOPE_SITE;
	else if (strncmp(s, "group:", 6) == 0)
		*scope = SCOPE_GROUP;
	else
		return -1;
	*id = strtoll(colon + 1, &end, 10);
	return *end == '\0' && *id > 0 ? 0 : -1;
}

/* The password from stdin, or a new one that is printed afterwards. */
static int
password_get(struct cli *cli, char *out, size_t sz, int *generated)
{
	*generated = !cli->password_stdin;
	if (*generated) {
		password_generate(out, USER_PASSWORD_CHARS);
		return 0;
	}
	if (cli_read_password(out, sz) == -1) {
		fprintf(stderr, "no password on standard input\n");
		return -1;
	}
	if (strlen(out) < (size_t)cli->config.password_min) {
		fprintf(stderr, "the password must be at least %d characters\n",
		    cli->config.password_min);
		return -1;
	}
	return 0;
}

static int
user_grant(struct cli *cli, struct db *db, int64_t id)
{
	enum scope	 scope;
	int64_t		 scope_id;
	int		 role, rc;

	if (cli->role == NULL || (role = role_parse(cli->role)) < 0) {
		fprintf(stderr, "--role must be one of: admin, coordinator, "
		    "decision_maker, rep, member, evaluator, viewer\n");
		return -1;
	}
	if (scope_parse(cli->scope, &scope, &scope_id) == -1) {
		fprintf(stderr, "--scope must be organisation, site:ID or "
		    "group:ID\n");
		return -1;
	}
	rc = account_grant(db, id, (enum role)role, scope, scope_id);
	if (rc == DB_CONSTRAINT) {
		fprintf(stderr, "there is no %s %lld\n", scope_names[scope],
		    (long long)scope_id);
		return -1;
	}
	if (rc != DB_OK || audit_append(db, 0, "grant.create", "account", id,
	    cli->role) != DB_OK)
		return -1;
	return 0;
}

/* --person ID: the person the account belongs to. */
static int
user_person(struct cli *cli, struct db *db, int64_t id)
{
	char		*end;
	long long	 person;

	if (cli->person == NULL)
		return 0;
	person = strtoll(cli->person, &end, 10);
	if (*end != '\0' || person <= 0 ||
	    account_link_person(db, id, person) != DB_OK) {
		fprintf(stderr, "--person must be the id of a person\n");
		return -1;
	}
	return 0;
}

static int
user_run(struct cli *cli, struct db *db, const char *verb, const char *name)
{
	char	 password[PASSWORD_MAX_CHARS + 1];
	int64_t	 id = 0;
	int	 generated = 0, rc;

	rc = account_find(db, name, &id);
	if (rc < 0)
		return -1;
	if (strcmp(verb, "add") == 0) {
		if (rc > 0) {
			fprintf(stderr, "there is already an account %s\n", name);
			return -1;
		}
		if (password_get(cli, password, sizeof(password), &generated) ||
		    account_create(db, name, cli->display ? cli->display : name,
		    password, generated, &id) != DB_OK ||
		    /* The account's id, never its name: a username may be
		     * a person's name, and audit rows cannot be erased. */
		    audit_append(db, 0, "account.create", "account", id,
		    NULL) != DB_OK || user_grant(cli, db, id) == -1 ||
		    user_person(cli, db, id) == -1)
			return -1;
	} else if (rc == 0) {
		fprintf(stderr, "there is no account %s\n", name);
		return -1;
	} else if (strcmp(verb, "grant") == 0) {
		if (user_grant(cli, db, id) == -1)
			return -1;
	} else if (strcmp(verb, "passwd") == 0) {
		if (password_get(cli, password, sizeof(password), &generated) ||
		    account_set_password(db, id, password, generated) != DB_OK ||
		    session_end_all(db, id) != DB_OK ||
		    audit_append(db, 0, "account.password", "account", id,
		    NULL) != DB_OK)
			return -1;
	} else if (strcmp(verb, "disable") == 0) {
		if (account_disable(db, id) != DB_OK ||
		    audit_append(db, 0, "account.disable", "account", id,
		    NULL) != DB_OK)
			return -1;
	} else {
		fprintf(stderr, "roundtable user: unknown action %s\n", verb);
		return -1;
	}
	if (generated)
		printf("One-time password for %s: %s\n", name, password);
	return 0;
}

int
cli_user(struct cli *cli)
{
	struct db	 db;
	int		 rc = 1;

	if (cli->nargs != 2) {
		fprintf(stderr, "usage: roundtable user add|grant|passwd|disable "
		    "NAME [options]; see roundtable user --help\n");
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	if (db_begin(&db, 1) == DB_OK) {
		if (user_run(cli, &db, cli->args[0], cli->args[1]) == 0 &&
		    db_commit(&db) == DB_OK) {
			printf("Done.\n");
			rc = 0;
		} else
			db_rollback(&db);
	}
	db_close(&db);
	return rc;
}
