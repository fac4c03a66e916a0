/*
 * Why JOURNAL_STREAM and not sd-journal: one less library, and the same
 * lines still read well when the server runs in a terminal.  systemd sets
 * JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected; comparing
 * it with fstat(2) on stderr tells a redirected stderr (a file, a pipe to
 * a test) apart from the journal itself, as systemd.exec(5) advises.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "../limits.h"

static int	 to_journal;

static int
stderr_is_journal(void)
{
	const char		*env = getenv("JOURNAL_STREAM");
	struct stat		 st;
	unsigned long long	 dev, ino;

	if (env == NULL || sscanf(env, "%llu:%llu", &dev, &ino) != 2 ||
	    fstat(STDERR_FILENO, &st) == -1)
		return 0;
	return (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}

void
log_init(void)
{
	to_journal = stderr_is_journal();
}

const char *
log_prefix(int priority)
{
	static const char *const prefixes[] = {
		"<0>", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>"
	};

	if (!to_journal || priority < 0 || priority > 7)
		return "";
	return prefixes[priority];
}

void
log_line(int priority, const char *fmt, ...)
{
	char	 line[LOG_LINE_MAX];
	va_list	 ap;
	size_t	 n;
	int	 len;

	n = strlen(log_prefix(priority));
	memcpy(line, log_prefix(priority), n);
	va_start(ap, fmt);
	len = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	n += (size_t)len < sizeof(line) - n - 1 ? (size_t)len :
	    sizeof(line) - n - 2;
	line[n++] = '\n';
	(void)!write(STDERR_FILENO, line, n);
}
