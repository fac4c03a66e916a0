/*
 * Every setting and limit Roundtable has, in one place.
 *
 * struct config is a plain value: config_defaults() fills it, config_load()
 * overrides from an INI file, and each field below names its unit.  The
 * strings are owned by the struct (config_release frees them).  Nothing
 * else in the program hard-codes a size, count, rate or timeout: if you
 * need a new limit, add it here, to config_keys[] in config.c, and to the
 * README table.
 */
#ifndef RT_CONFIG_H
#define RT_CONFIG_H

#include <stddef.h>

struct config {
	/* [server] */
	char	*listen_addr;		/* "127.0.0.1" */
	int	 listen_port;		/* 8080 */
	int	 threads;		/* worker threads; 0 = number of cores */
	char	*static_dir;		/* directory of CSS/JS/images */
	int	 cookie_secure;		/* 1 behind TLS: cookies get Secure */
	int	 access_log;		/* one stderr line per request */

	/* [database] */
	char	*db_path;		/* "var/roundtable.db", or a
					 * postgresql:// URI (path or url) */
	int	 busy_timeout_ms;	/* wait for a locked database */

	/* [limits] */
	size_t	 body_max;		/* bytes in a request body */
	size_t	 field_max;		/* bytes in one form field */
	size_t	 fields_max;		/* form fields in one request */
	size_t	 upload_max;		/* bytes in one uploaded file */
	size_t	 page_max;		/* bytes in one rendered response */
	int	 connections_max;	/* open connections, whole server */
	int	 connections_per_ip;	/* open connections from one address */
	int	 connection_timeout_s;	/* seconds to send a whole request, and
					   idle seconds before a drop */
	size_t	 connection_memory;	/* bytes MHD may use per connection */
	int	 list_page_size;	/* rows in one list page */
	int	 archive_draw_s;	/* seconds the confined child may take
					   to draw an archive, then killed */

	/* [security] */
	int	 session_idle_s;	/* idle seconds before sign-out */
	int	 session_touch_s;	/* refresh last_seen at most this often */
	int	 login_failures_max;	/* per username in the window */
	int	 login_failures_ip_max;	/* per address in the window */
	int	 login_window_s;	/* throttling window */
	int	 password_min;		/* characters in a new password */

	/* [membership] */
	int	 supervision_interval_months;	/* one-to-one supervision: due
						   this many months after the last */

	/* [surveys] */
	int	 answers_per_minute;	/* anonymous link and kiosk answers
					   from one address a minute */

	/* [keys]: key files, kept outside the database (mode 0600) */
	char	*audit_key;		/* signs the audit head; NULL: the
					   database path + ".audit-key" */
	char	*backup_key;		/* encrypts backups; NULL: backups
					   are plain SQLite files */
	char	*exchange_key;		/* this place's exchange keys; NULL:
					   the database path + ".exchange-key" */

	/* [privacy] */
	int	 suppression_threshold;	/* counts below this read "fewer than N" */

	/* [retention]: days each kind of record is kept whole; 0 keeps
	 * it for ever (privacy/retention.h says what happens after) */
	int	 retain_logs_days;	/* logged conversations: text removed */
	int	 retain_supervision_days; /* supervision notes: blanked */
	int	 retain_expenses_days;	/* settled expense claims: deleted */
	int	 retain_survey_text_days; /* free-text survey answers: deleted */
	int	 retention_in_server;	/* 1: serve runs it daily itself */

	/* [backup]: scheduled backups by the server; none without dir */
	char	*backup_dir;		/* where they go (NULL: none) */
	int	 backup_every_s;	/* seconds between two */
	int	 backup_keep;		/* the newest this many are kept */
};

void	config_defaults(struct config *);
/* 0 on success; -1 with a message on stderr naming the file, line and key. */
int	config_load(struct config *, const char *path);
void	config_release(struct config *);

#endif
