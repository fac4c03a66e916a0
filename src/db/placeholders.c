#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "placeholders.h"
#include "../limits.h"
#include "../util/buf.h"

/* Copies a quoted run (the quote at *p) to out, doubled quotes inside
 * included; returns the position after the closing quote. */
static const char *
copy_quoted(struct buf *out, const char *p, int *bad)
{
	char		 q = *p;
	const char	*start = p++;

	for (;;) {
		if (*p == '\0')
			break;
		if (*p == q && p[1] == q) {
			p += 2;
			continue;
		}
		if (*p++ == q)
			break;
	}
	if (buf_add(out, start, (size_t)(p - start)) == -1)
		*bad = 1;
	return p;
}

/* Copies a comment (-- to the line's end, or slash-star to star-slash). */
static const char *
copy_comment(struct buf *out, const char *p, int *bad)
{
	const char	*start = p, *end;

	if (p[0] == '-') {
		end = strchr(p, '\n');
		p = end != NULL ? end : p + strlen(p);
	} else {
		end = strstr(p + 2, "*/");
		p = end != NULL ? end + 2 : p + strlen(p);
	}
	if (buf_add(out, start, (size_t)(p - start)) == -1)
		*bad = 1;
	return p;
}

char *
placeholders_pg(const char *sql, int *nparams, unsigned char *used)
{
	struct buf	 out;
	const char	*p = sql;
	char		*end;
	long		 n;
	int		 most = 0, bad = 0;

	buf_init(&out, DB_SQL_TEXT_MAX);
	if (used != NULL)
		memset(used, 0, PLACEHOLDERS_USED_BYTES);
	while (*p != '\0' && !bad) {
		if (*p == '\'' || *p == '"')
			p = copy_quoted(&out, p, &bad);
		else if ((p[0] == '-' && p[1] == '-') ||
		    (p[0] == '/' && p[1] == '*'))
			p = copy_comment(&out, p, &bad);
		else if (*p == '?') {
			if (isdigit((unsigned char)p[1])) {
				n = strtol(p + 1, &end, 10);
				p = end;
			} else {
				n = most + 1;
				p++;
			}
			if (n < 1 || n > DB_PARAMS_MAX ||
			    buf_printf(&out, "$%ld", n) == -1)
				bad = 1;
			else {
				if (n > most)
					most = (int)n;
				if (used != NULL)
					used[n / 8] |= 1u << (n % 8);
			}
		} else if (buf_add(&out, p++, 1) == -1)
			bad = 1;
	}
	if (bad) {
		buf_release(&out);
		return NULL;
	}
	*nparams = most;
	return buf_detach(&out, NULL);
}
