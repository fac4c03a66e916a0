/*
 * The pictures of easy read: a small set of line drawings of our own, one
 * beside each key point (a speech bubble for "you said", a ballot box for
 * voting, a calendar for a date).  Each is drawn once, here, in a 48 by
 * 48 grid, and shown two ways from the same shapes: as inline SVG in a
 * page (a template's {{% name}}) and as vectors in a printed PDF (through
 * pdf_pictured), so the page and the notice show the same picture.
 *
 * The shapes are written in a few path commands, all absolute: M x y,
 * L x y, C x1 y1 x2 y2 x y, Z, and two circles: O cx cy r (an outline)
 * and D cx cy r (a filled dot).
 *
 * Everything here is static and read-only.
 */
#ifndef RT_PICTOGRAM_H
#define RT_PICTOGRAM_H

#include <stddef.h>

#include <cairo.h>

#include "../util/buf.h"

#define PICTOGRAM_GRID	48	/* the drawings' units, square */

struct pictogram {
	const char	*name;	/* "vote": what {{% vote}} names */
	const char	*label;	/* what it shows, for those who cannot see
				   it: "A ballot box" (N_()) */
	const char	*shapes;	/* the commands above */
};

extern const struct pictogram	pictograms[];
extern const size_t		pictograms_count;

/* The picture called name (len bytes of it), or NULL. */
const struct pictogram	*pictogram_find(const char *name, size_t len);
/* Appends the picture as inline SVG named by label (the label in the
 * reader's language), or, label NULL, hidden from screen readers: a
 * picture beside the words that say the same is decorative, and named
 * it would be read into the label, legend or link it stands in
 * ("Question mark Question 1").  0, or -1 when out is full or the
 * shapes bad. */
int	pictogram_svg(const struct pictogram *, const char *label,
	    struct buf *out);
/* Draws the picture into the box w by h at the origin (a pdf_draw_fn;
 * arg is the struct pictogram), in black.  0, or -1 on bad shapes. */
int	pictogram_draw(cairo_t *, double w, double h, void *arg);

#endif
