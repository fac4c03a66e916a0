# Builds the libFuzzer targets into build/fuzz/.  Called by tests/fuzz/run.sh
# from the top of the tree; make only rebuilds what changed (the .d files
# track headers).  Everything, src/ included, is built with the fuzzer's
# coverage and ASan/UBSan, and UBSan stops at the first report so the fuzzer
# sees it as a crash.

CC        = clang
# The project's own package list, so new libraries in src/ just work (asked
# of make, since the list continues over several lines).
PKGS      := $(or $(shell $(MAKE) -s --no-print-directory -f Makefile print-pkgs),\
	     libmicrohttpd sqlite3 libsodium jansson inih)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS  := $(shell pkg-config --libs $(PKGS)) -lpthread

SAN       = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -fno-omit-frame-pointer
CFLAGS    = -std=c17 -D_GNU_SOURCE -DRT_VERSION='"fuzz"' -g -O1 $(SAN) \
	    -Isrc -Ibuild $(PKG_CFLAGS)
WARN      = -Wall -Wextra -Wshadow

SRC       := $(filter-out src/main.c,$(sort $(shell find src -name '*.c')))
OBJ       := $(SRC:src/%.c=build/fuzz/obj/%.o) build/fuzz/obj/embedded.o
LIB       = build/fuzz/libroundtable.a
TARGETS   := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))

.PHONY: all
all: $(TARGETS)

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

build/fuzz/obj/embedded.o: build/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -MMD -MP -c -o $@ $<

$(LIB): $(OBJ)
	@rm -f $@
	ar rcs $@ $(OBJ)

# An archive, so each target pulls in only the objects it uses.
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) -MMD -MP -o $@ $< $(LIB) $(PKG_LIBS)

-include $(OBJ:.o=.d) $(TARGETS:=.d)
