#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "static_files.h"
#include "../util/buf.h"
#include "../limits.h"


static const struct {
	const char	*ext;
	const char	*type;
} mime_types[] = {
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".woff2", "font/woff2" },
	{ ".txt", "text/plain; charset=utf-8" },
};

static const char *
mime_type(const char *path)
{
	const char	*dot = strrchr(path, '.');
	size_t		 i;

	for (i = 0; dot && i < sizeof(mime_types) / sizeof(mime_types[0]); i++)
		if (strcmp(dot, mime_types[i].ext) == 0)
			return mime_types[i].type;
	return NULL;
}

static int
file_read(const char *path, char **data, size_t *len)
{
	FILE		*f;
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;
	int		 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	buf_init(&b, STATIC_FILE_MAX);
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(&b, chunk, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	if (rc == -1) {
		buf_release(&b);
		return -1;
	}
	*data = buf_detach(&b, len);
	return 0;
}

static int
static_add(struct static_files *sf, const char *path, const char *url)
{
	struct static_file	*p, *f;
	unsigned char		 h[8];
	const char		*type;

	if ((type = mime_type(path)) == NULL)
		return 0;	/* not something we serve */
	if (sf->n == STATIC_FILES_MAX) {
		fprintf(stderr, "%s: more than %d static files\n", path,
		    STATIC_FILES_MAX);
		return -1;
	}
	if ((p = realloc(sf->files, (sf->n + 1) * sizeof(*p))) == NULL)
		return -1;
	sf->files = p;
	f = &sf->files[sf->n];
	memset(f, 0, sizeof(*f));
	if ((f->url = strdup(url)) == NULL)
		return -1;
	if (file_read(path, &f->data, &f->len) == -1) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(f->url);
		return -1;
	}
	f->type = type;
	crypto_generichash(h, sizeof(h), (unsigned char *)f->data, f->len,
	    NULL, 0);
	snprintf(f->etag, sizeof(f->etag), "\"%02x%02x%02x%02x%02x%02x%02x%02x\"",
	    h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
	sf->n++;
	return 0;
}

static int
static_walk(struct static_files *sf, const char *dir, const char *url,
    int depth)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		*path = NULL, *sub = NULL;
	int		 rc = 0;

	if (depth > STATIC_DEPTH_MAX || (d = opendir(dir)) == NULL)
		return depth == 0 ? -1 : 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (asprintf(&path, "%s/%s", dir, e->d_name) == -1 ||
		    asprintf(&sub, "%s/%s", url, e->d_name) == -1) {
			rc = -1;
			break;
		}
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rc = static_walk(sf, path, sub, depth + 1);
		else if (S_ISREG(st.st_mode))
			rc = static_add(sf, path, sub);
		free(path);
		free(sub);
		path = sub = NULL;
	}
	free(path);
	closedir(d);
	return rc;
}

int
static_files_load(struct static_files *sf, const char *dir)
{
	memset(sf, 0, sizeof(*sf));
	if (static_walk(sf, dir, "/static", 0) == -1) {
		fprintf(stderr, "%s: cannot load static files (run make "
		    "assets)\n", dir);
		static_files_free(sf);
		return -1;
	}
	return 0;
}

const struct static_file *
static_files_find(const struct static_files *sf, const char *url)
{
	size_t	 i;

	for (i = 0; i < sf->n; i++)
		if (strcmp(sf->files[i].url, url) == 0)
			return &sf->files[i];
	return NULL;
}

void
static_files_free(struct static_files *sf)
{
	size_t	 i;

	for (i = 0; i < sf->n; i++) {
		free(sf->files[i].url);
		free(sf->files[i].data);
	}
	free(sf->files);
	memset(sf, 0, sizeof(*sf));
}
