/*
 * src/render/pdf_embed.c and image.c: papers drawn into a PDF.  A PDF
 * paper's pages (text kept), the page budget and the cut-short caption,
 * PNG and JPEG pictures (a JPEG embedded as itself, even when decoded
 * smaller), and the notes for papers that cannot be drawn: damaged,
 * locked, claiming to be enormous, or Word and OpenDocument files.
 */
#include "unit.h"

#include <jpeglib.h>

#include "limits.h"
#include "render/image.h"
#include "render/pdf.h"
#include "render/pdf_embed.h"
#include "render/print_words.h"
#include "papers.h"

#define ODT_MIME	"application/vnd.oasis.opendocument.text"
#define DOCX_MIME	"application/vnd.openxmlformats-officedocument." \
			"wordprocessingml.document"

/* A PDF locked with a user password that is not empty. */
static const char locked[] = "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    "4 0 obj << /Filter /Standard /V 1 /R 2 "
    "/O <1111111111111111111111111111111111111111111111111111111111111111> "
    "/U <2222222222222222222222222222222222222222222222222222222222222222> "
    "/P -4 >> endobj\n"
    "trailer << /Root 1 0 R /Encrypt 4 0 R /Size 5 "
    "/ID [<0123456789abcdef0123456789abcdef> "
    "<0123456789abcdef0123456789abcdef>] >>\n%%EOF\n";

static struct embed_budget
plenty(void)
{
	struct embed_budget	 b;

	embed_budget_init(&b, ARCHIVE_PAGES_MAX, ARCHIVE_PAPER_BYTES_MAX, 0);
	return b;
}

/* The words of every document here: English (no catalogue). */
static struct print_words english;

/* Draws one paper with the given bytes into pdf. */
static enum embed_result
embed(struct pdf *pdf, const char *title, const char *mime, const void *data,
    size_t len, struct embed_budget *b)
{
	struct embed_paper	 p = { data, len, mime, title, "2026-03-04",
				    "/papers/9" };

	return pdf_embed_paper(pdf, &english, &p, b);
}

/* A w by h JPEG of a gradient. */
static void
jpeg(struct buf *out, int w, int h)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_error_mgr		 err;
	unsigned char			*mem = NULL, *row;
	unsigned long			 len = 0;
	int				 x;

	assert_non_null(row = malloc((size_t)w * 3));
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &len);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		for (x = 0; x < w; x++) {
			row[x * 3] = (unsigned char)(x * 255 / w);
			row[x * 3 + 1] = (unsigned char)(c.next_scanline * 255 /
			    c.image_height);
			row[x * 3 + 2] = 128;
		}
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	buf_init(out, UNIT_PDF_MAX);
	assert_int_equal(buf_add(out, mem, len), 0);
	free(mem);
}

