# Roundtable.  `make run` and `make test` are all a newcomer needs; both
# install what is missing first (make deps).  See the README.

VERSION    = 0.1.0
PKGS       = libmicrohttpd sqlite3 libsodium jansson inih pangocairo cairo-pdf libcmark \
	     poppler-glib libjpeg xlsxwriter libseccomp libpq
TEST_PKGS  = cmocka libcurl

CC        ?= cc
BASE_CFLAGS = -std=c17 -D_GNU_SOURCE -DRT_VERSION='"$(VERSION)"' \
	      -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wno-format-nonliteral \
	      -Ibuild
HARDEN    = -D_FORTIFY_SOURCE=3 -fstack-protector-strong -fPIE
HARDEN_LD = -pie -Wl,-z,relro,-z,now
SAN       = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	    -fno-omit-frame-pointer

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread
TEST_LIBS  = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

SRC       = $(filter-out src/main.c,$(shell find src -name '*.c' | sort))
HDR       = $(shell find src -name '*.h')
MIGRATIONS = $(sort $(wildcard migrations/*.sql))
PG_MIGRATIONS = $(sort $(wildcard migrations/postgresql/*.sql))
TEMPLATES  = $(sort $(shell find templates -name '*.html'))
CATALOGUES = $(patsubst po/%.po,build/locale/%.mo,$(sort $(wildcard po/*.po)))

REL_OBJ   = $(SRC:src/%.c=build/release/%.o) build/release/embedded.o
TST_OBJ   = $(SRC:src/%.c=build/test/%.o) build/test/embedded.o

UNIT_TESTS = $(patsubst tests/unit/%.c,build/test/unit/%,$(wildcard tests/unit/test_*.c))
HTTP_TESTS = $(patsubst tests/http/%.c,build/test/http/%,$(wildcard tests/http/test_*.c))
# Every HTTP binary runs against PostgreSQL too (RT_TEST_DB=pg, a
# throw-away cluster per server), but for those about what only SQLite
# has: its encrypted and scheduled backups (pg_dump there: test_durability
# checks it), copy, which makes a cluster of its own, and the exchange
# (docs/exchange.md: SQLite places only, for now).
SQLITE_ONLY_HTTP_TESTS = $(addprefix build/test/http/,test_backup_crypt \
		test_backup_schedule test_copy test_exchange test_exchange_meetings \
		test_exchange_surveys test_exchange_records test_exchange_people)
PG_HTTP_TESTS = $(filter-out $(SQLITE_ONLY_HTTP_TESTS),$(HTTP_TESTS))

DB        ?= var/roundtable.db

.PHONY: all deps assets run run-pg po test unit-test http-test browser-test fuzz \
	crashtest bench clean check-banned print-pkgs deb deb-test

all: build/roundtable

# ---- dependencies -------------------------------------------------------
deps:
	@sh tools/deps.sh base
	@$(MAKE) --no-print-directory assets

assets: static/roundtable.css

static/roundtable.css: package-lock.json assets/roundtable.scss assets/roundtable.js tools/build-assets.sh
	@bash tools/build-assets.sh

# ---- build --------------------------------------------------------------
build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O2 -o $@ $<

# Each language's catalogue: msgfmt checks the translations' format
# strings and plural forms against po/CODE.po's header.
build/locale/%.mo: po/%.po
	@mkdir -p build/locale
	msgfmt --check -o $@ $<

build/embedded.c: build/embed $(MIGRATIONS) $(PG_MIGRATIONS) $(TEMPLATES) $(CATALOGUES) Makefile
	@( ./build/embed embedded_migrations migrations/ $(MIGRATIONS) && \
	   ./build/embed embedded_migrations_pg migrations/postgresql/ \
	     $(PG_MIGRATIONS) | grep -v '^#include' && \
	   ./build/embed embedded_templates templates/ $(TEMPLATES) | \
	   grep -v '^#include' && \
	   ./build/embed embedded_catalogues build/locale/ $(CATALOGUES) | \
	   grep -v '^#include' ) > $@.tmp && mv $@.tmp $@

# The messages to translate: po/roundtable.pot from the C sources and the
# templates; each po/CODE.po brought up to date with it.
po: build/embed
	@sh tools/po-extract.sh

build/release/%.o: src/%.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O2 $(HARDEN) $(PKG_CFLAGS) -Isrc -c -o $@ $<

build/release/embedded.o: build/embedded.c src/embedded.h
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O2 $(HARDEN) -Isrc -c -o $@ $<

build/roundtable: build/release/main.o $(REL_OBJ)
	$(CC) -o $@ $^ $(HARDEN_LD) $(PKG_LIBS)

# RT_TEST_HOOKS: the test build's hooks (src/server/test_hooks.h).
build/test/%.o: src/%.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -DRT_TEST_HOOKS $(PKG_CFLAGS) -Isrc -c -o $@ $<

build/test/embedded.o: build/embedded.c src/embedded.h
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -Isrc -c -o $@ $<

build/test/roundtable: build/test/main.o $(TST_OBJ)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# The route table's parts, included by src/routes.c.
build/release/routes.o build/test/routes.o: $(wildcard src/routes/*.inc)

build/test/unit/%: tests/unit/%.c tests/unit/unit.h tests/unit/template_test.h tests/papers.h tests/pdf_fonts.h tests/pdf_lang.h $(TST_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $(PKG_CFLAGS) -Isrc -Itests -o $@ $< $(TST_OBJ) $(PKG_LIBS) $(TEST_LIBS)

HTTP_SHARED = $(sort $(wildcard tests/http/harness_*.c)) tests/http/route_walk.c
build/test/http/%: tests/http/%.c $(HTTP_SHARED) tests/http/harness.h tests/http/route_walk.h tests/http/http_test.h tests/papers.h tests/pdf_fonts.h tests/pdf_lang.h $(TST_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $(PKG_CFLAGS) -Isrc -Itests -o $@ $< $(HTTP_SHARED) $(TST_OBJ) $(PKG_LIBS) $(TEST_LIBS)

# The crawl in Welsh finds English nobody wrote.
build/test/http/test_crawl: HTTP_SHARED += tests/http/english_text.c
build/test/http/test_crawl: tests/http/english_text.c tests/http/english_text.h

# The exchange's tests share their hub and two stations.
EXCHANGE_TESTS = $(addprefix build/test/http/,test_exchange \
		test_exchange_meetings test_exchange_surveys test_exchange_records \
		test_exchange_people)
$(EXCHANGE_TESTS): HTTP_SHARED += tests/http/exchange_places.c
$(EXCHANGE_TESTS): tests/http/exchange_places.c tests/http/exchange_places.h

# The tests of a subject split along its jobs share their set-up and
# steps, each subject's in a header of its own.
$(addprefix build/test/http/,test_elections_secrecy test_elections_results \
		test_elections_seats test_next_step test_elections_paper): tests/http/elections_test.h
$(addprefix build/test/http/,test_procurement_panel \
		test_procurement_lots): tests/http/procurement_test.h
$(addprefix build/test/http/,test_evidence_dashboards test_evidence_records \
		test_evidence_suppression): tests/http/evidence_test.h
$(addprefix build/test/http/,test_meetings_agenda test_meetings_minutes \
		test_meetings_papers): tests/http/meetings_test.h
$(addprefix build/test/http/,test_membership_pipeline \
		test_membership_expenses): tests/http/membership_test.h
$(addprefix build/test/http/,test_surveys_answering test_surveys_results \
		test_surveys_themes): tests/http/surveys_test.h
$(addprefix build/test/http/,test_voice_logs test_voice_sheets \
		test_voice_issues): tests/http/voice_test.h

# The large-data walk fills its database with bench/'s generator.
build/test/http/test_lists: build/bench-gen
build/bench-gen: $(wildcard bench/gen/*.c) bench/gen/gen.h
	@mkdir -p build
	$(CC) -O2 -Wall -Wextra -o $@ $(filter %.c,$^) $(shell pkg-config --cflags --libs sqlite3)

# ---- run ----------------------------------------------------------------
run: deps build/roundtable
	@if [ ! -f $(DB) ]; then \
		./build/roundtable init --db $(DB) --name "Roundtable" && \
		./build/roundtable demo --db $(DB); \
	else \
		echo "Using the existing database $(DB)."; \
		echo "Forgotten the admin password? ./build/roundtable user passwd admin"; \
	fi
	@echo "Open http://127.0.0.1:8080/ (stop with Ctrl-C)"
	./build/roundtable serve --db $(DB)

# The demo organisation on a throw-away PostgreSQL cluster, two servers.
run-pg: deps build/roundtable
	@sh tools/run-pg.sh

# ---- tests --------------------------------------------------------------
test: deps build/roundtable build/test/roundtable $(UNIT_TESTS) $(HTTP_TESTS) check-banned
	@sh tests/run.sh $(UNIT_TESTS) $(HTTP_TESTS) $(addprefix pg:,$(PG_HTTP_TESTS))

check-banned:
	@sh tools/check-banned.sh
	@sh tools/check-words.sh

browser-test: deps build/roundtable
	@sh tools/deps.sh browser
	@node --test tests/browser/hang_guard.test.mjs
	@node tests/browser/journeys.mjs

fuzz:
	@sh tools/deps.sh fuzz
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

crashtest: deps build/roundtable
	@sh tests/crash/crashtest.sh

bench: deps build/roundtable
	@sh tools/deps.sh bench
	@sh bench/run.sh

# ---- the Debian package -------------------------------------------------
DEB = build/roundtable_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null).deb

deb: deps build/roundtable
	@sh tools/deps.sh deb
	@sh tools/build-deb.sh $(VERSION)

# Installs the package into a scratch root and serves /healthz from it.
deb-test: deb
	@sh tests/deb/deb_test.sh $(DEB)

# The package list, for tests/fuzz/fuzz.mk.
print-pkgs:
	@echo $(PKGS)

clean:
	rm -rf build
