/*
 * src/util/text_language.h: which language a short text people wrote is
 * in.  Two tables of real short texts, English and Welsh, as staff and
 * members write them (arrival steps, actions, topics, titles; Welsh with
 * English loan words, names of people and places): each text is marked
 * right or left unmarked, never marked as the other language.
 */
#include "unit.h"

#include "util/text_language.h"
#include "util/text_language_signs.h"

/* Of each table, at least this many must be marked: the guess is of use
 * on the short texts it was made for, not only safe. */
#define ENGLISH_MARKED_MIN	45
#define WELSH_MARKED_MIN	40

static const char *const english_texts[] = {
	"Check state pension and benefits",
	"Prescription confirmed",
	"Housing referral booked",
	"Meet your peer mentor",
	"Induction with the chaplaincy",
	"Book a GP appointment",
	"Order prison clothing",
	"Set up PIN phone numbers",
	"Apply for a job in the kitchens",
	"Visiting order sent",
	"Canteen sheet explained",
	"Healthcare screening done",
	"Food portions too small",
	"Showers on B wing are cold",
	"Move the C wing evening round to 19:30",
	"Library hours extended",
	"Gym sessions for over 50s",
	"Education assessment",
	"Family contact day",
	"Request a transfer",
	"Complaint about mail delays",
	"Laundry returned late",
	"Fix the broken kettle",
	"Noise at night",
	"Chaplaincy visit arranged",
	"Bank account opened",
	"ID documents requested",
	"Debt advice session",
	"Mental health check-in",
	"Keyworker session booked",
	"Release plan reviewed",
	"Probation officer informed",
	"Discharge grant paid",
	"Heating not working",
	"Quiet hours on the landing",
	"Vape policy",
	"Exercise yard opening times",
	"Substance misuse team referral",
	"Listener scheme training",
	"Meeting room booked",
	"Minutes approved",
	"Water in cell 4 is brown",
	"Dentist waiting list",
	"Council tax letter",
	"Halal menu options",
	"Hospital appointment",
	"Phone credit",
	"Safer custody",
	"Send the letter today",
	"Wing forum",
};

static const char *const welsh_texts[] = {
	"Tocyn bws i'r carchar",
	"Gwirio pensiwn y wladwriaeth",
	"Cyfarfod cyngor",
	"Apwyntiad meddyg",
	"Bws",
	"Parc",
	"Caerdydd",
	"HMP Berwyn",
	"Mohammed",
	"Cwrdd \xc3\xa2'r mentor cymheiriaid",
	"Trefnu apwyntiad gyda'r meddyg teulu",
	"Archebu dillad carchar",
	"Gwneud cais am swydd yn y gegin",
	"Anfonwyd archeb ymweld",
	"Dognau bwyd yn rhy fach",
	"Cawodydd ar adain B yn oer",
	"Oriau'r llyfrgell wedi'u hymestyn",
	"Sesiynau campfa i bobl dros 50",
	"Asesiad addysg",
	"Diwrnod cyswllt teulu",
	"Gofyn am drosglwyddiad",
	"Cwyn am oedi gyda'r post",
	"Golchi dillad yn hwyr",
	"Trwsio'r tegell",
	"S\xc5\xb5n yn y nos",
	"Cyfrif banc wedi'i agor",
	"Cyngor ar ddyledion",
	"Iechyd meddwl",
	"Cynllun rhyddhau wedi'i adolygu",
	"Swyddog prawf wedi cael gwybod",
	"Gwres ddim yn gweithio",
	"Oriau tawel ar y landin",
	"Polisi f\xc3\xaapio",
	"Hyfforddiant y Gwrandawyr",
	"Ystafell gyfarfod wedi'i harchebu",
	"Cofnodion wedi'u cymeradwyo",
	"Rhestr aros deintydd",
	"Llythyr treth gyngor",
	"Dewis bwydlen halal",
	"Gr\xc5\xb5p cymorth",
	"Ffurflen gais",
	"Galwad ff\xc3\xb4n i'r teulu",
	"Cyfarfod y cyngor carcharorion",
	"Trafnidiaeth i\xe2\x80\x99r llys",
	"Cerdyn banc",
	"Sesiwn yoga",
	"Clwb p\xc3\xaal-droed",
	"Tacsi i'r ysbyty",
	"Sesiwn Zoom gyda'r teulu",
	"Sgwrs gyda Vicky",
	"Paned a sgwrs",
	"Cyngor ar fudd-daliadau",
	"Apwyntiad gyda'r nyrs",
	"Abertawe",
	"Wrecsam",
	"Pen-y-bont ar Ogwr",
	"Si\xc3\xa2n Jones",
	"Vicky",
	"Zack Thompson",
	"HMP Prescoed",
};

struct tally {
	int	 right, unmarked, wrong;
};

