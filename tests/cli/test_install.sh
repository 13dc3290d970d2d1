#!/bin/sh
# make install / uninstall: the installed readykit finds its questionnaires
# from any folder; man pages render; completions complete.
. "$(dirname "$0")/lib.sh"

# Build a separate copy (its own build folder) so the binary under test is
# left alone; -O0 keeps the build short.
P="$RK_TMP/prefix"
if make -s -j2 --no-print-directory install BUILD="$RK_TMP/build" OPT=-O0 SANFLAGS= PREFIX="$P" \
    >"$RK_TMP/install.log" 2>&1; then
    ok "make install PREFIX=$P"
else
    not_ok "make install failed:"; sed 's/^/# /' "$RK_TMP/install.log" | tail -n 20
fi
bin="$P/bin/readykit"

mkdir -p "$RK_TMP/elsewhere"
cp questionnaires/examples/quebec.yaml "$RK_TMP/elsewhere/"
cd "$RK_TMP/elsewhere" || exit 1
run env -u READYKIT_PATH "$bin" list
expect_rc "the installed readykit lists from another folder" 0
expect_contains "it finds the installed sse-national" "$out" "$P/share/readykit/questionnaires/sse-national.yaml"
expect_not_contains "the test questionnaire is not installed" "$out" "tiny"
run env -u READYKIT_PATH "$bin" score --format json quebec.yaml
expect_rc "an answers file outside the source tree scores with the installed questionnaire" 0
installed_score=$(printf '%s' "$out" | sed -n 's/.*"score": \([0-9.]*\),.*/\1/p' | head -n 1)
tree_score=$(cd "$RK_TOP" && "$RK_BIN" score --format json questionnaires/examples/quebec.yaml | sed -n 's/.*"score": \([0-9.]*\),.*/\1/p' | head -n 1)
[ -n "$installed_score" ] && [ "$installed_score" = "$tree_score" ] \
    && ok "same score as from the source tree ($tree_score)" \
    || not_ok "installed score '$installed_score', source tree '$tree_score'"
run env -u READYKIT_PATH "$bin" new dpi-city
run env -u READYKIT_PATH "$bin" check dpi-city.yaml
expect_ran "the installed readykit writes a new questionnaire that passes check" 0 "ok: dpi-city 0.1.0"
cd "$RK_TOP" || exit 1

for page in readykit.1 readykit-questionnaire.5 readykit-rules.7; do
    sec=${page##*.}
    f="$P/share/man/man$sec/$page"
    text=$(MANWIDTH=80 man -l "$f" 2>"$RK_TMP/man.err")
    case "$text" in
        *NAME*) if [ -s "$RK_TMP/man.err" ]; then not_ok "man -l $page warns: $(cat "$RK_TMP/man.err")"
                else ok "man -l renders $page"; fi ;;
        *) not_ok "man -l $page rendered no NAME section" ;;
    esac
done
[ -f "$P/share/readykit/schema.json" ] && [ -f "$P/share/readykit/types/readykit.d.lua" ] \
    && ok "schema.json and the LuaLS definitions are installed" || not_ok "schema or types missing"

# bash completion: source it and call the function as bash would.
comp=$(PATH="$P/bin:$PATH" bash -c '
    . "$1"
    COMP_WORDS=(readykit sc); COMP_CWORD=1; _readykit; echo "cmd:${COMPREPLY[*]}"
    COMP_WORDS=(readykit score --f); COMP_CWORD=2; _readykit; echo "opt:${COMPREPLY[*]}"
    COMP_WORDS=(readykit show sse-n); COMP_CWORD=2; _readykit; echo "id:${COMPREPLY[*]}"
' sh "$P/share/bash-completion/completions/readykit" 2>&1)
expect_contains "bash completes the command" "$comp" "cmd:score"
expect_contains "bash completes score's options" "$comp" "opt:--format"
expect_contains "bash completes questionnaire ids from list" "$comp" "id:sse-national"
if command -v zsh >/dev/null; then
    zsh -n "$P/share/zsh/site-functions/_readykit" 2>"$RK_TMP/zsh.err" \
        && ok "zsh completion parses" || not_ok "zsh completion: $(cat "$RK_TMP/zsh.err")"
else
    not_ok "zsh is not installed (scripts/install-deps.sh installs it)"
fi

# DESTDIR stages the same tree; uninstall removes every file it installed.
D="$RK_TMP/stage"
make -s --no-print-directory install uninstall BUILD="$RK_TMP/build" OPT=-O0 SANFLAGS= \
    PREFIX="$P" DESTDIR="$D" >"$RK_TMP/stage.log" 2>&1
left=$(find "$D" -type f | wc -l)
[ -d "$D$P/share" ] && [ "$left" = 0 ] && ok "DESTDIR install then uninstall leaves no file" \
    || not_ok "after DESTDIR install+uninstall: $left files left ($(tail -n 3 "$RK_TMP/stage.log"))"

done_testing
