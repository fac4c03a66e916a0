/*
 * Being signed out for being idle without losing work (WCAG 2.2.1).
 *
 * A request whose session cookie no longer opens a session (it ran past
 * the idle timeout) gets the sign-in form in place of the page, saying
 * "You were signed out after 30 minutes without activity".  When it was
 * a form being sent, the sign-in form carries what was typed back to the
 * same browser in hidden fields ("kept.NAME"), with the path it was
 * going to ("kept_path").  Nothing of it is stored on the server.  After
 * signing in, the person sees what they typed and one button to send it
 * again, now with the new session's form token, so the form goes through
 * the same route check, CSRF check and validation as any other: nothing
 * is sent on their behalf without a fresh, deliberate submit.
 */
#ifndef RT_SIGNED_OUT_H
#define RT_SIGNED_OUT_H

#include <jansson.h>

#include "../server/request.h"

#define KEPT_PATH	"kept_path"
#define KEPT_PREFIX	"kept."

/* Answers a request whose session lapsed: the sign-in form (401). */
void	signed_out_page(struct request *, struct response *);

/* Adds what the sign-in form carries (the notice, the path, the kept
 * fields) to its view, from the request being answered. */
void	signed_out_view(const struct request *, json_t *view);

/*
 * After a successful sign-in: answers with the page to send kept fields
 * again, or a redirect to the kept page, and returns 1; 0 when nothing
 * was kept (or the kept path is no route of ours), for the caller's
 * usual redirect.
 */
int	signed_out_resume(struct request *, struct response *);

#endif
