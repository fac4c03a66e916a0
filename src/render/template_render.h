/*
 * The renderer's state and how it shows a value, shared by the engine
 * (template.c: parsing, sections, partials) and the values it prints
 * (template_values.c: escaping, filters, messages).  Private to render/.
 */
#ifndef RT_TEMPLATE_RENDER_H
#define RT_TEMPLATE_RENDER_H

#include <jansson.h>
#include <stddef.h>

#include "template.h"
#include "../limits.h"

/* What {{name | filter}} does to the value before it is escaped. */
enum tfilter { TF_NONE, TF_DATE, TF_TRANSLATE, TF_WORDS, TF_PICTURE,
	TF_COUNT, TF_NUMBER, TF_TIME, TF_SIZE, TF_DAY, TF_DAY_AFTER_PREPOSITION,
	TF__MAX };

/* Rendering state: the context stack and the output. */
struct render {
	const struct template_set *set;
	json_t		*stack[TEMPLATE_STACK_MAX];	/* borrowed */
	int		 depth;
	int		 partials;
	struct buf	*out;
	template_may_fn	 may;	/* NULL: no {{#may}} section is drawn */
	void		*may_arg;
	const struct catalogue *words;	/* the reader's language; NULL:
					   English */
	int		 plain;	/* plain text (a PDF's): nothing escaped */
};

/* Splits "name | filter" at the bar: *len becomes the name's length and
 * *filter the filter's.  0 when the filter is not one we have. */
int	 template_filter_split(const char *nm, size_t *len, enum tfilter *);
/* The value of a (dotted) name, looked up from the innermost context
 * out; NULL when none has it. */
json_t	*template_lookup(const struct render *, const char *name, size_t len);
/* v through filter, escaped when escape.  0 or -1 (out is full). */
int	 template_put(const struct render *, const json_t *v, int escape,
	    enum tfilter);
/* msgid in the reader's language, each {name} in it filled. */
int	 template_message(const struct render *, const char *msgid);
/* words (already in the reader's language: a plural's form) with each
 * {name} in them filled. */
int	 template_fill(const struct render *, const char *words);

#endif
