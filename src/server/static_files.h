/*
 * Static assets (CSS, JS, images) read into memory once at start-up from
 * the configured folder and served under /static/ with validators and
 * cache headers.  The table owns every path and byte.
 */
#ifndef RT_STATIC_FILES_H
#define RT_STATIC_FILES_H

#include <stddef.h>

struct static_file {
	char		*url;		/* "/static/roundtable.css" */
	char		*data;
	size_t		 len;
	const char	*type;		/* a literal MIME type */
	char		 etag[24];
};

struct static_files {
	struct static_file	*files;
	size_t			 n;
};

/* Loads every regular file below dir.  0, or -1 with a message. */
int	static_files_load(struct static_files *, const char *dir);
const struct static_file *static_files_find(const struct static_files *,
	    const char *url);
void	static_files_free(struct static_files *);

#endif
