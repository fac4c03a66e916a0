/*
 * src/render/pdf.c: every element, page flow, Welsh text, text that looks
 * like markup, posters, NULLs and a full buffer; the language and the
 * tags in the catalogue; charts and headings kept with what follows.
 * The PDF is read back with poppler's pdftotext and pdfinfo.
 */
#include "unit.h"
#include "pdf_fonts.h"
#include "pdf_lang.h"

#include "render/pdf.h"
#include "render/pdf_catalog.h"
#include "render/pictogram.h"
#include "util/buf.h"

#define WELSH		"Dywedoch chi, fe wnaethon ni \xe2\x80\x94 Llywodraeth Cymru"
#define MARKUP		"<b>not bold</b> & ampersand"

/* A paragraph of n words, cycling through a few. */
static void
words(struct buf *b, size_t n)
{
	static const char *const w[] = { "prison", "council", "meeting",
	    "agreed", "the", "library", "hours", "will", "change", "from",
	    "Monday", "and", "everyone", "can", "ask", "questions" };
	size_t	 i;

	for (i = 0; i < n; i++)
		assert_int_equal(buf_printf(b, "%s%s", i ? " " : "",
		    w[i % (sizeof(w) / sizeof(w[0]))]), 0);
}

static void
test_document(void **state)
{
	static const char *const mood[] = { "Good", "OK", "Not good",
	    "Would rather not say", NULL };
	struct buf	 out, para;
	struct pdf	*p;
	char		*text;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	buf_init(&para, UNIT_PDF_MAX);
	words(&para, 3000);
	assert_non_null(p = pdf_new(&out, "Wing council log", PDF_NORMAL));
	pdf_heading(p, "Wing council log sheet", 1);
	pdf_paragraph(p, WELSH);
	pdf_paragraph(p, MARKUP);
	pdf_pair(p, "Meeting date", "Tuesday 4 March");
	pdf_pair(p, "Chair:", "Someone with a very long name that should "
	    "wrap onto a second line in the value column of the pair");
	pdf_pair(p, "Where", "");	/* nothing to say: no row */
	pdf_pair(p, "Minute taker", NULL);
	pdf_pair(p, "1.", "The first option");	/* a number: no colon */
	pdf_pair(p, "Why?", "Because");
	pdf_rule(p);
	pdf_heading(p, "What was raised", 2);
	pdf_write_box(p, "Issue raised", 40);
	pdf_choices(p, "How did it go?", mood);
	pdf_space(p, 5);
	pdf_heading(p, "Minutes", 2);
	pdf_paragraph(p, para.data);
	pdf_page_break(p);
	pdf_page_break(p);	/* a second break makes no empty page */
	pdf_heading(p, "Services", 1);
	pdf_paragraph(p, "First line\nSecond line");
	assert_int_equal(pdf_finish(p), 0);
	assert_true(out.len > 5);
	assert_memory_equal(out.data, "%PDF-", 5);

	assert_non_null(text = unit_pdf_tool(&out, UNIT_PDF_TEXT));
	assert_non_null(strstr(text, "Wing council log sheet"));
	assert_non_null(strstr(text, "What was raised"));
	assert_non_null(strstr(text, "Minutes"));
	assert_non_null(strstr(text, "Services"));
	assert_non_null(strstr(text, "Meeting date:"));
	assert_non_null(strstr(text, "Chair:"));
	assert_null(strstr(text, "Chair::"));
	assert_null(strstr(text, "Where"));
	assert_null(strstr(text, "Minute taker"));
	assert_non_null(strstr(text, "1."));
	assert_null(strstr(text, "1.:"));
	assert_non_null(strstr(text, "The first option"));
	assert_non_null(strstr(text, "Why?"));
	assert_null(strstr(text, "Why?:"));
	assert_non_null(strstr(text, "Issue raised"));
	assert_non_null(strstr(text, "How did it go?"));
	assert_non_null(strstr(text, "Would rather not say"));
	assert_non_null(strstr(text, WELSH));
	assert_non_null(strstr(text, MARKUP));
	assert_non_null(strstr(text, "Page 2"));
	assert_non_null(strstr(text, "Wing council log"));
	free(text);
	assert_true(unit_pdf_pages(&out) >= 3);
	buf_release(&para);
	buf_release(&out);
}

