/*
 * The /exchange pages: for administrators, and coordinators of every
 * site a pairing shares, to carry bundles without a command line (a
 * file downloaded at one place and uploaded at the other) and to settle
 * the versions set aside where both places changed one record.
 */
#ifndef RT_EXCHANGE_PAGES_H
#define RT_EXCHANGE_PAGES_H

#include "../server/router.h"

void	exchange_index(struct request *, struct response *);
void	exchange_download(struct request *, struct response *);
void	exchange_upload(struct request *, struct response *);
void	exchange_conflicts(struct request *, struct response *);
void	exchange_settle(struct request *, struct response *);

#endif
