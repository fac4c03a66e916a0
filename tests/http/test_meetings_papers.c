/*
 * Meetings' papers: each is checked by its bytes, not its name, and the
 * archive draws them in (a PDF's own pages, a picture, a note for what
 * it cannot draw), within the response's ceiling.
 */
#include "meetings_test.h"

static void
papers_are_checked_by_their_bytes(void **state)
{
	/* Only the magic bytes of a PDF, and random bytes after them. */
	static const char shell[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
	static const char junk[] = "%PDF-1.7\n\x8f\x13\xe2\x07\x99garbage\x01\x02";
	static const char html[] = "<html><script>alert(1)</script></html>";
	static const char png[] = "\211PNG\r\n\032\n0000";
	struct client	 member, westvale;
	struct reply	 r;
	struct buf	 pdf;
	char		 path[96], *big;
	long long	 soon, later, paper;
	char		 soon_date[DATE_CHARS + 1], today[DATE_CHARS + 1];

	(void)state;
	as(&member, "member.forum");
	as(&westvale, "member.westvale");
	date_today(time(NULL), today);
	date_add_days(today, 2, soon_date);
	soon = meeting_on(&member, soon_date);
	later = meeting_on(&member, "2027-12-07");
	snprintf(path, sizeof(path), "/meetings/%lld", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", soon);
	paper_pdf(&pdf, UPLOAD_MAX, "Healthcare report", 1);
	assert_int_equal(http_post_file(&member, path, "Healthcare report",
	    "report.pdf", pdf.data, pdf.len, &r), 303);
	reply_free(&r);
	paper = db_scalar(&srv, "SELECT max(id) FROM papers");
	/* Its size as people read it, in either language. */
	snprintf(path, sizeof(path), "/meetings/%lld?lang=cy", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, " KB, dosbarthwyd ");
	assert_lacks(r.body, " beit,");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=en", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, " KB, circulated ");
	assert_lacks(r.body, " bytes,");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", soon);
	/* A PDF's or a picture's magic bytes are not enough: it must open
	 * (a PDF with pages). */
	{
		static const struct { const char *name, *bytes; size_t len; }
		    fakes[] = {
			{ "shell.pdf", shell, sizeof(shell) - 1 },
			{ "junk.pdf", junk, sizeof(junk) - 1 },
			{ "photo.png", png, sizeof(png) - 1 },
		};

		for (size_t i = 0; i < sizeof(fakes) / sizeof(fakes[0]); i++) {
			assert_int_equal(http_post_file(&member, path, "Fake",
			    fakes[i].name, fakes[i].bytes, fakes[i].len, &r),
			    415);
			reply_free(&r);
		}
	}
	/* Disguised or unknown files are refused. */
	assert_int_equal(http_post_file(&member, path, "Sneaky", "agenda.pdf",
	    html, sizeof(html) - 1, &r), 415);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Picture", "photo.pdf",
	    png, sizeof(png) - 1, &r), 415);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Program", "run.exe",
	    "MZ\220\0", 4, &r), 415);
	reply_free(&r);
	/* Over the upload limit. */
	big = calloc(1, 2 * UPLOAD_MAX);
	memcpy(big, "%PDF-", 5);
	assert_int_equal(http_post_file(&member, path, "Big", "big.pdf", big,
	    2 * UPLOAD_MAX, &r), 413);
	reply_free(&r);
	free(big);
	/* Files go only where a route takes them. */
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", soon);
	assert_int_equal(http_post_file(&member, path, "Item", "x.pdf",
	    pdf.data, pdf.len, &r), 415);
	reply_free(&r);
	{
		char sql[96];

		snprintf(sql, sizeof(sql), "SELECT count(*) FROM papers WHERE "
		    "meeting_id = %lld", soon);
		assert_int_equal(db_scalar(&srv, sql), 1);
	}
	/* A meeting whose minutes are published has a closed record. */
	{
		long long	 published = db_scalar(&srv, "SELECT min(id) FROM "
		    "meetings WHERE group_id = 1 AND minutes_state = "
		    "'published'");
		long long	 before = db_scalar(&srv, "SELECT count(*) FROM "
		    "papers");

		snprintf(path, sizeof(path), "/meetings/%lld/papers",
		    published);
		assert_int_equal(http_post_file(&member, path, "Afterthought",
		    "late.pdf", pdf.data, pdf.len, &r), 409);
		reply_free(&r);
		assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM papers"),
		    before);
	}
	/* Two days before a meeting with a week's notice: late. */
	snprintf(path, sizeof(path), "/meetings/%lld", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Healthcare report");
	assert_contains(r.body, ">Late<");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", later);
	assert_int_equal(http_get(&member, "/groups/1/meetings", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Early paper",
	    "early.pdf", pdf.data, pdf.len, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", later);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Early paper");
	assert_lacks(r.body, ">Late<");
	reply_free(&r);
	/* A download, named by us; not for another site's group. */
	snprintf(path, sizeof(path), "/papers/%lld", paper);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	assert_int_equal(r.len, pdf.len);
	assert_memory_equal(r.body, pdf.data, pdf.len);
	reply_free(&r);
	assert_int_equal(http_get(&westvale, path, &r), 403);
	reply_free(&r);
	buf_release(&pdf);
	client_free(&member);
	client_free(&westvale);
}

/* Overwrites the newest paper's bytes, as if stored before uploads were
 * opened to check them. */
static void
damage_last_paper(const void *data, size_t len)
{
	struct db	 db;

	assert_int_equal(db_open(&db, srv.db, 5000), 0);
	assert_int_equal(db_exec(&db, "UPDATE papers SET data = ?, size = ? "
	    "WHERE id = (SELECT max(id) FROM papers)", "bi", DB_BLOB(data, len),
	    (int64_t)len), DB_OK);
	db_close(&db);
}

/*
 * The archive draws the papers themselves: a PDF's own pages (its text
 * can be read back), a picture on a page of its own, a note for a Word
 * paper and for a damaged PDF, and a long paper cut at the limit.
 */
static void
the_archive_draws_the_papers(void **state)
{
	static const char docx[] = "PK\003\004\024\0\0\0\0\0word/document.xml";
	static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog "
	    "/Pages 9 0 R >>\nthis is not the rest of a PDF\n";
	struct client	 member, staff;
	struct reply	 r;
	struct buf	 rota, report, png;
	char		 path[96], *text;
	long long	 meeting, docx_id;
	long		 minutes_pages;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	meeting = meeting_on(&member, "2027-09-07");
	paper_pdf(&rota, UPLOAD_MAX, "The rota starts on Monday with the top "
	    "landing.", 2);
	paper_pdf(&report, UPLOAD_MAX, "A long report.",
	    ARCHIVE_PAPER_PAGES_MAX + 2);
	paper_png(&png, UPLOAD_MAX, 160, 90);
	upload(&member, meeting, "Wing cleaning rota", "rota.pdf", rota.data,
	    rota.len);
	upload(&member, meeting, "Garden plan", "garden.png", png.data,
	    png.len);
	upload(&member, meeting, "Terms draft", "terms.docx", docx,
	    sizeof(docx) - 1);
	docx_id = db_scalar(&srv, "SELECT max(id) FROM papers");
	/* A damaged PDF is refused at the door now; one stored before
	 * that check (made here by damaging a stored one) gets a note. */
	{
		char	 path2[64];

		snprintf(path2, sizeof(path2), "/meetings/%lld/papers", meeting);
		assert_int_equal(http_post_file(&member, path2, "Broken",
		    "budget.pdf", broken, sizeof(broken) - 1, &r), 415);
		reply_free(&r);
	}
	upload(&member, meeting, "Broken budget", "budget.pdf", rota.data,
	    rota.len);
	damage_last_paper(broken, sizeof(broken) - 1);
	upload(&member, meeting, "Long report", "report.pdf", report.data,
	    report.len);
	buf_release(&rota);
	buf_release(&report);
	buf_release(&png);
	publish(&member, &staff, meeting, meeting_on(&member, "2027-10-05"));

	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf", meeting);
	assert_int_equal(http_get(&member, path, &r), 200);
	minutes_pages = pdf_pages(&srv, &r);
	assert_true(minutes_pages >= 1);
	/* A meeting without a chair has no empty "Chair:" row. */
	text = pdf_text(&srv, &r);
	assert_contains(text, "Where:");
	assert_lacks(text, "Chair");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07", &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	/* The title and the minutes, the rota's two pages, the picture,
	 * one page of notes (the Word paper, the broken one) and the long
	 * report up to the limit. */
	assert_int_equal(pdf_pages(&srv, &r), minutes_pages + 2 + 1 + 1 +
	    ARCHIVE_PAPER_PAGES_MAX);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "The rota starts on Monday with the top landing.");
	assert_contains(text, "Paper: Wing cleaning rota, circulated");
	assert_contains(text, "page 2 of 2");
	assert_contains(text, "Paper: Garden plan, circulated");
	assert_contains(text, "Paper: Terms draft");
	assert_contains(text, "It is a Word document");
	snprintf(path, sizeof(path), "/papers/%lld.", docx_id);
	assert_contains(text, path);
	assert_contains(text, "Paper: Broken budget");
	assert_contains(text, "It could not be drawn");
	assert_contains(text, "A long report.");
	snprintf(path, sizeof(path), "page %d of %d. The archive holds its "
	    "pages up to page %d;", ARCHIVE_PAPER_PAGES_MAX,
	    ARCHIVE_PAPER_PAGES_MAX + 2, ARCHIVE_PAPER_PAGES_MAX);
	assert_contains(text, path);
	snprintf(path, sizeof(path), "page %d of", ARCHIVE_PAPER_PAGES_MAX + 1);
	assert_lacks(text, path);
	free(text);
	/* In Welsh: the captions and the notes on the papers too; the
	 * papers' own titles as written. */
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=cy", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Papur: Wing cleaning rota, dosbarthwyd");
	assert_contains(text, "tudalen 2 o 2");
	assert_contains(text, "Dogfen Word ydyw");
	assert_contains(text, "Nid oedd modd ei argraffu");
	assert_lacks(text, "Paper:");
	assert_lacks(text, "circulated");
	assert_lacks(text, "It could not be drawn");
	assert_lacks(text, "Nid ydynt mewn print bras");
	free(text);
	/* In large print, each paper whose pages are drawn is told of
	 * first, in large print: its pages are pictures of the original,
	 * not in large print, and whom to ask.  Not the papers only named
	 * (the Word one, the broken one). */
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=en&large=1", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_int_equal(occurrences(text, "They are not in large print. To "
	    "have this paper in large print or another format, ask the "
	    "group's chair or a member of staff."), 3);
	assert_non_null(strstr(text, "Paper: Wing cleaning rota The pages "
	    "that follow are a copy of the original paper"));
	assert_true(strstr(text, "They are not in large print") <
	    strstr(text, "Paper: Wing cleaning rota, circulated"));
	free(text);
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=cy&large=1", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_int_equal(occurrences(text, "Nid ydynt mewn print bras"), 3);
	assert_lacks(text, "not in large print");
	free(text);
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=en", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_lacks(text, "not in large print");
	free(text);
	/* The server lived through it. */
	assert_int_equal(http_get(&member, "/healthz", &r), 200);
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

