#ifndef RT_HOME_PAGES_H
#define RT_HOME_PAGES_H

#include "server/request.h"

void	home(struct request *, struct response *);
void	healthz(struct request *, struct response *);

#endif
