/*
 * Rendering a filled struct response into bytes and a content type.
 */
#ifndef RT_RENDER_RESPONSE_H
#define RT_RENDER_RESPONSE_H

#include "request.h"

/* 0, or -1 (out of memory, a template failed).  May add to rs->view. */
int	response_render(const struct request *, struct response *,
	    struct buf *out, const char **type);

#endif
