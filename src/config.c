#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "limits.h"

enum config_type { CT_STRING, CT_INT, CT_SIZE, CT_BOOL };

/* The table the INI loader and the README both follow. */
struct config_key {
	const char		*section;
	const char		*name;
	enum config_type	 type;
	size_t			 offset;
	long long		 min, max;
};

#define KEY(sec, name, type, field, lo, hi) \
	{ sec, name, type, offsetof(struct config, field), lo, hi }

static const struct config_key config_keys[] = {
	KEY("server", "listen_addr", CT_STRING, listen_addr, 0, 0),
	KEY("server", "listen_port", CT_INT, listen_port, 1, 65535),
	KEY("server", "threads", CT_INT, threads, 0, 256),
	KEY("server", "static_dir", CT_STRING, static_dir, 0, 0),
	KEY("server", "cookie_secure", CT_BOOL, cookie_secure, 0, 1),
	KEY("server", "access_log", CT_BOOL, access_log, 0, 1),
	KEY("database", "path", CT_STRING, db_path, 0, 0),
	/* A postgresql:// URI in place of the file: the last of the two wins. */
	KEY("database", "url", CT_STRING, db_path, 0, 0),
	KEY("database", "busy_timeout_ms", CT_INT, busy_timeout_ms, 1, 600000),
	KEY("limits", "body_max", CT_SIZE, body_max, 1024, 1LL << 30),
	KEY("limits", "field_max", CT_SIZE, field_max, 64, 1LL << 24),
	KEY("limits", "fields_max", CT_SIZE, fields_max, 1, 100000),
	KEY("limits", "upload_max", CT_SIZE, upload_max, 1024, 1LL << 30),
	KEY("limits", "page_max", CT_SIZE, page_max, 65536, 1LL << 30),
	KEY("limits", "connections_max", CT_INT, connections_max, 1, 100000),
	KEY("limits", "connections_per_ip", CT_INT, connections_per_ip, 1, 100000),
	KEY("limits", "connection_timeout_s", CT_INT, connection_timeout_s, 1, 3600),
	KEY("limits", "connection_memory", CT_SIZE, connection_memory, 8192, 1LL << 24),
	KEY("limits", "list_page_size", CT_INT, list_page_size, 1, LIST_ROWS_MAX),
	KEY("limits", "archive_draw_s", CT_INT, archive_draw_s, 1, 3600),
	KEY("security", "session_idle_s", CT_INT, session_idle_s, 1, 86400 * 30),
	KEY("security", "session_touch_s", CT_INT, session_touch_s, 0, 3600),
	KEY("security", "login_failures_max", CT_INT, login_failures_max, 1, 1000),
	KEY("security", "login_failures_ip_max", CT_INT, login_failures_ip_max, 1, 100000),
	KEY("security", "login_window_s", CT_INT, login_window_s, 1, 86400),
	KEY("security", "password_min", CT_INT, password_min, 8, 1024),
	KEY("membership", "supervision_interval_months", CT_INT,
	    supervision_interval_months, 1, 24),
	KEY("surveys", "answers_per_minute", CT_INT, answers_per_minute, 1, 100000),
	KEY("keys", "audit_key", CT_STRING, audit_key, 0, 0),
	KEY("keys", "backup_key", CT_STRING, backup_key, 0, 0),
	KEY("keys", "exchange_key", CT_STRING, exchange_key, 0, 0),
	KEY("retention", "logs_days", CT_INT, retain_logs_days, 0,
	    RETENTION_DAYS_MAX),
	KEY("retention", "supervision_notes_days", CT_INT,
	    retain_supervision_days, 0, RETENTION_DAYS_MAX),
	KEY("retention", "expenses_days", CT_INT, retain_expenses_days, 0,
	    RETENTION_DAYS_MAX),
	KEY("retention", "survey_text_days", CT_INT, retain_survey_text_days,
	    0, RETENTION_DAYS_MAX),
	KEY("retention", "in_server", CT_BOOL, retention_in_server, 0, 1),
	KEY("backup", "dir", CT_STRING, backup_dir, 0, 0),
	KEY("backup", "every_s", CT_INT, backup_every_s, 1, 86400 * 366),
	KEY("backup", "keep", CT_INT, backup_keep, 1, BACKUP_KEEP_MAX),
	KEY("privacy", "suppression_threshold", CT_INT, suppression_threshold, 1, 1000),
};

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->listen_addr = strdup("127.0.0.1");
	c->listen_port = 8080;
	c->static_dir = strdup("static");
	c->access_log = 1;
	c->db_path = strdup("var/roundtable.db");
	c->busy_timeout_ms = 5000;
	c->body_max = 1024 * 1024;
	c->field_max = 64 * 1024;
	c->fields_max = 200;
	c->upload_max = 10 * 1024 * 1024;
	c->page_max = 16 * 1024 * 1024;
	c->connections_max = 512;
	c->connections_per_ip = 64;
	c->connection_timeout_s = 30;
	c->connection_memory = 64 * 1024;
	c->list_page_size = 25;
	c->archive_draw_s = 30;
	c->session_idle_s = 30 * 60;
	c->session_touch_s = 60;
	c->login_failures_max = 5;
	c->login_failures_ip_max = 50;
	c->login_window_s = 15 * 60;
	c->password_min = 10;
	c->supervision_interval_months = 1;
	c->suppression_threshold = 5;
	c->answers_per_minute = 30;
	/* A starting policy for a data protection officer to confirm. */
	c->retain_logs_days = 3 * 365;
	c->retain_supervision_days = 2 * 365;
	c->retain_expenses_days = 6 * 365 + 2;	/* HMRC: six years */
	c->retain_survey_text_days = 365;
	c->backup_every_s = 86400;
	c->backup_keep = 7;
}

