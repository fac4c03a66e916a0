/*
 * A file's size as people read it: "850 bytes", "14 KB", "1.2 MB", in
 * the reader's language, never a raw count of bytes.
 */
#ifndef RT_BYTES_WORDS_H
#define RT_BYTES_WORDS_H

#include <stddef.h>
#include <stdint.h>

struct catalogue;

#define BYTES_WORDS_CHARS	40

/* n bytes in words in the language of words (NULL: English;
 * util/catalogue.h) into out, which it returns.  Under a kilobyte in
 * bytes, under a megabyte in whole kilobytes, then megabytes with one
 * decimal place under ten (1 KB = 1024 bytes, as file managers count). */
const char	*bytes_words(int64_t n, const struct catalogue *words,
		    char out[BYTES_WORDS_CHARS + 1]);

#endif
