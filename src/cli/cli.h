/*
 * The `roundtable` command line: each command is a function taking the
 * parsed options; it prints errors to stderr and returns the exit status.
 *
 * struct cli owns its configuration (config_release in main) and borrows
 * argv for everything else.
 */
#ifndef RT_CLI_H
#define RT_CLI_H

#include "../config.h"
#include "../limits.h"


struct db;

struct cli {
	struct config	 config;
	const char	*args[CLI_ARGS_MAX];	/* positional, after the command */
	int		 nargs;
	int		 password_stdin;
	const char	*role;		/* user add --role */
	const char	*scope;		/* user add --scope site:ID|group:ID */
	const char	*display;	/* user add --name */
	const char	*person;	/* user add --person ID */
	const char	*from;		/* copy --from FILE */
	const char	*file;		/* exchange --to/--from FILE */
	const char	*origin;	/* exchange --origin N */
	const char	*sites;		/* exchange --sites ID,ID */
	const char	*key;		/* exchange --key FILE */
	const char	*lang;		/* person export --lang CODE */
	int		 large;		/* person export --large */
};

/* The audit signing key file: [keys] audit_key, or the database path
 * with ".audit-key" added.  The caller frees it; NULL without memory. */
char	*cli_audit_key_path(const struct cli *);

/* The exchange key file: [keys] exchange_key, or the database path with
 * ".exchange-key" added; NULL for a PostgreSQL database without the
 * setting, or without memory.  The caller frees it. */
char	*cli_exchange_key_path(const struct cli *);

/* Opens the configured database, migrated, with the audit signing key
 * loaded (audit.h): 0 or -1 (message printed). */
int	cli_open(struct cli *, struct db *);
/* Makes the database's folder and the key files init makes, where they
 * are missing: 0 or -1 (message printed). */
int	cli_keys_make(struct cli *);

int	cli_serve(struct cli *);
int	cli_init(struct cli *);
int	cli_demo(struct cli *);
int	cli_user(struct cli *);
int	cli_backup(struct cli *);
int	cli_restore(struct cli *);
int	cli_check(struct cli *);
int	cli_routes(struct cli *);
int	cli_person(struct cli *);
int	cli_retention(struct cli *);
int	cli_fingerprint(struct cli *);
int	cli_copy(struct cli *);
int	cli_exchange(struct cli *);

/* Reads one line (a password) from stdin without its newline: 0 or -1. */
int	cli_read_password(char *out, size_t sz);

#endif