static void
test_poster(void **state)
{
	struct buf	 out;
	struct pdf	*p;
	char		*text;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "You said, we did", PDF_LARGE));
	pdf_heading(p, "You said, we did", 1);
	pdf_pair(p, "You said", "The gym closes too early.");
	pdf_pair(p, "We did", "It now stays open until 7pm.");
	pdf_rule(p);
	pdf_paragraph(p, WELSH);
	assert_int_equal(pdf_finish(p), 0);
	assert_memory_equal(out.data, "%PDF-", 5);
	assert_non_null(text = unit_pdf_tool(&out, UNIT_PDF_TEXT));
	assert_non_null(strstr(text, "You said, we did"));
	assert_non_null(strstr(text, "It now stays open until 7pm."));
	assert_non_null(strstr(text, WELSH));
	assert_non_null(strstr(text, "Page 1"));
	free(text);
	assert_int_equal(unit_pdf_pages(&out), 1);
	buf_release(&out);
}

/*
 * Easy read's key points: every picture of render/pictogram.c walks its
 * shapes and draws, beside its words, on one page; a key without text
 * and text without a key draw too.
 */
static void
test_pictured(void **state)
{
	struct buf	 out;
	struct pdf	*p;
	char		*text;
	size_t		 i;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Easy read", PDF_NORMAL));
	for (i = 0; i < pictograms_count; i++)
		pdf_pictured(p, pictogram_draw, (void *)&pictograms[i],
		    pictograms[i].name, i % 2 ? pictograms[i].label : NULL);
	pdf_pictured(p, pictogram_draw, (void *)&pictograms[0], NULL, WELSH);
	assert_int_equal(pdf_finish(p), 0);
	assert_non_null(text = unit_pdf_tool(&out, UNIT_PDF_TEXT));
	assert_non_null(strstr(text, "vote"));
	assert_non_null(strstr(text, "A tick in a circle"));
	assert_non_null(strstr(text, WELSH));
	free(text);
	buf_release(&out);
}

/* A picture whose shapes are not the commands pictogram.h allows fails
 * the document rather than drawing half of it. */
static void
test_pictured_bad_shapes(void **state)
{
	static const struct pictogram bad = { "bad", "Bad", "M1 1 L2" };
	struct buf	 out;
	struct pdf	*p;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Bad", PDF_NORMAL));
	pdf_pictured(p, pictogram_draw, (void *)&bad, "Key", "Text");
	assert_int_equal(pdf_finish(p), -1);
	buf_release(&out);
	buf_init(&out, 4096);
	assert_int_equal(pictogram_svg(&bad, "Bad", &out), -1);
	buf_release(&out);
}

/* NULL and empty text, odd sizes and bad UTF-8 draw without crashing. */
static void
test_null_and_empty(void **state)
{
	static const char *const none[] = { NULL };
	static const char *const blank[] = { "", NULL };
	struct buf	 out;
	struct pdf	*p;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_null(pdf_new(NULL, "x", PDF_NORMAL));
	pdf_heading(NULL, "x", 1);
	pdf_paragraph(NULL, "x");
	pdf_pair(NULL, "x", "y");
	pdf_write_box(NULL, "x", 10);
	pdf_choices(NULL, "x", blank);
	pdf_rule(NULL);
	pdf_space(NULL, 1);
	pdf_page_break(NULL);
	assert_int_equal(pdf_finish(NULL), -1);

	assert_non_null(p = pdf_new(&out, NULL, PDF_NORMAL));
	pdf_heading(p, NULL, 7);
	pdf_heading(p, "", 1);
	pdf_paragraph(p, NULL);
	pdf_paragraph(p, "");
	pdf_paragraph(p, "bad \xff\xfe UTF-8 \xc3");
	pdf_pair(p, NULL, NULL);
	pdf_pair(p, "", "");
	pdf_write_box(p, NULL, 0);
	pdf_write_box(p, "", -5);
	pdf_write_box(p, "huge", 1e9);
	pdf_write_box(p, "nan", 0.0 / 0.0);
	pdf_choices(p, NULL, NULL);
	pdf_choices(p, "", none);
	pdf_choices(p, "", blank);
	pdf_space(p, -1);
	pdf_space(p, 1e9);
	pdf_space(p, 0.0 / 0.0);
	assert_int_equal(pdf_finish(p), 0);
	assert_memory_equal(out.data, "%PDF-", 5);
	buf_release(&out);
}