/* Each text of a table guessed: right (lang), unmarked, or wrong. */
static struct tally
guess_all(const char *const *texts, size_t n, const char *lang,
    const char *table)
{
	struct tally	 t = { 0, 0, 0 };
	const char	*said;
	size_t		 i;

	for (i = 0; i < n; i++) {
		said = text_language_guess(texts[i], strlen(texts[i]));
		if (said == NULL) {
			t.unmarked++;
		} else if (strcmp(said, lang) == 0) {
			t.right++;
		} else {
			t.wrong++;
			print_message("%s text marked %s: \"%s\"\n", table,
			    said, texts[i]);
		}
	}
	print_message("%s: %zu texts, %d marked %s, %d unmarked, %d wrong\n",
	    table, n, t.right, lang, t.unmarked, t.wrong);
	return t;
}

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static void
short_english_is_marked_english_or_not_at_all(void **state)
{
	struct tally	 t;

	(void)state;
	assert_true(COUNT(english_texts) >= 40);
	t = guess_all(english_texts, COUNT(english_texts), "en", "English");
	assert_int_equal(t.wrong, 0);
	assert_true(t.right >= ENGLISH_MARKED_MIN);
}

static void
short_welsh_is_marked_welsh_or_not_at_all(void **state)
{
	struct tally	 t;

	(void)state;
	assert_true(COUNT(welsh_texts) >= 40);
	t = guess_all(welsh_texts, COUNT(welsh_texts), "cy", "Welsh");
	assert_int_equal(t.wrong, 0);
	assert_true(t.right >= WELSH_MARKED_MIN);
}

#define GUESS(s)	text_language_guess((s), strlen(s))

static void
the_examples_of_the_issue(void **state)
{
	(void)state;
	assert_string_equal(GUESS("Check state pension and benefits"), "en");
	assert_string_equal(GUESS("Prescription confirmed"), "en");
	assert_string_equal(GUESS("Housing referral booked"), "en");
	assert_string_equal(GUESS("Tocyn bws i'r carchar"), "cy");
	assert_string_equal(GUESS("Gwirio pensiwn y wladwriaeth"), "cy");
	/* One word, or a name, says nothing. */
	assert_null(GUESS("Bws"));
	assert_null(GUESS("Caerdydd"));
	assert_null(GUESS("HMP Berwyn"));
	assert_null(GUESS("Mohammed"));
	assert_null(GUESS("Vicky"));
	assert_null(GUESS(""));
}

static void
a_name_inside_a_sentence_says_nothing(void **state)
{
	(void)state;
	/* English around a Welsh place, Welsh around English names. */
	assert_string_equal(GUESS("Meeting in Caerdydd next week"), "en");
	assert_string_equal(GUESS("Mae Vicky Jackson wedi galw"), "cy");
	/* The same words uncapitalised are read as words. */
	assert_null(GUESS("Sgwrs gyda vicky jackson"));
	/* A sentence's first word is no name, after a full stop too. */
	assert_string_equal(GUESS("Done. Booked the room"), "en");
}

static void
signs_of_both_leave_it_unmarked(void **state)
{
	(void)state;
	/* Half and half: a screen reader keeps the page's voice. */
	assert_null(GUESS("Cyfarfod cyngor: check the minutes"));
	assert_null(GUESS("Booking apwyntiad meddyg"));
	/* A long text carried by its small words, as before. */
	assert_string_equal(GUESS("The food portions on the wing are too "
	    "small and the menu has not changed since March"), "en");
	assert_string_equal(GUESS("Mae'r dognau bwyd ar yr adain yn rhy fach "
	    "ac nid yw'r fwydlen wedi newid ers mis Mawrth"), "cy");
}

static void
words_are_read_whole(void **state)
{
	(void)state;
	/* A curly apostrophe is one ("i’r"); quotation marks and dashes end
	 * a word; a word too long to hold says nothing. */
	assert_string_equal(GUESS("Tocyn i\xe2\x80\x99r llys"), "cy");
	assert_string_equal(GUESS("\xe2\x80\x98Housing\xe2\x80\x99 "
	    "\xe2\x80\x94 referral booked"), "en");
	assert_null(GUESS("Ffffffffffffffffffffffffffffffffffffffffff "
	    "Llllllllllllllllllllllllllllllllllllllllllll"));
	/* Not a NUL-terminated string: only len bytes are read. */
	assert_null(text_language_guess("Housing referral booked", 7));
}

/* The word lists are looked up by halving: a word added out of order
 * would never be found. */
static void
word_lists_are_in_order(void **state)
{
	(void)state;
	assert_int_equal(text_language_signs_check(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_english_is_marked_english_or_not_at_all),
		cmocka_unit_test(short_welsh_is_marked_welsh_or_not_at_all),
		cmocka_unit_test(the_examples_of_the_issue),
		cmocka_unit_test(a_name_inside_a_sentence_says_nothing),
		cmocka_unit_test(signs_of_both_leave_it_unmarked),
		cmocka_unit_test(words_are_read_whole),
		cmocka_unit_test(word_lists_are_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
