/*
 * Decimals as people read them.  A count keeps its votes exactly, as
 * text with five places ("4.00000", "2.66666": elections_count.c), so
 * anyone can count again and get the same sheet; a page, a printed
 * notice and the count sheet show them without the zeros that say
 * nothing ("4", "4.5", "2.66666").
 */
#ifndef RT_DECIMAL_H
#define RT_DECIMAL_H

#include <stddef.h>

/* s with the trailing zeros of its fraction dropped, and the point too
 * when none is left, into out (sz bytes), which it returns; s itself
 * when it is not a plain decimal ([-]digits[.digits]) or out is too
 * small.  Never rounds: what is shown is what was counted. */
const char	*decimal_words(const char *s, char *out, size_t sz);

#endif
