/*
 * Inside the builder: what evidence_build.c and
 * evidence_representation.c share while one view is made.  Not for
 * other modules (evidence.h is the module's interface).
 */
#ifndef RT_EVIDENCE_BUILD_H
#define RT_EVIDENCE_BUILD_H

#include "evidence.h"

/* The indices of one point (a month, or the period) of a measure. */
struct point {
	json_t	*obj;
	size_t	 part, whole;
};

/* What the builder keeps while it works.  Owns nothing but points. */
struct build {
	struct db			*db;
	const struct evidence_scope	*scope;
	const char			*from, *to, *today;
	const struct catalogue		*words;		/* the reader's;
							   NULL: English */
	char				 months[EVIDENCE_MONTHS_MAX][8];
	int				 nmonths;
	struct figures			 fig;
	struct point			*points;	/* per measure:
							   nmonths + 1 */
	size_t				 members;	/* index of M */
	json_t				*units;		/* owned: the unit
							   table's labels */
};

/* After suppression: a point's share into obj's "percent", from shown
 * counts only; -1 when it has none. */
int	build_point_percent(struct build *, const struct point *);

/* ---- evidence_representation.c: members beside the population -------- */

struct rep_table;

/* The representation tables' view, their counts added to b's figures;
 * the tables into *tables (free with representation_free, also after a
 * failure).  New reference, or NULL. */
json_t	*representation(struct build *, struct rep_table **tables,
	    size_t *ntables);
/* After suppression: every table's shares, and each gap worth saying
 * appended to gaps as {text}; the largest gap into *largest.  site and
 * group name the page's scope as struct evidence_gap does. */
void	representation_shares(struct build *, struct rep_table *tables,
	    size_t ntables, const char *site, const char *group, json_t *gaps,
	    int *largest);
void	representation_free(struct rep_table *tables);

#endif
