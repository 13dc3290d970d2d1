#!/bin/sh
# Build the Debian package, check it with lintian (errors fail), install it,
# use the installed readykit from another folder, then remove it again.
# Run by .ci/run as root; prints TAP and its own plan.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
n=0 failed=0
ok()     { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
log=$(mktemp) && work=$(mktemp -d)
trap 'rm -rf "$log" "$work"' EXIT

if make --no-print-directory deb BUILD=build/pkg >"$log" 2>&1; then ok "dpkg-buildpackage -us -uc -b"
else not_ok "the package does not build:"; tail -n 20 "$log" | sed 's/^/# /'; echo "1..$n"; exit 1; fi
deb=$(ls build/pkg/deb/readykit_*_*.deb | grep -v dbgsym | head -n 1)
if lintian --fail-on error "$deb" >"$log" 2>&1; then ok "lintian finds no error"
else not_ok "lintian errors:"; sed 's/^/# /' "$log"; fi
if dpkg -i "$deb" >"$log" 2>&1; then ok "dpkg -i $(basename "$deb")"
else not_ok "dpkg -i failed:"; sed 's/^/# /' "$log"; fi

cd "$work" || exit 1
if /usr/bin/readykit list 2>"$log" | grep -q "/usr/share/readykit/questionnaires/sse-national.yaml"; then
    ok "the installed readykit lists its questionnaires from another folder"
else not_ok "readykit list does not show the installed sse-national"; fi
if /usr/bin/readykit check /usr/share/readykit/questionnaires/*.yaml >"$log" 2>&1; then
    ok "readykit check passes on every installed questionnaire ($(grep -c ': ok:' "$log"))"
else not_ok "readykit check on the installed questionnaires:"; sed 's/^/# /' "$log"; fi
cp "$top/questionnaires/examples/senegal.yaml" .
if /usr/bin/readykit report senegal.yaml -o senegal.pdf >"$log" 2>&1 && [ -s senegal.pdf ]; then
    ok "the installed readykit writes a report for an answers file outside the tree"
else not_ok "report with the installed readykit:"; sed 's/^/# /' "$log" | tail -n 5; fi
if /usr/bin/readykit new dpi-city >"$log" 2>&1 && /usr/bin/readykit check dpi-city.yaml >>"$log" 2>&1; then
    ok "the installed readykit writes a new questionnaire that passes check"
else not_ok "readykit new with the installed readykit:"; sed 's/^/# /' "$log" | tail -n 5; fi
if man -w readykit >/dev/null 2>&1; then ok "man readykit finds the page"; else not_ok "man readykit finds no page"; fi
cd "$top" || exit 1

if dpkg -r readykit >"$log" 2>&1 && [ ! -e /usr/bin/readykit ]; then ok "dpkg -r removes it"
else not_ok "dpkg -r:"; sed 's/^/# /' "$log"; fi
echo "1..$n"
[ "$failed" = 0 ]
