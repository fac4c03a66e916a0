/*
 * roundtable: one program that serves the web application and manages
 * its database.  See `roundtable --help` and the README.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/audit.h"
#include "cli/cli.h"
#include "limits.h"
#include "util/log.h"

#ifndef RT_VERSION
#define RT_VERSION "0.1.0"
#endif

static const struct command {
	const char	*name;
	int		(*run)(struct cli *);
	const char	*usage;
	const char	*help;
} commands[] = {
	{ "serve", cli_serve, "serve [--listen ADDR:PORT]",
	    "Serve the web application until SIGINT or SIGTERM." },
	{ "init", cli_init, "init [--name ORGANISATION]",
	    "Create or migrate the database; the first time, print a "
	    "one-time admin password." },
	{ "demo", cli_demo, "demo",
	    "Load the fictional demo organisation into an empty database." },
	{ "user", cli_user, "user add NAME --role ROLE [--scope site:ID|group:ID]"
	    " [--name DISPLAY] [--person ID] [--password-stdin]\n"
	    "       roundtable user grant NAME --role ROLE [--scope ...]\n"
	    "       roundtable user passwd NAME [--password-stdin]\n"
	    "       roundtable user disable NAME",
	    "Manage accounts. Without --password-stdin a password is made "
	    "and printed once; the user must change it when signing in." },
	{ "backup", cli_backup, "backup FILE",
	    "Copy the database to FILE, consistently, even while serving, "
	    "and print the copy's fingerprint. With [backup] dir, serve "
	    "also backs up every every_s seconds, keeping the newest keep." },
	{ "restore", cli_restore, "restore FILE",
	    "Replace the database with FILE (stop the server first)." },
	{ "check", cli_check, "check",
	    "Check the database's integrity and the audit chain; exit 1 on "
	    "any fault." },
	{ "person", cli_person, "person export ID [PDF] [--lang CODE] "
	    "[--large]\n"
	    "       roundtable person erase ID REASON",
	    "Subject access: print everything held about person ID as "
	    "JSON; with PDF, also write it there for them to read, in "
	    "their language (--lang cy) and large print (--large). "
	    "Erasure: remove the identity of someone who has left, keeping "
	    "collective records. Both audited." },
	{ "fingerprint", cli_fingerprint, "fingerprint",
	    "Print a digest of every table, as a backup records beside "
	    "itself, to compare a restore with its backup." },
	{ "copy", cli_copy, "copy --from FILE --to postgresql://...",
	    "Move an organisation's SQLite database onto a new PostgreSQL "
	    "one, checking every table read back; the audit key moves with "
	    "it to [keys] audit_key. Stop the server first." },
	{ "retention", cli_retention, "retention",
	    "Delete or anonymise what is past its retention period "
	    "([retention] in the config); prints what it changed. Audited." },
	{ "exchange", cli_exchange, "exchange key\n"
	    "       roundtable exchange pair --origin N --sites ID,... --key FILE"
	    " --name NAME\n"
	    "       roundtable exchange join --origin N --sites ID,... --key FILE\n"
	    "       roundtable exchange export [--origin N] --to FILE\n"
	    "       roundtable exchange import FILE (or --from FILE)\n"
	    "       roundtable exchange status\n"
	    "       roundtable exchange check [--origin N]",
	    "Exchange signed, encrypted bundles between the hub and offline "
	    "stations (docs/exchange.md). key makes this place's keys and "
	    "prints the public one; pair (at the hub) and join (at a new "
	    "station) record the other place; export and import carry "
	    "bundles; status shows what is waiting; check prints a digest of "
	    "what the two places share, the same at both when they agree." },
	{ "routes", cli_routes, "routes",
	    "Print every route with the roles and scope allowed." },
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *out)
{
	size_t	 i;

	fprintf(out, "usage: roundtable COMMAND [--db PATH] [--config FILE]\n\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  roundtable %s\n      %s\n", commands[i].usage,
		    commands[i].help);
	fprintf(out, "\n  roundtable --version\n  roundtable COMMAND --help\n");
}

/* Splits "ADDR:PORT" (or "[v6]:PORT") into the configuration. */
static int
listen_parse(struct config *c, const char *s)
{
	const char	*colon = strrchr(s, ':');
	char		*end;
	long		 port;
	size_t		 n;

	if (colon == NULL)
		goto bad;
	port = strtol(colon + 1, &end, 10);
	if (*end != '\0' || port < 1 || port > 65535)
		goto bad;
	n = (size_t)(colon - s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	if (n == 0)
		goto bad;
	free(c->listen_addr);
	c->listen_addr = strndup(s, n);
	c->listen_port = (int)port;
	return 0;
bad:
	fprintf(stderr, "--listen takes ADDR:PORT, like 127.0.0.1:8080\n");
	return -1;
}

int
main(int argc, char *argv[])
{
	const struct command	*cmd = NULL;
	struct cli		 cli;
	const char		*db = NULL, *config = NULL, *listen = NULL;
	const char		*name = NULL;
	int			 i, rc, help = 0, exchanging;
	size_t			 k;

	memset(&cli, 0, sizeof(cli));
	log_init();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("roundtable %s\n", RT_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	for (k = 0; k < NCOMMANDS; k++)
		if (strcmp(argv[1], commands[k].name) == 0)
			cmd = &commands[k];
	if (cmd == NULL) {
		fprintf(stderr, "roundtable: unknown command %s\n", argv[1]);
		usage(stderr);
		return 2;
	}
	/* Here --to and --from name a bundle, not a database. */
	exchanging = cmd->run == cli_exchange;
	for (i = 2; i < argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "--help") == 0)
			help = 1;
		else if (strcmp(argv[i], "--password-stdin") == 0)
			cli.password_stdin = 1;
		else if (exchanging && (strcmp(argv[i], "--to") == 0 ||
		    strcmp(argv[i], "--from") == 0))
			slot = &cli.file;
		else if (strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--to") == 0)
			slot = &db;
		else if (strcmp(argv[i], "--from") == 0)
			slot = &cli.from;
		else if (strcmp(argv[i], "--origin") == 0)
			slot = &cli.origin;
		else if (strcmp(argv[i], "--sites") == 0)
			slot = &cli.sites;
		else if (strcmp(argv[i], "--key") == 0)
			slot = &cli.key;
		else if (strcmp(argv[i], "--config") == 0)
			slot = &config;
		else if (strcmp(argv[i], "--listen") == 0)
			slot = &listen;
		else if (strcmp(argv[i], "--role") == 0)
			slot = &cli.role;
		else if (strcmp(argv[i], "--scope") == 0)
			slot = &cli.scope;
		else if (strcmp(argv[i], "--name") == 0)
			slot = &name;
		else if (strcmp(argv[i], "--person") == 0)
			slot = &cli.person;
		else if (strcmp(argv[i], "--lang") == 0)
			slot = &cli.lang;
		else if (strcmp(argv[i], "--large") == 0)
			cli.large = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "roundtable %s: unknown option %s\n",
			    cmd->name, argv[i]);
			return 2;
		} else if (cli.nargs == CLI_ARGS_MAX) {
			fprintf(stderr, "roundtable %s: too many arguments\n",
			    cmd->name);
			return 2;
		} else
			cli.args[cli.nargs++] = argv[i];
		if (slot != NULL) {
			if (++i == argc) {
				fprintf(stderr, "roundtable %s: %s needs a "
				    "value\n", cmd->name, argv[i - 1]);
				return 2;
			}
			*slot = argv[i];
		}
	}
	if (help) {
		printf("usage: roundtable %s [--db PATH] [--config FILE]\n\n%s\n",
		    cmd->usage, cmd->help);
		return 0;
	}
	cli.display = name;
	config_defaults(&cli.config);
	if (config != NULL && config_load(&cli.config, config) == -1) {
		config_release(&cli.config);
		return 2;
	}
	if (db != NULL) {
		free(cli.config.db_path);
		cli.config.db_path = strdup(db);
	}
	if (listen != NULL && listen_parse(&cli.config, listen) == -1) {
		config_release(&cli.config);
		return 2;
	}
	rc = cmd->run(&cli);
	audit_signer_clear();
	config_release(&cli.config);
	return rc;
}
