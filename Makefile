# memviz: build, test, install, benchmark.  GNU make; `make help` lists targets.

VERSION    := 0.1.0
CC         ?= cc
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man
DATADIR     = $(PREFIX)/share/memviz

# Plain `=` (not `?=`) so a CFLAGS left in the environment cannot drop -Werror
# or -std=c11; `make CFLAGS=...` on the command line still overrides.
CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -O2 -g
# The build-time data directory lets the program find the installed lessons.
DEFS     = -DMEMVIZ_VERSION='"$(VERSION)"' -DMEMVIZ_DATADIR='"$(DATADIR)"'
# 2>/dev/null: a missing package is reported by deps-check, with advice.
PKG_CFLAGS   := $(shell $(PKG_CONFIG) --cflags ncursesw readline 2>/dev/null)
LDLIBS       := $(shell $(PKG_CONFIG) --libs ncursesw readline 2>/dev/null) -lm -pthread
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
# -O1 comes after CFLAGS' -O2 and wins. no-recover: any UB fails the run.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer -O1
SAN_ENV   = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
            CK_TIMEOUT_MULTIPLIER=4

# The engine (src/) has no main(); ui/main.c has it. Each tests/unit/test_*.c
# is a Check program with its own main(), linked with the engine only, so a
# test links only if src/ stays free of ncurses and readline. test_ui_*.c
# (tests of the pure ui/ layers) also get the ui/ objects except main.o.
SRC_C  := $(sort $(wildcard src/*.c))
UI_C   := $(sort $(wildcard ui/*.c))
UNIT_C := $(sort $(wildcard tests/unit/test_*.c))

SRC_O      := $(SRC_C:%.c=build/%.o)
UI_O       := $(UI_C:%.c=build/%.o)
UNIT_O     := $(UNIT_C:%.c=build/%.o)
UNIT_BIN   := $(UNIT_C:%.c=build/%)
SAN_SRC_O  := $(SRC_C:%.c=build/san/%.o)
SAN_UI_O   := $(UI_C:%.c=build/san/%.o)
SAN_UNIT_O := $(UNIT_C:%.c=build/san/%.o)
SAN_UNIT   := $(UNIT_C:%.c=build/san/%)
UI_NOMAIN  = $(filter-out %/ui/main.o,$(1))
UI_TESTS   = $(foreach t,$(1),$(if $(findstring /test_ui_,$(t)),$(t)))

all: memviz

# ---- dependency check --------------------------------------------------------
# Runs before the first compile (every object depends on it, order-only) so a
# missing library gives install advice instead of a compiler error.
TEST_GOALS := test unit sanitize
NEED_PKGS  := ncursesw readline $(if $(filter $(TEST_GOALS),$(MAKECMDGOALS)),check)
APT_PKGS   := build-essential pkg-config libncurses-dev libreadline-dev check \
              python3 tmux valgrind

define DEPS_HELP
Install the build and test dependencies, then run make again:
  Debian/Ubuntu:     sudo apt-get install build-essential pkg-config libncurses-dev libreadline-dev check
  Fedora:            sudo dnf install gcc make pkgconf-pkg-config ncurses-devel readline-devel check-devel
  macOS (Homebrew):  brew install pkg-config ncurses readline check
                     ncurses and readline are keg-only, so tell pkg-config where they are:
                     export PKG_CONFIG_PATH="$$(brew --prefix ncurses)/lib/pkgconfig:$$(brew --prefix readline)/lib/pkgconfig:$$PKG_CONFIG_PATH"
On Debian/Ubuntu, `make deps` installs all of them (and python3, tmux, valgrind for `make test`).
endef
export DEPS_HELP

deps-check:
	@missing=; \
	command -v $(firstword $(CC)) >/dev/null 2>&1 || missing="C compiler ($(firstword $(CC)))"; \
	if command -v $(PKG_CONFIG) >/dev/null 2>&1; then \
	  for p in $(NEED_PKGS); do \
	    $(PKG_CONFIG) --exists $$p || missing="$${missing:+$$missing, }$$p (pkg-config module)"; \
	  done; \
	else missing="$${missing:+$$missing, }pkg-config"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "memviz: cannot build, missing: $$missing" >&2; \
	  printf '%s\n' "$$DEPS_HELP" >&2; exit 1; \
	fi

deps:
	@if command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  set -x; $$sudo apt-get update && $$sudo apt-get install -y $(APT_PKGS); \
	else printf '%s\n' "$$DEPS_HELP"; fi

# ---- build ---------------------------------------------------------------------
memviz: $(SRC_O) $(UI_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

build/san/memviz: $(SAN_SRC_O) $(SAN_UI_O)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# src/ sees only its own headers; ui/ and the tests see both directories.
$(SRC_O) $(SAN_SRC_O): INC = -Isrc
$(UI_O) $(SAN_UI_O) $(UNIT_O) $(SAN_UNIT_O): INC = -Isrc -Iui
$(UNIT_O) $(SAN_UNIT_O): EXTRA = $(CHECK_CFLAGS)

$(SRC_O) $(UI_O) $(UNIT_O): build/%.o: %.c | deps-check
	@mkdir -p $(@D)
	$(CC) $(INC) $(DEFS) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(EXTRA) -MMD -MP -c -o $@ $<

$(SAN_SRC_O) $(SAN_UI_O) $(SAN_UNIT_O): build/san/%.o: %.c | deps-check
	@mkdir -p $(@D)
	$(CC) $(INC) $(DEFS) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(EXTRA) $(SAN_FLAGS) -MMD -MP -c -o $@ $<

# A test_ui_* program links the ui objects too, and so the ui libraries.
$(UNIT_BIN): build/%: build/%.o $(SRC_O)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(if $(call UI_TESTS,$@),$(LDLIBS),-lm)
$(call UI_TESTS,$(UNIT_BIN)): $(call UI_NOMAIN,$(UI_O))

$(SAN_UNIT): build/san/%: build/san/%.o $(SAN_SRC_O)
	$(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(if $(call UI_TESTS,$@),$(LDLIBS),-lm)
$(call UI_TESTS,$(SAN_UNIT)): $(call UI_NOMAIN,$(SAN_UI_O))

sanitize: build/san/memviz $(SAN_UNIT)

-include $(SRC_O:.o=.d) $(UI_O:.o=.d) $(UNIT_O:.o=.d)
-include $(SAN_SRC_O:.o=.d) $(SAN_UI_O:.o=.d) $(SAN_UNIT_O:.o=.d)

# ---- tests ---------------------------------------------------------------------
# $(call run_units,PROGRAMS,ENV): runs every program, then fails if any failed.
run_units = pass=0; fail=0; \
	for t in $(1); do \
	  if env $(2) ./$$t; then pass=$$((pass+1)); else fail=$$((fail+1)); echo "FAIL: $$t"; fi; \
	done; \
	echo "unit: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

unit: $(UNIT_BIN)
	@$(call run_units,$(UNIT_BIN))

# Stages run in order and stop at the first failure. Each runner spreads its
# cases over all cores itself; make -j only speeds up the builds above.
test: memviz sanitize $(UNIT_BIN)
	@echo "== [1/6] unit tests"
	@$(call run_units,$(UNIT_BIN))
	@echo "== [2/6] conformance and error cases: ./memviz"
	bash tests/run_conformance.sh ./memviz
	bash tests/run_errors.sh ./memviz
	@echo "== [3/6] sanitizers (ASan + UBSan) and the refcount checker: unit tests, conformance, error cases"
	@$(call run_units,$(SAN_UNIT),$(SAN_ENV))
	$(SAN_ENV) MEMVIZ_FLAGS=--check-refs bash tests/run_conformance.sh --no-python build/san/memviz
	$(SAN_ENV) bash tests/run_trace.sh build/san/memviz
	$(SAN_ENV) bash tests/run_errors.sh build/san/memviz
	@echo "== [4/6] valgrind: no memory errors, no leaks"
	bash tests/valgrind.sh ./memviz
	@echo "== [5/6] golden screens"
	@if [ -d tests/screens ] && [ -f tests/run_screens.sh ]; then \
	  bash tests/run_screens.sh ./memviz; else echo "(none yet)"; fi
	@echo "== [6/6] end to end in tmux"
	@if [ -d tests/e2e ] && [ -f tests/run_e2e.sh ]; then \
	  bash tests/run_e2e.sh ./memviz; else echo "(none yet)"; fi
	@echo "== all stages passed"

bench: memviz
	bash bench/run.sh

run: memviz
	./memviz scenarios/01_names_and_objects.py

# ---- install -------------------------------------------------------------------
install: memviz
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/scenarios
	install -m 755 memviz $(DESTDIR)$(BINDIR)/memviz
	install -m 644 docs/memviz.1 $(DESTDIR)$(MANDIR)/man1/memviz.1
	install -m 644 scenarios/*.py $(DESTDIR)$(DATADIR)/scenarios/

# share/memviz belongs to memviz alone, so it goes as a whole.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/memviz $(DESTDIR)$(MANDIR)/man1/memviz.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build memviz

help:
	@echo "make [all]        build ./memviz"
	@echo "make run          build, then run the first lesson"
	@echo "make test         unit, conformance, error, sanitizer, valgrind (and screen, e2e) tests"
	@echo "make unit         build and run the unit tests only"
	@echo "make sanitize     build build/san/memviz and the unit tests with ASan + UBSan"
	@echo "make bench        compare timings with python3 (bench/run.sh)"
	@echo "make deps         install the dependencies (Debian/Ubuntu) or say what to install"
	@echo "make install      PREFIX=$(PREFIX), DESTDIR honoured; make uninstall; make clean"

.PHONY: all deps deps-check sanitize unit test bench run install uninstall clean help
