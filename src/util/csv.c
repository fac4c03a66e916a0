#include <string.h>

#include "buf.h"
#include "csv.h"

int
cell_is_formula(const char *text)
{
	return text != NULL && text[0] != '\0' &&
	    strchr("=+-@\t\r", text[0]) != NULL;
}

int
csv_cell(struct buf *b, const char *text)
{
	const char	*p;

	if (text == NULL)
		text = "";
	if (buf_putc(b, '"') == -1)
		return -1;
	/* The apostrophe makes a spreadsheet read the cell as text. */
	if (cell_is_formula(text) && buf_putc(b, '\'') == -1)
		return -1;
	for (p = text; *p != '\0'; p++)
		if ((*p == '"' && buf_putc(b, '"') == -1) ||
		    buf_putc(b, *p) == -1)
			return -1;
	return buf_putc(b, '"');
}