void
config_release(struct config *c)
{
	free(c->listen_addr);
	free(c->static_dir);
	free(c->db_path);
	free(c->audit_key);
	free(c->exchange_key);
	free(c->backup_key);
	free(c->backup_dir);
	memset(c, 0, sizeof(*c));
}

struct config_ctx {
	struct config	*config;
	const char	*path;
	int		 failed;
};

static int
config_set(void *user, const char *section, const char *name, const char *value)
{
	struct config_ctx	*ctx = user;
	const struct config_key	*k;
	char			*end, **sp;
	long long		 n;
	size_t			 i;

	for (i = 0; i < sizeof(config_keys) / sizeof(config_keys[0]); i++) {
		k = &config_keys[i];
		if (strcmp(k->section, section) || strcmp(k->name, name))
			continue;
		if (k->type == CT_STRING) {
			sp = (char **)((char *)ctx->config + k->offset);
			free(*sp);
			if ((*sp = strdup(value)) == NULL)
				return 0;
			return 1;
		}
		errno = 0;
		n = strtoll(value, &end, 10);
		if (errno || end == value || *end != '\0' ||
		    n < k->min || n > k->max) {
			fprintf(stderr, "%s: [%s] %s must be a whole number "
			    "from %lld to %lld\n", ctx->path, section, name,
			    k->min, k->max);
			ctx->failed = 1;
			return 1;
		}
		if (k->type == CT_SIZE)
			*(size_t *)((char *)ctx->config + k->offset) = (size_t)n;
		else
			*(int *)((char *)ctx->config + k->offset) = (int)n;
		return 1;
	}
	fprintf(stderr, "%s: unknown setting [%s] %s\n", ctx->path,
	    section, name);
	ctx->failed = 1;
	return 1;
}

int
config_load(struct config *c, const char *path)
{
	struct config_ctx	 ctx = { c, path, 0 };
	int			 rc;

	rc = ini_parse(path, config_set, &ctx);
	if (rc < 0) {
		fprintf(stderr, "%s: cannot read configuration file\n", path);
		return -1;
	}
	if (rc > 0) {
		fprintf(stderr, "%s:%d: syntax error\n", path, rc);
		return -1;
	}
	return ctx.failed ? -1 : 0;
}