/* Running out of room fails, and stays failed. */
static void
test_full_buffer(void **state)
{
	struct buf	 out, para;
	struct pdf	*p;

	(void)state;
	buf_init(&out, 4096);
	buf_init(&para, UNIT_PDF_MAX);
	words(&para, 3000);
	if ((p = pdf_new(&out, "Too big", PDF_NORMAL)) != NULL) {
		pdf_paragraph(p, para.data);
		pdf_paragraph(p, para.data);
		assert_int_equal(pdf_finish(p), -1);
	}
	assert_true(out.len <= 4096);
	buf_release(&para);
	buf_release(&out);
}

/* One short document into out: 0 or -1 from pdf_finish. */
static int
short_document(struct buf *out)
{
	struct pdf	*p;

	if ((p = pdf_new(out, "Short", PDF_NORMAL)) == NULL)
		return -1;
	pdf_heading(p, "Minutes", 1);
	pdf_paragraph(p, WELSH);
	return pdf_finish(p);
}

/* Room for every page but not for what is written last (fonts, the
 * cross-reference table): still a failure, never a cut-off "success". */
static void
test_full_at_the_end(void **state)
{
	struct buf	 out;
	size_t		 whole;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_int_equal(short_document(&out), 0);
	whole = out.len;
	buf_release(&out);
	buf_init(&out, whole - 1);
	assert_int_equal(short_document(&out), -1);
	buf_release(&out);
	buf_init(&out, whole / 2);
	assert_int_equal(short_document(&out), -1);
	buf_release(&out);
}

/* What pdftotext reads on page n (from 1) of the PDF in out; caller
 * frees. */
static char *
page_text(const struct buf *out, long n)
{
	struct buf	 cmd;
	char		*text;

	buf_init(&cmd, 256);
	assert_int_equal(buf_printf(&cmd, "pdftotext -f %ld -l %ld '%%s' -",
	    n, n), 0);
	assert_non_null(text = unit_pdf_tool(out, cmd.data));
	buf_release(&cmd);
	return text;
}

/* A break after each part, the last one too (a rota's units, a survey's
 * copies), and space down to the bottom at the end make no blank page:
 * the page is ended only when something comes after it. */
static void
test_break_at_the_end(void **state)
{
	struct buf	 out;
	struct pdf	*p;
	char		*text;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Parts", PDF_NORMAL));
	pdf_paragraph(p, "First part");
	pdf_page_break(p);
	pdf_heading(p, "Second part", 1);
	pdf_paragraph(p, "Last words");
	pdf_page_break(p);
	pdf_space(p, 1e9);
	pdf_page_break(p);
	assert_int_equal(pdf_finish(p), 0);
	assert_int_equal(unit_pdf_pages(&out), 2);
	text = page_text(&out, 2);
	assert_non_null(strstr(text, "Second part"));
	assert_non_null(strstr(text, "Last words"));
	free(text);
	buf_release(&out);

	/* Space that reaches the bottom ends the page all the same. */
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Spaced", PDF_NORMAL));
	pdf_paragraph(p, "Above the space");
	pdf_space(p, 1e9);
	pdf_paragraph(p, "Below the space");
	assert_int_equal(pdf_finish(p), 0);
	assert_int_equal(unit_pdf_pages(&out), 2);
	text = page_text(&out, 2);
	assert_non_null(strstr(text, "Below the space"));
	free(text);
	buf_release(&out);
}

