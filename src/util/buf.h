/*
 * Growable byte buffers with a ceiling chosen by the caller.
 *
 * struct buf: data is owned by the buffer; buf_release() frees it and
 * buf_detach() hands ownership to the caller.  The content is always
 * NUL-terminated (the terminator is not counted in len), so data can be
 * used as a C string when no NUL was added.
 */
#ifndef RT_BUF_H
#define RT_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* owned; NULL until the first add */
	size_t	 len;	/* bytes used, excluding the terminator */
	size_t	 cap;	/* bytes allocated */
	size_t	 max;	/* ceiling for len; adding past it fails */
};

void	 buf_init(struct buf *, size_t max);
void	 buf_release(struct buf *);
void	 buf_clear(struct buf *);		/* keep memory, len = 0 */
char	*buf_detach(struct buf *, size_t *len);	/* caller frees */

/* All adders return 0 on success, -1 when the ceiling or memory runs out. */
int	 buf_add(struct buf *, const void *, size_t);
int	 buf_puts(struct buf *, const char *);
int	 buf_putc(struct buf *, char);
/* A whole number in decimal, without printf. */
int	 buf_add_int(struct buf *, long long);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

#endif
