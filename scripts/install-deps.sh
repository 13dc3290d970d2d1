#!/bin/sh
# Install, from Debian's packages, what readykit needs to build, test and
# benchmark. Idempotent: quiet when everything is there already.
set -eu

# Build and run: Lua 5.4, libyaml, libHaru, libxlsxwriter and libcsv (forms
# for survey tools and their data; openpyxl reads the forms back in tests), a
# compiler, pkg-config, the fonts the PDF report embeds. Tests: cmocka, PDF
# checkers, tmux for the terminal session. Benchmarks: hyperfine, and the Python peer's reportlab. Install
# and packaging: scdoc for the man pages, man-db, bash and zsh for the
# completion tests, debhelper and lintian for the Debian package.
PACKAGES="build-essential pkg-config liblua5.4-dev libyaml-dev libhpdf-dev
libxlsxwriter-dev libcsv-dev python3-openpyxl
fonts-dejavu-core libcmocka-dev poppler-utils qpdf tmux hyperfine
python3 python3-yaml python3-reportlab python3-renderpm python3-jsonschema
scdoc man-db bash-completion zsh
debhelper dpkg-dev fakeroot lintian"

BUILD_PACKAGES="pkg-config liblua5.4-dev libyaml-dev libhpdf-dev libedit-dev libxlsxwriter-dev libcsv-dev"

# --check-build: only say whether the libraries needed to compile are there
# (run by plain `make`, which must not install anything).
if [ "${1:-}" = --check-build ]; then
    if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists lua5.4 yaml-0.1 libedit xlsxwriter &&
        { [ -f /usr/include/hpdf.h ] || [ -f /usr/local/include/hpdf.h ]; } &&
        { [ -f /usr/include/csv.h ] || [ -f /usr/local/include/csv.h ]; }; then
        exit 0
    fi
    need=""
    for p in $BUILD_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
    done
    echo "readykit: cannot build: missing the libraries it needs (Debian packages:${need:- $BUILD_PACKAGES})." >&2
    echo "readykit: run 'make deps' as root to install them, then 'make' again." >&2
    exit 1
fi

missing=""
# ask's line editing: libedit (BSD licence; never GNU readline).
PACKAGES="$PACKAGES libedit-dev"
# make fuzz: clang with libFuzzer (libclang-rt-14-dev holds its runtime).
PACKAGES="$PACKAGES clang libclang-rt-14-dev"
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-deps: missing Debian packages:$missing" >&2
        echo "install-deps: run as root (or: sudo apt-get install$missing)" >&2
        exit 1
    fi
else
    SUDO=""
fi

echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