static void
put16(unsigned char *p, unsigned int v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* Makes a JPEG's frame header claim another size. */
static void
jpeg_claim(struct buf *b, unsigned int w, unsigned int h)
{
	unsigned char	*d = (unsigned char *)b->data;
	size_t		 i;

	for (i = 2; i + 9 < b->len; i++)
		if (d[i] == 0xff && d[i + 1] == 0xc0) {
			put16(d + i + 5, h);
			put16(d + i + 7, w);
			return;
		}
	fail_msg("no SOF0 in the JPEG");
}

static int
contains(const char *text, const char *needle)
{
	if (text != NULL && strstr(text, needle) != NULL)
		return 1;
	print_error("expected \"%s\" in:\n%.3000s\n", needle, text);
	return 0;
}

/* Whether pdfimages -list lists a w by h image stored as enc ("jpeg" for
 * DCT, "image" for our own pixels). */
static int
listed(const char *list, int w, int h, const char *enc)
{
	const char	*line;
	char		 e[16];
	int		 lw, lh;

	for (line = list; line != NULL && *line != '\0';
	    line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (sscanf(line, "%*d %*d %*s %d %d %*s %*d %*d %15s", &lw,
		    &lh, e) == 3 && lw == w && lh == h && strcmp(e, enc) == 0)
			return 1;
	print_error("no %dx%d %s image in:\n%s\n", w, h, enc, list);
	return 0;
}

/* Pages are drawn up to the budget; the last drawn says the rest is
 * missing; once the budget is spent a paper gets a note. */
static void
test_pdf_pages_and_budget(void **state)
{
	struct embed_budget	 b = plenty();
	struct buf		 out, three;
	struct pdf		*pdf;
	char			*text;

	(void)state;
	paper_pdf(&three, UNIT_PDF_MAX, "The new visiting hours start in May.", 3);
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(pdf = pdf_new(&out, "Archive", PDF_NORMAL));
	assert_int_equal(embed(pdf, "Visits", "application/pdf", three.data,
	    three.len, &b), EMBED_DRAWN);
	assert_int_equal(b.pages, ARCHIVE_PAGES_MAX - 3);
	assert_true(b.bytes == ARCHIVE_PAPER_BYTES_MAX - three.len);
	b.pages = 2;
	assert_int_equal(embed(pdf, "Visits again", "application/pdf",
	    three.data, three.len, &b), EMBED_CUT);
	assert_int_equal(b.pages, 0);
	assert_int_equal(embed(pdf, "One too many", "application/pdf",
	    three.data, three.len, &b), EMBED_CUT);
	b = plenty();
	b.bytes = three.len - 1;
	assert_int_equal(embed(pdf, "Too many bytes", "application/pdf",
	    three.data, three.len, &b), EMBED_CUT);
	/* Out of time: the clock ran out a second ago. */
	embed_budget_init(&b, ARCHIVE_PAGES_MAX, ARCHIVE_PAPER_BYTES_MAX, 1);
	b.until -= 2 * 1000000;
	assert_int_equal(embed(pdf, "Too late", "application/pdf",
	    three.data, three.len, &b), EMBED_CUT);
	assert_int_equal(b.pages, ARCHIVE_PAGES_MAX);
	assert_int_equal(pdf_finish(pdf), 0);
	/* 3 + 2 pages, then the three notes on a page of their own. */
	assert_int_equal(unit_pdf_pages(&out), 6);
	text = unit_pdf_text(&out);
	assert_true(contains(text, "The new visiting hours start in May."));
	assert_true(contains(text, "Paper: Visits, circulated 4 March 2026"));
	assert_true(contains(text, "page 3 of 3"));
	assert_true(contains(text, "page 2 of 3. The archive holds its pages "
	    "up to page 2; the whole paper is at /papers/9."));
	assert_true(contains(text, "Paper: One too many"));
	assert_true(contains(text, "Paper: Too many bytes"));
	assert_true(contains(text, "Paper: Too late"));
	assert_true(contains(text, "this archive has reached its limit for "
	    "papers (pages, size or time)"));
	free(text);
	buf_release(&three);
	buf_release(&out);
}

/* Pictures: each on a page; a JPEG goes in as itself, also when it is
 * decoded at a fraction of its size; sizes are checked before decoding. */
static void
test_pictures(void **state)
{
	struct embed_budget	 b = plenty();
	struct buf		 out, p, j, big;
	struct pdf		*pdf;
	char			*text, *list;

	(void)state;
	paper_png(&p, UNIT_PDF_MAX, 300, 200);
	jpeg(&j, 320, 240);
	jpeg(&big, 2400, 1800);		/* over IMAGE_DRAW_PIXELS */
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(pdf = pdf_new(&out, "Archive", PDF_NORMAL));
	assert_int_equal(embed(pdf, "Blue", "image/png", p.data, p.len, &b),
	    EMBED_DRAWN);
	assert_int_equal(embed(pdf, "Gradient", "image/jpeg", j.data, j.len,
	    &b), EMBED_DRAWN);
	assert_int_equal(embed(pdf, "Big gradient", "image/jpeg", big.data,
	    big.len, &b), EMBED_DRAWN);
	assert_int_equal(b.pages, ARCHIVE_PAGES_MAX - 3);
	/* Claims of enormous sizes, and damage, are notes. */
	memcpy(p.data + 16, "\0\1\206\240\0\1\206\240", 8);	/* 100000 x 100000 */
	assert_int_equal(embed(pdf, "Huge PNG", "image/png", p.data, p.len,
	    &b), EMBED_FAILED);
	jpeg_claim(&j, 30000, 30000);
	assert_int_equal(embed(pdf, "Huge JPEG", "image/jpeg", j.data, j.len,
	    &b), EMBED_FAILED);
	assert_int_equal(embed(pdf, "Torn PNG", "image/png", p.data, 40, &b),
	    EMBED_FAILED);
	assert_int_equal(embed(pdf, "Torn JPEG", "image/jpeg",
	    "\377\330\377\340 not really", 16, &b), EMBED_FAILED);
	assert_int_equal(b.pages, ARCHIVE_PAGES_MAX - 3);
	assert_int_equal(pdf_finish(pdf), 0);
	assert_int_equal(unit_pdf_pages(&out), 4);
	text = unit_pdf_text(&out);
	assert_true(contains(text, "Paper: Blue, circulated 4 March 2026"));
	assert_true(contains(text, "Paper: Big gradient, circulated"));
	assert_true(contains(text, "Paper: Huge PNG"));
	assert_true(contains(text, "larger than 25 million pixels"));
	assert_true(contains(text, "Paper: Huge JPEG"));
	assert_true(contains(text, "Paper: Torn PNG"));
	assert_true(contains(text, "Paper: Torn JPEG"));
	assert_true(contains(text, "the picture is damaged"));
	free(text);
	list = unit_pdf_tool(&out, "pdfimages -list '%s'");
	assert_true(listed(list, 320, 240, "jpeg"));
	assert_true(listed(list, 2400, 1800, "jpeg"));
	assert_true(listed(list, 300, 200, "image"));
	free(list);
	buf_release(&p);
	buf_release(&j);
	buf_release(&big);
	buf_release(&out);
}

/* Locked, damaged and office papers get notes; the document lives. */
static void
test_notes(void **state)
{
	static const char junk[] = "%PDF-1.7\n\0\1\2 nothing here %%EOF";
	struct embed_budget	 b = plenty();
	struct buf		 out;
	struct pdf		*pdf;
	char			*text;

	(void)state;
	buf_init(&out, UNIT_PDF_MAX);
	assert_non_null(pdf = pdf_new(&out, "Archive", PDF_NORMAL));
	assert_int_equal(embed(pdf, "Locked", "application/pdf", locked,
	    sizeof(locked) - 1, &b), EMBED_FAILED);
	assert_int_equal(embed(pdf, "Junk", "application/pdf", junk,
	    sizeof(junk) - 1, &b), EMBED_FAILED);
	assert_int_equal(embed(pdf, "Empty", "application/pdf", "", 0, &b),
	    EMBED_FAILED);
	assert_int_equal(embed(pdf, "Terms", DOCX_MIME, "PK\3\4", 4, &b),
	    EMBED_NOTED);
	assert_int_equal(embed(pdf, "Charter", ODT_MIME, "PK\3\4", 4, &b),
	    EMBED_NOTED);
	assert_int_equal(b.pages, ARCHIVE_PAGES_MAX);
	assert_int_equal(pdf_finish(pdf), 0);
	text = unit_pdf_text(&out);
	assert_true(contains(text, "Paper: Locked"));
	assert_true(contains(text, "locked with a password"));
	assert_true(contains(text, "Paper: Junk"));
	assert_true(contains(text, "Paper: Empty"));
	assert_true(contains(text, "not a PDF that can be read"));
	assert_true(contains(text, "It is a Word document"));
	assert_true(contains(text, "It is an OpenDocument text"));
	assert_true(contains(text, "download the original from Roundtable at "
	    "/papers/9."));
	free(text);
	buf_release(&out);
}

static int
words_setup(void **state)
{
	(void)state;
	print_words_init(&english, NULL, 0);
	return 0;
}

static int
words_teardown(void **state)
{
	print_words_free(&english);
	return unit_pdf_teardown(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_pages_and_budget),
		cmocka_unit_test(test_pictures),
		cmocka_unit_test(test_notes),
	};

	return cmocka_run_group_tests(tests, words_setup, words_teardown);
}
