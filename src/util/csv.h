/*
 * CSV for spreadsheets, written so a cell can never run as a formula:
 * one rule for every export (expenses for finance, survey responses).
 */
#ifndef RT_CSV_H
#define RT_CSV_H

struct buf;

/* Would a spreadsheet take text as a formula: does it start with = + -
 * @ (or a tab or carriage return, which some strip first)? */
int	cell_is_formula(const char *text);
/* text as one quoted cell (NULL is empty), quotes doubled, with a
 * leading apostrophe when it would be a formula.  0 or -1. */
int	csv_cell(struct buf *, const char *text);

#endif