/* Into per_page[0..max), the lines of each page of out holding a word
 * that starts "zq" (pdftotext ends each page with a form feed); the
 * number of pages read. */
static int
marked_lines(const struct buf *out, int *per_page, int max)
{
	char	*text, *c;
	int	 page = 0, in_line = 0;

	assert_non_null(text = unit_pdf_tool(out, UNIT_PDF_TEXT));
	memset(per_page, 0, (size_t)max * sizeof(*per_page));
	for (c = text; *c != '\0' && page < max; c++) {
		if (*c == '\f') {
			page++;
			in_line = 0;
		} else if (*c == '\n') {
			in_line = 0;
		} else if (!in_line && c[0] == 'z' && c[1] == 'q') {
			per_page[page]++;
			in_line = 1;
		}
	}
	free(text);
	return page;
}

/* A paragraph of "zq" words that wraps to about lines lines. */
static void
marked_paragraph(struct buf *text, int lines, enum pdf_size size)
{
	int	 i, words = lines * (size == PDF_LARGE ? 4 : 7);

	buf_clear(text);
	for (i = 0; i < words; i++)
		assert_int_equal(buf_printf(text, "%szq%02d wrapped", i ? " " :
		    "", i), 0);
}

/*
 * A paragraph that breaks across pages leaves at least two of its lines
 * on each (no orphan at the foot, no widow at the top); one of three
 * lines or fewer moves whole.  Its start is moved down the page a
 * millimetre at a time, so that every way it can meet the bottom margin
 * is tried, in both sizes of print.
 */
static void
test_no_line_alone(void **state)
{
	static const enum pdf_size	 sizes[] = { PDF_NORMAL, PDF_LARGE };
	static const int		 from[] = { 225, 200 };
	struct buf			 out, text;
	struct pdf			*p;
	int				 per_page[8], pages, page, lines, mm, s;
	int				 total, on, split = 0;

	(void)state;
	buf_init(&text, 8192);
	for (s = 0; s < 2; s++)
	for (lines = 2; lines <= 5; lines++)
	for (mm = from[s]; mm <= 260; mm += 2) {
		buf_init(&out, UNIT_PDF_MAX);
		assert_non_null(p = pdf_new(&out, "Lines", sizes[s]));
		pdf_paragraph(p, "Above");
		pdf_space(p, mm);
		marked_paragraph(&text, lines, sizes[s]);
		pdf_paragraph(p, text.data);
		assert_int_equal(pdf_finish(p), 0);
		pages = marked_lines(&out, per_page, 8);
		for (page = 0, total = 0, on = 0; page < pages; page++) {
			if (per_page[page] == 1)
				print_error("one line alone on page %d: %d "
				    "lines from %d mm, %s print\n", page + 1,
				    lines, mm, s ? "large" : "normal");
			assert_int_not_equal(per_page[page], 1);
			on += per_page[page] > 0;
			total += per_page[page];
		}
		assert_true(total >= 2);
		split += on > 1;
		buf_release(&out);
	}
	buf_release(&text);
	/* The sweep did break paragraphs across pages. */
	assert_true(split > 0);
}

/*
 * A row of a table (a labelled pair) is never split across pages: one
 * that does not fit moves whole to the next, however many lines its
 * value wraps to, from every start down the page, in both sizes; one
 * taller than a page still breaks, as a paragraph does.
 */
