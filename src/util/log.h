/*
 * Log lines on stderr in a form journald keeps.  Under systemd, stderr
 * is a stream to the journal (the service's JOURNAL_STREAM names it) and
 * a line starting "<N>" is stored at syslog priority N (SyslogLevelPrefix,
 * on by default), so `journalctl -p err -u roundtable` finds the errors.
 * On a terminal or a pipe the prefix would only be noise, so it is left
 * off.  Each line is written with one write(), so lines from different
 * threads never mix.
 *
 * Priorities are syslog's (LOG_ERR, LOG_WARNING, LOG_INFO...).  Nothing
 * here owns memory.
 */
#ifndef RT_LOG_H
#define RT_LOG_H

#include <syslog.h>

/* Looks once whether stderr is the journal; call early in main(), before
 * threads (later calls only repeat the look). */
void		 log_init(void);
/* "<N>" when stderr is the journal, else "".  Async-signal-safe. */
const char	*log_prefix(int priority);
/* One line (a newline is added), cut at LOG_LINE_MAX bytes. */
void		 log_line(int priority, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

#endif
