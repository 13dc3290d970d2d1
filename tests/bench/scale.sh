#!/bin/sh
# scale.sh [READYKIT]: the loading-at-scale measures of issue 13 (a
# benchmark, not a test: nothing passes or fails). Generates each file with
# tests/bench/gen_scale.py and prints the CPU seconds (user + system) and
# the peak RSS of one run of READYKIT (default build/readykit) on it; run it
# with an older binary to compare. A run is stopped after BENCH_CPU seconds
# of CPU (default 600), shown as "> N s".
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rk=${1:-$top/build/readykit}
cap=${BENCH_CPU:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gen() { /usr/bin/python3 "$top/tests/bench/gen_scale.py" "$1" "$2" "$work/$1-$2.yaml"; }
# measure NAME CMD...: one line "NAME  CPU s  RSS MB  exit N"
measure() {
    name=$1
    shift
    /usr/bin/time -f '%U %S %M %x' -o "$work/t" sh -c 'ulimit -t "$0"; exec "$@"' "$cap" \
        "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/t" | awk -v n="$name" -v cap="$cap" '{
        cpu = $1 + $2; st = $4
        printf "%-44s %s  %6.1f MB  exit %s\n", n,
            (st == 137 || st == 152 || cpu >= cap) ? sprintf("> %d s", cap) : sprintf("%6.2f s", cpu),
            $3 / 1024, st }'
}
q=$top/questionnaires/tiny.yaml
gen questionnaire 50000
gen answers 50000
gen merge-answers 50000
gen merge-tiny 200000
gen merge-alias 45000
gen anchors 20000
gen anchor-lists 180000
gen choice-lists 80000
gen choices 100000
gen pillars 80000
gen retired 200000
gen retired-answers 200000
gen multi-answers 100000
echo "== loading at scale: $rk (CPU seconds, peak RSS)"
measure "questionnaire, 50k questions (template)" "$rk" template "$work/questionnaire-50000.yaml" -o "$work/t1.yaml"
measure "answers for 50k questions (score)" "$rk" score --max-memory 4096 --timeout 3600 -q "$work/questionnaire-50000.yaml" "$work/answers-50000.yaml"
measure "the same answers as merges (score)" "$rk" score --max-memory 4096 --timeout 3600 -q "$work/questionnaire-50000.yaml" "$work/merge-answers-50000.yaml"
measure "merge of 200k keys, 200 maps (score)" "$rk" score -q "$q" "$work/merge-tiny-200000.yaml"
measure "45k own keys + <<: *45k keys (check)" "$rk" check "$work/merge-alias-45000.yaml"
measure "20k anchors x 20k aliases (template)" "$rk" template "$work/anchors-20000.yaml" -o "$work/t2.yaml"
measure "180k anchors x 90k aliases (check)" "$rk" check "$work/anchor-lists-180000.yaml"
measure "80k choice lists, 80k users (template)" "$rk" template "$work/choice-lists-80000.yaml" -o "$work/t3.yaml"
measure "a question of 100k choices (template)" "$rk" template "$work/choices-100000.yaml" -o "$work/t4.yaml"
measure "80k pillars (template)" "$rk" template "$work/pillars-80000.yaml" -o "$work/t5.yaml"
measure "200k retired ids (template)" "$rk" template "$work/retired-200000.yaml" -o "$work/t6.yaml"
measure "200k answers kept as retired (score)" "$rk" score -q "$q" "$work/retired-answers-200000.yaml"
measure "a multi answer of 100k choices (score)" "$rk" score --max-memory 4096 --timeout 3600 "$work/multi-answers-100000.yaml"