static void
test_rows_kept_whole(void **state)
{
	static const enum pdf_size	 sizes[] = { PDF_NORMAL, PDF_LARGE };
	struct buf			 out, text;
	struct pdf			*p;
	int				 per_page[8], pages, page, lines, mm, s;
	int				 on, moved = 0;

	(void)state;
	buf_init(&text, 16384);
	for (s = 0; s < 2; s++)
	for (lines = 4; lines <= 10; lines += 3)
	for (mm = 180; mm <= 260; mm += 4) {
		buf_init(&out, UNIT_PDF_MAX);
		assert_non_null(p = pdf_new(&out, "Rows", sizes[s]));
		pdf_paragraph(p, "Above");
		pdf_space(p, mm);
		marked_paragraph(&text, lines, sizes[s]);
		pdf_pair(p, "Bidder", text.data);
		assert_int_equal(pdf_finish(p), 0);
		pages = marked_lines(&out, per_page, 8);
		for (page = 0, on = 0; page < pages; page++)
			on += per_page[page] > 0;
		if (on != 1)
			print_error("a row of %d lines from %d mm, %s print, "
			    "on %d pages\n", lines, mm, s ? "large" : "normal",
			    on);
		assert_int_equal(on, 1);
		moved += per_page[0] == 0;
		buf_release(&out);
	}
	/* Taller than a page: it breaks rather than never ending. */
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Rows", PDF_LARGE));
	marked_paragraph(&text, 120, PDF_LARGE);
	pdf_pair(p, "Bidder", text.data);
	assert_int_equal(pdf_finish(p), 0);
	assert_true(marked_lines(&out, per_page, 8) >= 3);
	assert_true(per_page[0] > 0 && per_page[1] > 0);
	buf_release(&out);
	buf_release(&text);
	/* The sweep did move rows to the next page. */
	assert_true(moved > 0);
}

/* The smallest font size in the PDF in out, as pdftohtml reads it. */
static long
smallest_font(const struct buf *out)
{
	char	*xml;
	long	 least;

	assert_non_null(xml = unit_pdf_tool(out, PDF_FONTS_CMD));
	least = pdf_fonts_smallest(xml);
	free(xml);
	return least;
}

/*
 * A chart is set in the document's type: in large print nothing in it
 * is under 16 pt, and a long title and label wrap whole, never cut.
 */
static void
test_bar_chart(void **state)
{
	static const char	 title[] = "How often do you feel that you "
				    "lack companionship, on the wing and off it?";
	static const char	 label[] = "Some of the time, though less since "
				    "the library opened on Sunday afternoons";
	const struct pdf_bar	 bars[] = { { "Hardly ever", "12", 0.5 },
				    { label, "24", 1 },
				    { "Often", "fewer than 5", 0 } };
	struct buf		 out;
	struct pdf		*p;
	char			*text;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Chart", PDF_LARGE));
	pdf_bar_chart(p, title, bars, 3, 150);
	pdf_bar_chart(p, "Nothing", NULL, 2, 150);	/* no bars: fails */
	assert_int_equal(pdf_finish(p), -1);
	buf_release(&out);

	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Chart", PDF_LARGE));
	pdf_bar_chart(p, title, bars, 3, 150);
	pdf_bar_chart(p, "No bars", bars, 0, 0);
	assert_int_equal(pdf_finish(p), 0);
	assert_true(smallest_font(&out) >= 16);
	assert_non_null(text = unit_pdf_text(&out));
	if (strstr(text, label) == NULL)
		print_error("%s\n", text);
	assert_non_null(strstr(text, title));
	assert_non_null(strstr(text, label));
	assert_non_null(strstr(text, "fewer than 5"));
	assert_non_null(strstr(text, "No bars"));
	assert_null(strstr(text, "..."));
	free(text);
	buf_release(&out);
}

/* A heading near the bottom moves to the next page with what follows. */
static void
test_heading_kept(void **state)
{
	struct buf	 out;
	struct pdf	*p;
	char		*text;
	long		 n, i;
	int		 seen = 0;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Kept", PDF_NORMAL));
	for (i = 0; i < 36; i++)
		pdf_pair(p, "Row", "filler");
	pdf_heading(p, "Kept heading", 2);
	pdf_write_box(p, "Kept box", 120);
	assert_int_equal(pdf_finish(p), 0);
	assert_true((n = unit_pdf_pages(&out)) >= 2);
	for (i = 1; i <= n; i++) {
		text = page_text(&out, i);
		if (strstr(text, "Kept heading") != NULL) {
			assert_non_null(strstr(text, "Kept box"));
			seen = 1;
		}
		free(text);
	}
	assert_true(seen);
	buf_release(&out);
}

