#!/bin/sh
# test_hostile_rules.sh: every file in tests/cases/hostile/ is a rule file
# written to harm: endless loops (also inside pcall, xpcall, metamethods),
# memory bombs, pattern bombs no hook can see, and attempts to reach files,
# processes, the environment or bytecode. Each must end within 2 seconds
# with exit 65 and a message naming the file, and `report -o` must leave no
# output file behind.
. "$(dirname "$0")/lib.sh"

answers=questionnaires/examples/tiny-answers.yaml
now() { date +%s.%N; }

for f in tests/cases/hostile/*.lua; do
    name=$(basename "$f")
    t0=$(now)
    run "$RK_BIN" score --rules "$f" "$answers"
    t1=$(now)
    expect_rc "$name: score" 65
    expect_contains "$name: the message names the file" "$err" "$name"
    expect_not_contains "$name: stdout stays clean" "$out" "injected"
    if awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 2.0) }'; then
        ok "$name: ends within 2 s"
    else
        not_ok "$name: took $(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }') s"
    fi
    rm -f "$RK_TMP/out.pdf"
    run "$RK_BIN" report "$answers" -o "$RK_TMP/out.pdf" --rules "$f"
    expect_rc "$name: report" 65
    if [ -e "$RK_TMP/out.pdf" ]; then not_ok "$name: out.pdf was written"; else ok "$name: no out.pdf"; fi
    if ls "$RK_TMP"/.out.pdf* "$RK_TMP"/out.pdf.* >/dev/null 2>&1; then
        not_ok "$name: a temporary file was left"
    else
        ok "$name: no temporary file"
    fi
done
if [ -e /tmp/readykit-hostile-pwned ]; then not_ok "os.execute ran"; else ok "no process was run"; fi

# limits can be changed from the command line
run "$RK_BIN" score --max-instructions 100000 --rules tests/cases/hostile/loop_in_layer.lua "$answers"
expect_contains "--max-instructions is used" "$err" "instruction budget of 100000 exceeded"
run "$RK_BIN" score --max-memory 2 --rules tests/cases/hostile/rep_bomb.lua "$answers"
expect_contains "--max-memory is used" "$err" "memory limit of 2 MiB exceeded"
run "$RK_BIN" score --timeout 0.3 --max-instructions 100000000000 \
    --rules tests/cases/hostile/loop_in_layer.lua "$answers"
expect_contains "--timeout is used" "$err" "time limit of 0.3 s exceeded"

done_testing
