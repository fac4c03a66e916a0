/*
 * File sizes in words.  Rounded to the nearest unit shown, and never to
 * nothing: a file of 10 bytes is "10 bytes", of 1,100 bytes "1 KB".
 */
#include <stdio.h>

#include "bytes_words.h"
#include "catalogue.h"

#define KB	1024LL
#define MB	(1024LL * 1024LL)

const char *
bytes_words(int64_t n, const struct catalogue *words,
    char out[BYTES_WORDS_CHARS + 1])
{
	char		 number[24];
	long long	 tenths;

	if (n < 0)
		n = 0;
	if (n < KB)
		return catalogue_fill_n(catalogue_nget(words, "{n} byte",
		    "{n} bytes", (unsigned long)n), (long long)n, out,
		    BYTES_WORDS_CHARS + 1);
	if (n < MB - KB / 2)
		return catalogue_fill_n(catalogue_get(words, N_("{n} KB")),
		    (long long)((n + KB / 2) / KB), out, BYTES_WORDS_CHARS + 1);
	/* Tenths of a megabyte, rounded half up; whole from ten up. */
	tenths = (long long)((n * 10 + MB / 2) / MB);
	if (tenths < 100 && tenths % 10 != 0)
		snprintf(number, sizeof(number), "%lld.%lld", tenths / 10,
		    tenths % 10);
	else
		snprintf(number, sizeof(number), "%lld", (tenths + 5) / 10);
	return catalogue_fill(catalogue_get(words, N_("{n} MB")), "n", number,
	    out, BYTES_WORDS_CHARS + 1);
}
