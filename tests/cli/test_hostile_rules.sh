#!/bin/sh
# test_hostile_rules.sh: every file in tests/cases/hostile/ is a rule file
# written to harm: endless loops (also inside pcall, xpcall, metamethods),
# memory bombs, pattern bombs no hook can see, and attempts to reach files,
# processes, the environment or bytecode. Each must end in time with exit 65
# and a message naming the file and saying what stopped it (expect.txt), and
# `report -o` must leave no output file behind. One TAP line per hostile
# file, with all its checks inside.
. "$(dirname "$0")/lib.sh"

answers=questionnaires/examples/tiny-answers.yaml
marker=/tmp/readykit-hostile-pwned
# A generous guard, not a speed test: readykit's own default time limit is
# 1 s; a limit that does not work leaves loops running for minutes.
guard=30
# RK_HOSTILE_LIMITS adds options to every hostile run: `make mutate` passes
# "--timeout 0.25" so that the corpus runs in a few seconds.
limits=${RK_HOSTILE_LIMITS:-}

for f in tests/cases/hostile/*.lua; do
    name=$(basename "$f")
    rm -f "$marker" "$RK_TMP/out.pdf"
    begin_case "$name: score and report refuse it"
    # shellcheck disable=SC2086
    run timeout $guard "$RK_BIN" score $limits --rules "$f" "$answers"
    want_rc 65
    want_contains "$err" "readykit: $f" "score's stderr"
    # what stopped it: one of the alternatives of its line in expect.txt
    want=$(awk -F '\t' -v n="$name" '$1 == n {print $2}' tests/cases/hostile/expect.txt)
    if [ -z "$want" ]; then
        case_fail "no line for $name in tests/cases/hostile/expect.txt"
    else
        hit=no
        rest="$want | "
        while [ -n "$rest" ]; do
            alt=${rest%% | *}
            rest=${rest#* | }
            case "$err" in *"$alt"*) hit=yes ;; esac
        done
        [ "$hit" = yes ] || case_fail "wanted '$want' in score's stderr"
    fi
    want_not_contains "$out" "injected" "stdout"
    # shellcheck disable=SC2086
    run timeout $guard "$RK_BIN" report $limits "$answers" -o "$RK_TMP/out.pdf" --rules "$f"
    want_rc 65
    want_contains "$err" "readykit: $f" "report's stderr"
    want_true "out.pdf was written" test ! -e "$RK_TMP/out.pdf"
    want_true "a temporary file was left: $(ls -A "$RK_TMP" | grep out.pdf)" \
        sh -c "! ls -A '$RK_TMP' | grep -q out.pdf"
    want_true "a process was run ($marker exists)" test ! -e "$marker"
    end_case
done

# limits can be changed from the command line; each message names its limit
run timeout $guard "$RK_BIN" score --max-instructions 100000 --rules tests/cases/hostile/loop_in_layer.lua "$answers"
expect_ran "--max-instructions is used" 65 "instruction budget of 100000 exceeded"
run timeout $guard "$RK_BIN" score --timeout 0.3 --max-instructions 100000000000 \
    --rules tests/cases/hostile/loop_in_layer.lua "$answers"
expect_ran "--timeout is used" 65 "time limit of 0.3 s exceeded"

# The memory cap in the allocator: 150000 small strings (about 10 MiB, built
# without string.rep, which has its own guard) fit under the default cap
# (32 MiB) and fail under --max-memory 2 with the memory message, so a cap
# that does not hold (scoring succeeds) is told apart from a failed malloc.
cat > "$RK_TMP/strings.lua" <<'LUA'
local parts = {}
for i = 1, 150000 do parts[i] = "item " .. i end
return {result = function () rk.log("built", #parts) end}
LUA
# (--timeout 20: this case is about memory; under ASan on a loaded machine
# building them can take longer than the default second)
run timeout $guard "$RK_BIN" score --timeout 20 --rules "$RK_TMP/strings.lua" "$answers"
expect_ran "10 MiB of strings fit under the default memory cap" 0 "built 150000"
run timeout $guard "$RK_BIN" score --timeout 20 --max-memory 2 --rules "$RK_TMP/strings.lua" "$answers"
expect_ran "--max-memory is used by the allocator" 65 "strings.lua:2: memory limit of 2 MiB exceeded"
run timeout $guard "$RK_BIN" score --max-memory 2 --rules tests/cases/hostile/rep_bomb.lua "$answers"
expect_ran "--max-memory is used by string.rep's guard" 65 "memory limit of 2 MiB exceeded"

done_testing
