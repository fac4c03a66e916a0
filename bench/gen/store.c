/* bench-gen's database handle, random numbers, dates and names. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gen.h"

sqlite3		*db;
int64_t		 today;

void
die(const char *what)
{
	fprintf(stderr, "bench-gen: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

void
exec(const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql);
}

sqlite3_stmt *
prep(const char *sql)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

int64_t
scalar(const char *sql)
{
	sqlite3_stmt	*st = prep(sql);
	int64_t		 v = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
step(sqlite3_stmt *st)
{
	int	 rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

static uint64_t	 rng = 0x9e3779b97f4a7c15ULL;

uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char	 dates[2 * DATE_BASE + 1][11];

const char *
day(int64_t d)
{
	if (d < today - DATE_BASE)
		d = today - DATE_BASE;
	if (d > today + DATE_BASE)
		d = today + DATE_BASE;
	return dates[d - today + DATE_BASE];
}

double
unit_rand(void)
{
	return rnd(1000000) / 1e6;
}

void
dates_init(void)
{
	time_t		 now = time(NULL);
	int64_t		 d;

	today = (int64_t)now / 86400;
	for (d = -DATE_BASE; d <= DATE_BASE; d++) {
		time_t		 t = (time_t)(today + d) * 86400 + 43200;
		struct tm	 tm;

		gmtime_r(&t, &tm);
		strftime(dates[d + DATE_BASE], sizeof(dates[0]),
		    "%Y-%m-%d", &tm);
	}
}

static const char *first[] = { "Aaron", "Abdul", "Adam", "Ade", "Alan",
	"Ali", "Amir", "Andrew", "Anthony", "Barry", "Ben", "Bilal", "Brian",
	"Callum", "Carl", "Chris", "Craig", "Daniel", "Darren", "David", "Dean",
	"Declan", "Dwayne", "Emeka", "Gareth", "Gavin", "Grant", "Hamza",
	"Hassan", "Imran", "Jack", "Jamie", "Jason", "Jerome", "Joe", "Jordan",
	"Kai", "Karl", "Kwame", "Lee", "Liam", "Luke", "Marcus", "Mark",
	"Martin", "Mohammed", "Nathan", "Neil", "Owen", "Patrick", "Paul",
	"Reece", "Rhys", "Ricky", "Ryan", "Scott", "Sean", "Shane", "Simon",
	"Stephen", "Stuart", "Terry", "Tom", "Tony", "Tyrone", "Wayne",
	"Amy", "Ayesha", "Chloe", "Claire", "Donna", "Emma", "Gemma", "Hannah",
	"Jade", "Kelly", "Kirsty", "Leanne", "Lisa", "Nicola", "Sarah",
	"Stacey", "Tracey", "Zara" };
static const char *last[] = { "Adams", "Ahmed", "Ali", "Allen", "Bailey",
	"Baker", "Bell", "Brown", "Campbell", "Carter", "Clarke", "Collins",
	"Cooper", "Davies", "Edwards", "Evans", "Green", "Griffiths", "Hall",
	"Harris", "Hill", "Hughes", "Hussain", "Jackson", "James", "Johnson",
	"Jones", "Kelly", "Khan", "King", "Lee", "Lewis", "Martin", "Mensah",
	"Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nelson", "Okafor",
	"Owen", "Parker", "Patel", "Phillips", "Price", "Roberts", "Robinson",
	"Scott", "Shah", "Smith", "Taylor", "Thomas", "Thompson", "Turner",
	"Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood",
	"Wright", "Young" };

void
person_name(char *out, size_t sz)
{
	snprintf(out, sz, "%s %s", first[rnd(sizeof(first) / sizeof(first[0]))],
	    last[rnd(sizeof(last) / sizeof(last[0]))]);
}
