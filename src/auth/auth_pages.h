/*
 * Signing in and out, the account page, password changes and API tokens.
 */
#ifndef RT_AUTH_PAGES_H
#define RT_AUTH_PAGES_H

#include "../server/fields.h"
#include "../server/request.h"

void	sign_in(struct request *, struct response *);
void	sign_out(struct request *, struct response *);
void	sign_out_everywhere(struct request *, struct response *);
void	account_show(struct request *, struct response *);
void	account_password(struct request *, struct response *);
void	account_text_size(struct request *, struct response *);
void	account_language(struct request *, struct response *);
void	account_reading(struct request *, struct response *);
/* Where a switch at the foot of every page (language, easy read) was
 * pressed: that page again, now read the chosen way; anything but a
 * path on this site (such as "//elsewhere") is the account page. */
const char *switch_return(const struct request *);
/* The account's own language as its form offers it: NULL when it chose
 * one (the page's language names it), else the msgid of "none of my
 * own", so /account says what the language form says. */
const char *account_language_choice(const struct request *);
void	account_token_create(struct request *, struct response *);
void	account_token_revoke(struct request *, struct response *);
void	audit_index(struct request *, struct response *);

/* The choices of one's own account's preferences (preference_pages.c),
 * which the audit log words too. */
extern const struct choice text_sizes[];
extern const struct choice language_choices[];
extern const struct choice readings[];

#endif
