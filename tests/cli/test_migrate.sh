# Answers made with an earlier questionnaire version: score and report read
# them with one warning, `readykit migrate` rewrites them at the current
# version (notes, sources and retired answers kept; atomic; never the input
# unless --in-place), and the frozen sse-national/sse-local 1.1.0 examples
# keep their scores through migration against the current questionnaires
# (RK_CURRENT=DIR reads them against DIR's questionnaires instead).
. "$(dirname "$0")/lib.sh"

V=tests/cases/versions
mkdir -p "$RK_TMP/answers"
cp "$V/vdemo.yaml" "$RK_TMP/vdemo.yaml"
cp "$V"/answers/*.yaml "$RK_TMP/answers/"
T=$RK_TMP/answers/testland-1.0.0.yaml
U=$RK_TMP/answers/unmapped-1.0.0.yaml

# count_warnings TEXT: how many lines say "warning:"; migration_warnings
# TEXT: how many of them are the migration warning.
count_warnings() { printf '%s\n' "$1" | grep -c 'warning:'; }
migration_warnings() { printf '%s\n' "$1" | grep -c 'warning: these answers were made with'; }

# score and report read a 1.0.0 file with exactly one warning.
run "$RK_BIN" score "$T"
expect_rc "score reads a 1.0.0 answers file" 0
expect_contains "score: overall from the carried answers" "$out" "overall   62.5  High"
expect_contains "score: split question scored" "$out" "Ecosystem  50.0  High"
n=$(count_warnings "$err")
if [ "$n" = 1 ]; then ok "score: exactly one warning"; else not_ok "score: $n warnings: $err"; fi
expect_contains "warning names both versions" "$err" "made with vdemo 1.0.0 and are read as version 2.0.0"
expect_contains "warning names the new question" "$err" "not answered in 1.0.0: budget_spent"
expect_contains "warning names the retired answer" "$err" "kept aside under 'retired:': office"
expect_contains "warning is at the version line" "$err" "testland-1.0.0.yaml:3:10: warning:"

run "$RK_BIN" score --format json "$T"
expect_rc "score --format json reads a 1.0.0 file" 0
expect_contains "json says which version the answers were made with" "$out" '"version": "2.0.0", "migrated_from": "1.0.0"'

run "$RK_BIN" report "$T" -o "$RK_TMP/t.pdf"
expect_rc "report reads a 1.0.0 answers file" 0
expect_contains "report prints the score" "$out" "overall   62.5"
n=$(count_warnings "$err")
if [ "$n" = 1 ] && [ "$(head -c 4 "$RK_TMP/t.pdf")" = "%PDF" ]; then
    ok "report: one warning, PDF written"
else
    not_ok "report: $n warnings, pdf: $(head -c 4 "$RK_TMP/t.pdf" 2>&1)"
fi

# migrate -o NEW: the file at 2.0.0, notes and sources kept, retired aside.
cp "$T" "$RK_TMP/t-before.yaml"
run "$RK_BIN" migrate "$T" -o "$RK_TMP/t2.yaml"
expect_rc "migrate -o" 0
expect_contains "migrate says what it wrote" "$out" "wrote $RK_TMP/t2.yaml: version 1.0.0 -> 2.0.0, 0 questions to answer again, 1 answer kept aside"
new=$(cat "$RK_TMP/t2.yaml")
expect_contains "migrated file is at 2.0.0" "$new" "version: 2.0.0"
expect_contains "renamed question carried" "$new" "  sse_strategy: yes"
expect_contains "split: national part" "$new" "  national_network:
    value: no
    note: \"Two city networks, no national one\"
    source: \"Registry of associations, 2024\""
expect_contains "re-scaled value kept with its note" "$new" "  law:
    value: adopted
    note: Law 12 of 2020 on the social economy"
expect_contains "retired answer kept aside with its evidence" "$new" "retired:
  office:
    value: yes
    note: \"An SSE desk in the labour ministry, closed in 2024\"
    source: \"https://example.org/testland/desk\""
expect_not_contains "old ids are gone from answers" "$new" "  strategy:"
if cmp -s "$T" "$RK_TMP/t-before.yaml"; then ok "migrate -o leaves the input as it was"; else not_ok "input changed"; fi

run "$RK_BIN" score --format json "$RK_TMP/t2.yaml"
expect_contains "json: migrated file is not migrated again" "$out" '"version": "2.0.0", "migrated_from": null'
run "$RK_BIN" score "$RK_TMP/t2.yaml"
expect_rc "migrated file scores" 0
expect_contains "migrated file: same score" "$out" "overall   62.5  High"
if [ -z "$err" ]; then ok "migrated file loads without a warning"; else not_ok "warnings: $err"; fi
run "$RK_BIN" migrate "$RK_TMP/t2.yaml"
expect_rc "migrating the 2.0.0 file again" 0
if [ "$out" = "$new" ]; then ok "migration is stable (same bytes)"; else not_ok "second migration differs"; fi

# A value with no counterpart.
run "$RK_BIN" migrate "$U"
expect_rc "migrate to stdout" 0
expect_contains "unmapped value reported" "$err" "need a new answer (the 1.0.0 answer has no counterpart): law;"
expect_contains "stdout has the 2.0.0 file" "$out" "version: 2.0.0"
expect_contains "unmapped: evidence stays on the question" "$out" "answers:
  law:
    note: Enforced since 2019"
expect_contains "unmapped: old value kept aside" "$out" "  law:
    value: enforced"
expect_contains "unknown old id kept aside" "$out" "  legacy_flag: dont_know"
if [ ! -e "$RK_TMP/answers/unmapped-2.0.0.yaml" ] && [ "$(ls "$RK_TMP/answers" | wc -l)" = 2 ]; then
    ok "migrate without -o writes no file"
else
    not_ok "files: $(ls "$RK_TMP/answers")"
fi

# The input is never the output without --in-place; --in-place is atomic.
cp "$U" "$RK_TMP/u-before.yaml"
run "$RK_BIN" migrate "$U" -o "$U"
expect_rc "-o the input itself" 64
expect_contains "says to use --in-place" "$err" "--in-place"
run "$RK_BIN" migrate "$U" -o "$RK_TMP/answers/../answers/unmapped-1.0.0.yaml"
expect_rc "-o the input by another path" 64
run "$RK_BIN" migrate "$U" --in-place -o "$RK_TMP/other.yaml"
expect_rc "--in-place with another -o" 64
if cmp -s "$U" "$RK_TMP/u-before.yaml"; then ok "refused runs leave the input"; else not_ok "input changed"; fi
inode=$(ls -i "$U" | cut -d' ' -f1)
run "$RK_BIN" migrate "$U" --in-place
expect_rc "--in-place" 0
expect_contains "--in-place says what it wrote" "$out" "wrote $U: version 1.0.0 -> 2.0.0, 1 question to answer again, 2 answers kept aside"
expect_contains "--in-place file is at 2.0.0" "$(cat "$U")" "version: 2.0.0"
if [ "$(ls -i "$U" | cut -d' ' -f1)" != "$inode" ] && [ "$(ls -a "$RK_TMP/answers" | wc -l)" = 4 ]; then
    ok "--in-place replaced the file by rename, no temporary file left"
else
    not_ok "inode $inode -> $(ls -i "$U"); $(ls -a "$RK_TMP/answers")"
fi
run "$RK_BIN" score "$U"
expect_rc "in-place file scores" 0
if [ -z "$err" ]; then ok "in-place file loads without a warning"; else not_ok "warnings: $err"; fi

# Errors: missing input, unwritable output, bad answers, bad replaces.
run "$RK_BIN" migrate "$RK_TMP/none.yaml" -o "$RK_TMP/x.yaml"
expect_rc "missing answers file" 66
run "$RK_BIN" migrate "$T" -o "$RK_TMP/no/such/dir/x.yaml"
expect_rc "unwritable output" 73
printf 'questionnaire: vdemo\nversion: 1.0.0\nanswers:\n  law: {value: draft, sorce: x}\n' >"$RK_TMP/answers/bad.yaml"
run "$RK_BIN" migrate "$RK_TMP/answers/bad.yaml" -o "$RK_TMP/bad2.yaml"
expect_rc "a malformed old answer" 65
expect_contains "malformed answer at line:col" "$err" "bad.yaml:4:23: unknown key 'sorce' in the answer to 'law' (did you mean 'source'?)"
if [ ! -e "$RK_TMP/bad2.yaml" ]; then ok "nothing written on error"; else not_ok "bad2.yaml written"; fi
B=tests/cases/bad-questionnaires/replaces-target-not-choice.yaml
run "$RK_BIN" migrate "$T" -q "$B"
expect_rc "a bad replaces declaration" 65
expect_contains "replaces error at line:col" "$err" "$B:14:49: 'replaces' maps to 'bil', which is not a value of question 'law' (did you mean 'bill'?)"
# Answers newer than the questionnaire: read with a warning saying so, but
# migrate does not go backwards.
run "$RK_BIN" migrate "$RK_TMP/t2.yaml" -q "$V/v1/vdemo.yaml" -o "$RK_TMP/back.yaml"
expect_rc "migrate refuses to go back to 1.0.0" 65
expect_contains "says the answers are newer" "$err" "made with vdemo 2.0.0, newer than the questionnaire's 1.0.0"
if [ ! -e "$RK_TMP/back.yaml" ]; then ok "no file written going back"; else not_ok "back.yaml written"; fi
run "$RK_BIN" score "$RK_TMP/t2.yaml" -q "$V/v1/vdemo.yaml"
expect_rc "score reads newer answers" 0
expect_contains "score warns they are newer" "$err" "the answers are newer than the questionnaire"
run "$RK_BIN" migrate
expect_rc "migrate without a file" 64
run "$RK_BIN" migrate --help
expect_rc "migrate --help" 0
expect_contains "migrate --help shows usage" "$out" "Usage: readykit migrate"
run "$RK_BIN" score --in-place "$T"
expect_rc "--in-place belongs to migrate" 64

# check --against: the new version accounts for every old question.
run "$RK_BIN" check "$V/vdemo.yaml" --against "$V/v1/vdemo.yaml"
expect_rc "check --against the earlier version" 0
expect_contains "--against counts the old questions" "$out" "ok against vdemo 1.0.0: of its 6 questions 2 kept, 3 replaced, 1 retired"
expect_contains "--against warns of an unmapped old value" "$err" "vdemo.yaml:21:24: warning: question 'law' maps no value to the 1.0.0 answer 'enforced' of 'law'"
sed -e '/^retired: \[office\]/d' -e 's/replaces: strategy/replaces: stratgy/' \
    -e 's/values: {none: none, draft: bill/values: {none: none, drat: bill/' \
    -e '/replaces: orgs/d' "$V/vdemo.yaml" >"$RK_TMP/bad-v2.yaml"
run "$RK_BIN" check "$RK_TMP/bad-v2.yaml" --against "$V/v1/vdemo.yaml"
expect_rc "check --against a version that loses questions" 65
expect_contains "--against: mapped value not an old value" "$err" "bad-v2.yaml:20:50: question 'law' maps 'drat', which is not a value of 'law' in vdemo 1.0.0 (did you mean 'draft'?)"
expect_contains "--against: replaces names no old question" "$err" "bad-v2.yaml:30:19: question 'sse_strategy' replaces 'stratgy', which is not a question of vdemo 1.0.0 (did you mean 'strategy'?)"
expect_contains "--against: old question neither kept, replaced nor retired" "$err" "v1/vdemo.yaml:25:9: question 'office' of vdemo 1.0.0 is not in 2.0.0"
expect_contains "--against: suggests the new name" "$err" "v1/vdemo.yaml:40:9: question 'orgs' of vdemo 1.0.0 is not in 2.0.0: give the question that takes its answers 'replaces: orgs', or list it under 'retired' ('sse_orgs' looks like its new name)"
run "$RK_BIN" score --against x.yaml "$T"
expect_rc "--against belongs to check" 64

# The current SSE questionnaires account for every question of 1.1.0.
for qid in sse-national sse-local; do
    run "$RK_BIN" check "${RK_CURRENT:-questionnaires}/$qid.yaml" --against "tests/cases/sse-1.1.0/$qid.yaml"
    if [ "$rc" = 0 ]; then
        ok "$qid accounts for every 1.1.0 question: $(printf '%s\n' "$out" | sed -n 's/.*ok against //p')"
    else
        not_ok "$qid against 1.1.0: exit $rc"; printf '%s\n' "$err" | head -n 10 | sed 's/^/# /'
    fi
done

# The frozen 1.1.0 examples against the current questionnaires: migrate,
# re-load without a warning, and the same score as the old file read
# directly. One line per example.
for f in tests/cases/sse-1.1.0/examples/*.yaml; do
    name=$(basename "$f" .yaml)
    qid=$(sed -n 's/^questionnaire: //p' "$f")
    cur=${RK_CURRENT:-questionnaires}/$qid.yaml
    want=0   # one warning when the current questionnaire is another version
    [ "$(sed -n 's/^version: //p' "$cur")" != "$(sed -n 's/^version: //p' "$f")" ] && want=1
    run "$RK_BIN" score "$f"
    r1=$rc; frozen_err=$err
    run "$RK_BIN" score -q "$cur" "$f"
    r2=$rc; direct=$(printf '%s\n' "$out" | sed -n 3p); w=$(migration_warnings "$err")
    run "$RK_BIN" migrate -q "$cur" "$f" -o "$RK_TMP/$name.yaml"
    r3=$rc
    run "$RK_BIN" score -q "$cur" "$RK_TMP/$name.yaml"
    r4=$rc; migrated=$(printf '%s\n' "$out" | sed -n 3p)
    after=$(migration_warnings "$err")
    if [ "$r1$r2$r3$r4" = 0000 ] && [ -z "$frozen_err" ] && [ "$after" = 0 ] && [ "$w" = "$want" ] &&
       [ -n "$direct" ] && [ "$direct" = "$migrated" ]; then
        ok "1.1.0 $name: migrated to $cur, no migration warning after, same score ($direct)"
    else
        not_ok "1.1.0 $name: exits $r1 $r2 $r3 $r4, $w warnings (wanted $want), '$direct' vs '$migrated'; $frozen_err $err"
    fi
done

done_testing
