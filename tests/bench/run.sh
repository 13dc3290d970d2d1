#!/bin/sh
# run.sh BUILD_DIR: benchmarks. readykit against the Python peer
# (../shared/peer, run with Debian's /usr/bin/python3) on the same content in
# one run, then the in-process micro-benchmarks. Prints ratios; a benchmark,
# not a test: nothing here passes or fails.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
peer=${PEER_DIR:-$top/../shared/peer}
rk="$top/$build/readykit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=${BENCH_FILES:-1000}

if [ ! -f "$peer/peer_report.py" ]; then
    echo "bench: the peer is not at $peer (set PEER_DIR)" >&2
    exit 1
fi

# Same questionnaire and answers for both tools.
/usr/bin/python3 "$top/tests/bench/convert_peer.py" questionnaire \
    "$peer/example/questionnaire.yaml" "$work/peer.yaml"
/usr/bin/python3 "$peer/gen_answers.py" "$n" "$work/peer-answers" >/dev/null
/usr/bin/python3 "$top/tests/bench/convert_peer.py" answers "$work/peer-answers" "$work/rk-answers"
/usr/bin/python3 "$top/tests/bench/convert_peer.py" answers "$peer/example" "$work/rk-one"

# hyperfine's mean (seconds) for one command, from its JSON export.
mean() {
    hyperfine -N --style none --warmup "$1" --runs "$2" --export-json "$work/h.json" "$3" >/dev/null 2>&1
    /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
}
ratio() { /usr/bin/python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a*1000:9.1f} ms  vs peer {b*1000:9.1f} ms   peer/readykit = {b/a:5.1f}x')" "$1" "$2"; }

echo "== one PDF report (20 questions, 4 pillars)"
r=$(mean 2 10 "$rk report -q $work/peer.yaml $work/rk-one/answers.yaml -o $work/rk.pdf")
p=$(mean 1 5 "/usr/bin/python3 $peer/peer_report.py $peer/example/answers.yaml -o $work/peer.pdf")
ratio "$r" "$p"

echo "== batch: $n answers files to CSV"
files=$(echo "$work"/rk-answers/*.yaml)   # hyperfine -N runs no shell: expand here
r=$(mean 1 5 "$rk score -q $work/peer.yaml --format csv -o $work/rk.csv $files")
p=$(mean 1 3 "/usr/bin/python3 $peer/peer_report.py --batch $work/peer-answers -o $work/peer.csv")
ratio "$r" "$p"
/usr/bin/python3 -c "import sys; print(f'   readykit: {float(sys.argv[1])/int(sys.argv[2])*1e6:.0f} us per answers file, process start included')" "$r" "$n"
# Without -q each answers file names its questionnaire (found in the parent
# folder): the usual way to run a batch.
r2=$(mean 1 5 "$rk score --format csv -o $work/rk2.csv $files")
/usr/bin/python3 -c "import sys; print(f'   readykit without -q (search path): {float(sys.argv[1])*1000:.1f} ms')" "$r2"

for b in bench-loader bench-rules; do
    if [ -x "$top/$build/$b" ]; then
        echo "== $b"
        "$top/$build/$b"
    fi
done