/*
 * A long action point is a row of the pack's table: in large print it
 * moves whole to the next page rather than being split across two (its
 * first lines at the foot of one page, the rest at the top of the
 * next).  Each point's text starts "zqNa" and ends "zqNz".
 */
static void
long_rows_stay_on_one_page(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[320], start[16], end[16], *text;
	long long	 meeting, owner;
	long		 pages, page, first[9], last[9];
	int		 i, used = 0;

	(void)state;
	as(&c, "member.forum");
	meeting = meeting_on(&c, "2028-01-04");
	owner = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", meeting);
	for (i = 1; i <= 8; i++) {
		snprintf(body, sizeof(body), "text=zq%da+Ask+the+governor+to+"
		    "write+to+the+estates+team+about+mending+the+chapel+heating+"
		    "before+the+winter+comes+zq%dz&owner_id=%lld&due_on="
		    "2028-02-01", i, i, owner);
		submit_expect(&c, path, body, 303, &r);
		reply_free(&r);
	}
	snprintf(path, sizeof(path), "/meetings/%lld/pack.pdf?large=1",
	    meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	pages = pdf_pages(&srv, &r);
	memset(first, 0, sizeof(first));
	memset(last, 0, sizeof(last));
	for (page = 1; page <= pages; page++) {
		text = pdf_page_text(&srv, &r, page);
		for (i = 1; i <= 8; i++) {
			snprintf(start, sizeof(start), "zq%da", i);
			snprintf(end, sizeof(end), "zq%dz", i);
			if (strstr(text, start) != NULL && first[i] == 0)
				first[i] = page;
			if (strstr(text, end) != NULL)
				last[i] = page;
		}
		free(text);
	}
	reply_free(&r);
	for (i = 1; i <= 8; i++) {
		if (first[i] != last[i])
			print_error("action point %d: pages %ld to %ld\n", i,
			    first[i], last[i]);
		assert_true(first[i] > 0);
		assert_int_equal(first[i], last[i]);
		used += i == 1 || first[i] != first[i - 1];
	}
	/* The points did meet the foot of a page. */
	assert_true(used > 1);
	client_free(&c);
}

/* Restarts the server with line added to its [limits] (the config's
 * last section) or, for NULL, with the config it was set up with. */
static void
restart_with_limit(const char *line)
{
	static off_t	 original = -1;
	struct stat	 st;
	FILE		*f;

	assert_int_equal(server_halt(&srv), 0);
	if (original == -1) {
		assert_int_equal(stat(srv.config, &st), 0);
		original = st.st_size;
	}
	if (line == NULL) {
		assert_int_equal(truncate(srv.config, original), 0);
	} else {
		assert_non_null(f = fopen(srv.config, "a"));
		fprintf(f, "%s\n", line);
		fclose(f);
	}
	assert_int_equal(server_launch(&srv), 0);
}

/* Near the response's ceiling (page_max), a paper too big for the room
 * left gets a note, a small one after it is still drawn, and the
 * archive comes out rather than failing. */
static void
the_archive_stays_within_page_max(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	struct buf	 pack, map;
	char		*text;
	long long	 meeting;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	meeting = meeting_on(&member, "2027-11-02");
	paper_pdf(&pack, UPLOAD_MAX, "Every landing, every wing, every "
	    "cell: the whole of the big pack of papers, again and again. "
	    "Every landing, every wing, every cell: the whole of it.", 30);
	/* Counted at its growth, it does not fit under 64 KiB. */
	assert_true(pack.len * ARCHIVE_PAPER_GROWTH >
	    65536 / 100 * ARCHIVE_FULL_PERCENT);
	paper_png(&map, UPLOAD_MAX, 40, 30);
	upload(&member, meeting, "Big pack", "pack.pdf", pack.data, pack.len);
	upload(&member, meeting, "Small map", "map.png", map.data, map.len);
	buf_release(&pack);
	buf_release(&map);
	publish(&member, &staff, meeting, meeting_on(&member, "2027-11-30"));
	client_free(&staff);
	client_free(&member);

	restart_with_limit("page_max = 65536");
	as(&member, "member.forum");
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-11-02&to=2027-11-02", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Paper: Big pack");
	assert_contains(text, "It is not drawn here: this archive has reached "
	    "its limit");
	assert_lacks(text, "again and again");
	assert_contains(text, "Paper: Small map, circulated");
	free(text);
	client_free(&member);
	restart_with_limit(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(papers_are_checked_by_their_bytes),
		cmocka_unit_test(the_archive_draws_the_papers),
		cmocka_unit_test(the_archive_stays_within_page_max),
		cmocka_unit_test(long_rows_stay_on_one_page),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
