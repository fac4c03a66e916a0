/*
 * Easy read: the way of writing UK public bodies use for readers with a
 * learning disability, and for anyone who reads little: short sentences,
 * one idea a line, key words in bold, a picture beside each key point
 * (render/pictogram.h), large text.
 *
 * A reader in easy read gets, for each page that has one, its easy-read
 * template ("easy/" before the page's own name) over the same view; a
 * page without one is drawn as usual, in large text.  Which reader: the
 * page asked with ?read=easy or ?read=standard (kept in the rt_read
 * cookie, so the sign-in page and a kiosk keep it), else the signed-in
 * account's choice (/account/reading), else the cookie, else standard.
 */
#ifndef RT_EASY_READ_H
#define RT_EASY_READ_H

#include "request.h"

#define READ_COOKIE	"rt_read"
#define EASY_PREFIX	"easy/"

/* 1 for easy read; with ?read=, rs gets the cookie. */
int	request_easy_read(const struct request *, struct response *);
/* The template to draw for name: its easy-read twin when the reader
 * reads easy read and the set has one, else name itself.  Returns name,
 * or a string in buf (of size bufsz). */
struct template_set;
const char *easy_read_template(const struct request *,
	    const struct template_set *, const char *name, char *buf,
	    size_t bufsz);

/*
 * Who reads an easy-read page, for the words that talk to them: a member
 * is told to ask their rep; a rep is told what they do; staff (anyone
 * with a staff grant, or who neither is a member nor a rep: a decision
 * maker, an evaluator, a viewer) are told what members do.  Decided
 * from the grants alone, so a page and the letter printed from it say
 * the same; the layout gives it to every page as page.reader_rep,
 * page.reader_staff and page.reader_questions (easy_questions_words).
 */
enum easy_reader {
	EASY_READER_MEMBER,
	EASY_READER_REP,
	EASY_READER_STAFF,
	EASY_READER__MAX
};

struct principal;
enum easy_reader easy_reader_of(const struct principal *);
/* The last line of a proposal's or election's easy-read page, for reader:
 * a catalogue message (the page, as {{page.reader_questions | t}}, and
 * the letter print the same one). */
const char	*easy_questions_words(enum easy_reader);
/* Who to ask about a page withheld (a 403, or a 404 that may hide one),
 * for who (NULL: signed out): a catalogue message, or NULL for an
 * administrator, who has nobody above them to ask.  Staff ask an
 * administrator; members and reps ask their coordinator. */
const char	*withheld_help_words(const struct principal *);

#endif
