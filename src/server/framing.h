/*
 * Requests whose framing HTTP/1.1 says a server must refuse (400), which
 * libmicrohttpd 0.9.75 lets through: two Content-Length headers, or one
 * beside Transfer-Encoding (a proxy and we could read different bodies:
 * request smuggling); HTTP/1.1 without exactly one Host; and a NUL in the
 * request line, which would cut the path short ("/people/1\0/x" read as
 * "/people/1").
 *
 * libmicrohttpd gives us the request line only as C strings, so the NUL
 * is found by length: struct framing_uri is filled by the URI log
 * callback, before the library parses the query or decodes escapes in
 * place, and compared in the access handler with where the version
 * begins (the byte after the URI's end in the same line buffer).
 */
#ifndef RT_FRAMING_H
#define RT_FRAMING_H

#include <stddef.h>

#include <microhttpd.h>

/* Borrowed pointer into libmicrohttpd's buffer, valid for the request. */
struct framing_uri {
	const char	*uri;		/* as the request line has it */
	size_t		 len;		/* strlen when first seen */
};

/* The sentence to answer 400 with, or NULL when the framing is sound. */
const char	*framing_problem(struct MHD_Connection *,
		    const struct framing_uri *, const char *version);

#endif