/* The same document in English and in Welsh: the catalogue says which
 * (/Lang), and the language added after cairo leaves a PDF poppler
 * reads as before, every page and word. */
static void
test_language(void **state)
{
	static const char *const langs[] = { NULL, "en", "cy" };
	struct buf	 out;
	struct pdf	*p;
	char		 lang[16], *text, *info;
	const char	*tagged;
	size_t		 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		buf_init(&out, UNIT_PDF_MAX);
		assert_non_null(p = pdf_new(&out, "Iaith", PDF_NORMAL));
		pdf_language(p, langs[i]);
		pdf_language(p, "not a (tag)");	/* too long: ignored */
		pdf_heading(p, "Cofnodion", 1);
		pdf_paragraph(p, WELSH);
		pdf_page_break(p);
		pdf_paragraph(p, "Second page");
		assert_int_equal(pdf_finish(p), 0);
		pdf_catalog_lang(out.data, out.len, lang, sizeof(lang));
		assert_string_equal(lang, langs[i] != NULL ? langs[i] : "en");
		assert_int_equal(unit_pdf_pages(&out), 2);
		assert_non_null(text = unit_pdf_text(&out));
		assert_non_null(strstr(text, WELSH));
		assert_non_null(strstr(text, "Second page"));
		free(text);
		/* Tagged: the structure tree, and the mark that says so. */
		assert_non_null(info = unit_pdf_tool(&out, "pdfinfo '%s'"));
		assert_non_null(tagged = strstr(info, "Tagged:"));
		tagged += 7;
		assert_int_equal(strncmp(tagged + strspn(tagged, " "), "yes",
		    3), 0);
		free(info);
		buf_release(&out);
	}
}

/* A PDF whose catalogue cannot be read (cross-reference streams, no
 * "trailer") is left as it was, for pdf_finish to send unmarked; one
 * already marked is not marked twice. */
static void
test_language_unreadable(void **state)
{
	static const char	 streams[] = "%PDF-1.7\n1 0 obj\n<< /Type "
	    "/Catalog >>\nendobj\nstartxref\n9\n%%EOF\n";
	struct buf		 out;
	struct pdf		*p;
	size_t			 len;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_int_equal(buf_puts(&out, streams), 0);
	assert_int_equal(pdf_catalog_update(&out, 0, "cy"), -1);
	assert_int_equal(out.len, strlen(streams));
	assert_string_equal(out.data, streams);
	buf_release(&out);

	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Iaith", PDF_NORMAL));
	pdf_paragraph(p, WELSH);
	assert_int_equal(pdf_finish(p), 0);
	len = out.len;
	assert_int_equal(pdf_catalog_update(&out, 0, "cy"), -1);
	assert_int_equal(out.len, len);
	assert_int_equal(pdf_catalog_update(&out, 0, "not a tag"), -1);
	buf_release(&out);
}

/* Headings are tagged as headings, text as paragraphs, in the
 * structure tree a screen reader follows; the footer is not in it. */
static void
test_tagged(void **state)
{
	struct buf	 out;
	struct pdf	*p;
	char		*cat;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Tagged", PDF_NORMAL));
	pdf_heading(p, "Minutes", 1);
	pdf_heading(p, "Who came", 2);
	pdf_pair(p, "Chair", "Someone");
	pdf_paragraph(p, "What was said.");
	assert_int_equal(pdf_finish(p), 0);
	assert_non_null(cat = pdf_catalog_text(out.data, out.len));
	assert_non_null(strstr(cat, "/StructTreeRoot"));
	assert_non_null(strstr(cat, "/MarkInfo << /Marked true >>"));
	free(cat);
	assert_non_null(memmem(out.data, out.len, "/S /H1", 6));
	assert_non_null(memmem(out.data, out.len, "/S /H2", 6));
	assert_non_null(memmem(out.data, out.len, "/S /P", 5));
	buf_release(&out);
}

