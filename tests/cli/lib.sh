# lib.sh: sourced by every CLI test. Gives TAP helpers and a scratch folder.
#   RK_BIN  the readykit binary under test (set by tests/run.sh)
#   RK_TOP  the source tree
#
# The rules every script follows (tests/run.sh enforces the counting side):
#   - it ends with done_testing, which prints the plan "1..N"; a script that
#     stops earlier (exit, set -u, a crash of the shell) gets a last
#     "not ok - script ended before done_testing" from the EXIT trap;
#   - sourcing this file proves that $RK_BIN runs (`--version` exits 0 and
#     names readykit); otherwise the script bails out before any check;
#   - one TAP line per behaviour: a data-driven loop wraps each case in
#     begin_case NAME ... end_case, with want_* checks in between; a case
#     must check an exit status (want_rc) before it may pass, so nothing
#     passes when readykit did not run;
#   - every line of a program's output shown in the TAP stream starts "# ".
set -u
: "${RK_TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${RK_BIN:=$RK_TOP/build/readykit}"
RK_TMP=$(mktemp -d)
cd "$RK_TOP" || exit 1
tap_n=0
tap_done=no

# The EXIT trap: clean up, and make an early end visible as a failure.
tap_exit() {
    st=$?
    rm -rf "$RK_TMP"
    if [ "$tap_done" = no ]; then
        tap_n=$((tap_n + 1))
        echo "not ok $tap_n - script ended before done_testing (exit status $st)"
        echo "1..$tap_n"
        [ "$st" != 0 ] || st=1
    fi
    exit "$st"
}
trap tap_exit EXIT

ok()     { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); echo "not ok $tap_n - $*"; }

# skip NAME REASON: a check that cannot run here. Under CI=true tests/run.sh
# fails it unless REASON starts with "ci-allowed:" (and says why).
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }

# skip_all REASON: the whole script cannot run here (same CI rule).
skip_all() { tap_done=yes; echo "1..0 # SKIP $1"; exit 0; }

# diag LABEL TEXT: show up to 10 lines of TEXT as TAP comments.
diag() { printf '%s\n' "$2" | head -n 10 | sed "s/^/# $1: /"; }

# run CMD...: run, keeping status in $rc, stdout in $out, stderr in $err.
run() {
    "$@" >"$RK_TMP/.out" 2>"$RK_TMP/.err"
    rc=$?
    out=$(cat "$RK_TMP/.out")
    err=$(cat "$RK_TMP/.err")
}

# rc_means RC: what an exit status says when it is not one readykit chooses.
rc_means() {
    case "$1" in
        126) echo " (cannot execute $RK_BIN)" ;;
        127) echo " (no readykit at $RK_BIN)" ;;
        124) echo " (killed by timeout)" ;;
        13[0-9] | 1[4-9][0-9] | 2[0-9][0-9]) echo " (killed by signal $(($1 - 128)))" ;;
    esac
}

# expect_rc NAME WANT: compare the last run's status.
expect_rc() {
    if [ "$rc" = "$2" ]; then ok "$1 (exit $rc)"; else
        not_ok "$1: exit $rc$(rc_means "$rc"), wanted $2"; diag stdout "$out"; diag stderr "$err"
    fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
    case "$2" in
        *"$3"*) ok "$1" ;;
        *) not_ok "$1: wanted '$3' in:"; diag got "$2" ;;
    esac
}

expect_not_contains() {
    case "$2" in
        *"$3"*) not_ok "$1: did not want '$3' in:"; diag got "$2" ;;
        *) ok "$1" ;;
    esac
}

# tap_claims FILE: each line of FILE is "ok NAME" or "not ok NAME" (claims
# checked by a helper script, without numbers): report each as a test.
tap_claims() {
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok "${line#ok }" ;;
            "not ok "*) not_ok "${line#not ok }" ;;
            *) not_ok "claims: $line" ;;
        esac
    done <"$1"
}

# expect_ran NAME WANT NEEDLE: the last run exited WANT and its stdout or
# stderr contains NEEDLE, in one TAP line: the positive proof that readykit
# ran and did its job, to come before any negative check.
expect_ran() {
    begin_case "$1"
    want_rc "$2"
    want_contains "$out$err" "$3"
    end_case
}

# One TAP line for a case with several checks:
#   begin_case NAME; run ...; want_rc 65; want_contains "$err" x; end_case
begin_case() { case_name=$1; case_why=""; case_rc_checked=no; }
case_fail() { case_why="$case_why${case_why:+; }$*"; }
want_rc() {
    case_rc_checked=yes
    [ "$rc" = "$1" ] || case_fail "exit $rc$(rc_means "$rc"), wanted $1"
}
want_contains() {
    case "$1" in *"$2"*) ;; *) case_fail "wanted '$2'${3:+ in $3}" ;; esac
}
want_not_contains() {
    case "$1" in *"$2"*) case_fail "did not want '$2'${3:+ in $3}" ;; esac
}
# want_true DESCRIPTION CMD...: the command must succeed.
want_true() { d=$1; shift; "$@" || case_fail "$d"; }
# want_pdf CMD...: inside a case, run a PDF tool (pdftotext, pdfinfo,
# pdftoppm, qpdf); it must exit 0 and print nothing on stderr. Its stdout is
# kept in $pdf_out. The one filtered line is poppler's complaint about the
# report's ToUnicode CMap, which the PDF report work removes: delete the
# grep once that has landed.
want_pdf() {
    "$@" >"$RK_TMP/.pdf" 2>"$RK_TMP/.pdferr"
    pdf_rc=$?
    pdf_out=$(cat "$RK_TMP/.pdf")
    pdf_err=$(cat "$RK_TMP/.pdferr")
    [ "$pdf_rc" = 0 ] || case_fail "$1 exit $pdf_rc"
    [ -z "$pdf_err" ] || case_fail "$1 wrote on stderr: $(printf '%s' "$pdf_err" | head -n 1)"
}
end_case() {
    [ "$case_rc_checked" = yes ] || case_fail "no exit status was checked"
    if [ -z "$case_why" ]; then ok "$case_name"; else
        not_ok "$case_name: $case_why"; diag stdout "$out"; diag stderr "$err"
    fi
}

# The binary must run at all before any check is made.
run "$RK_BIN" --version
case "$rc:$out" in
    "0:readykit "[0-9]*) ;;
    *) tap_done=yes
       echo "Bail out! readykit did not run: '$RK_BIN --version' exit $rc$(rc_means "$rc")"
       diag stderr "$err"
       exit 1 ;;
esac

# done_testing: every CLI test script ends with this call. It prints the TAP
# plan ("1..N"), so a script that stops before its end is seen as incomplete
# by tests/run.sh.
done_testing() { tap_done=yes; echo "1..$tap_n"; }