/*
 * In large print a chart that a page can hold is never split: started
 * lower and lower down a page, a millimetre at a time, its title and
 * every bar are on one page, and the question's heading above it is on
 * that page too, never alone at the foot of the one before.
 */
static void
test_chart_kept_whole(void **state)
{
	struct pdf_bar	 bars[6];
	char		 labels[6][32];
	struct buf	 out;
	struct pdf	*p;
	char		*text;
	int		 per_page[8], pages, page, on, mm, moved = 0;
	long		 i, n;

	(void)state;
	for (i = 0; i < 6; i++) {
		snprintf(labels[i], sizeof(labels[i]), "zq%ld answer", i);
		bars[i] = (struct pdf_bar){ labels[i], "12", 0.2 * (double)i };
	}
	for (mm = 120; mm <= 250; mm += 3) {
		buf_init(&out, UNIT_PDF_MAX);
		assert_non_null(p = pdf_new(&out, "Chart", PDF_LARGE));
		pdf_paragraph(p, "Above");
		pdf_space(p, mm);
		pdf_heading(p, "Question heading", 2);
		pdf_bar_chart(p, "zq title", bars, 6, 150);
		pdf_paragraph(p, "After");
		assert_int_equal(pdf_finish(p), 0);
		pages = marked_lines(&out, per_page, 8);
		for (page = 0, on = 0; page < pages; page++)
			on += per_page[page] > 0;
		if (on != 1)
			print_error("a chart from %d mm on %d pages\n", mm, on);
		assert_int_equal(on, 1);
		moved += per_page[0] == 0;
		n = unit_pdf_pages(&out);
		for (i = 1; i <= n; i++) {
			text = page_text(&out, i);
			if (strstr(text, "Question heading") != NULL)
				assert_non_null(strstr(text, "zq title"));
			free(text);
		}
		buf_release(&out);
	}
	assert_true(moved > 0);
}

/* A heading, then a chart too tall for any page: the heading and the
 * chart's title stay with its first bar, and the rest flows on. */
static void
test_tall_chart_breaks(void **state)
{
	struct pdf_bar	 bars[40];
	char		 labels[40][32];
	struct buf	 out;
	struct pdf	*p;
	char		*text;
	int		 per_page[8];
	size_t		 i;

	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(labels[i], sizeof(labels[i]), "zq%zu answer", i);
		bars[i] = (struct pdf_bar){ labels[i], "7", 0.5 };
	}
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(p = pdf_new(&out, "Chart", PDF_LARGE));
	for (i = 0; i < 10; i++)
		pdf_paragraph(p, "Above");
	pdf_heading(p, "Question heading", 2);
	pdf_bar_chart(p, "Tall title", bars, 40, 150);
	assert_int_equal(pdf_finish(p), 0);
	assert_true(marked_lines(&out, per_page, 8) >= 2);
	assert_true(per_page[0] > 0 && per_page[1] > 0);
	text = page_text(&out, 1);
	assert_non_null(strstr(text, "Question heading"));
	assert_non_null(strstr(text, "Tall title"));
	free(text);
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_poster),
		cmocka_unit_test(test_pictured),
		cmocka_unit_test(test_pictured_bad_shapes),
		cmocka_unit_test(test_null_and_empty),
		cmocka_unit_test(test_full_buffer),
		cmocka_unit_test(test_full_at_the_end),
		cmocka_unit_test(test_heading_kept),
		cmocka_unit_test(test_break_at_the_end),
		cmocka_unit_test(test_no_line_alone),
		cmocka_unit_test(test_rows_kept_whole),
		cmocka_unit_test(test_bar_chart),
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_language_unreadable),
		cmocka_unit_test(test_tagged),
		cmocka_unit_test(test_chart_kept_whole),
		cmocka_unit_test(test_tall_chart_breaks),
	};

	return cmocka_run_group_tests(tests, NULL, unit_pdf_teardown);
}
