#!/bin/sh
# run.sh BUILD_DIR: `make bench`. One table, in one run, on one generated
# corpus of the shipped sse-national questionnaire (BENCH_FILES answers
# files, default 3000, with notes and sources; tests/bench/gen_corpus.py,
# seed fixed): readykit with the questionnaire's rules (1 job and --jobs 2),
# readykit with the standard scorer only, the Python peer
# (../shared/peer/peer_report.py --batch, when it is there), and the floor:
# a bare libyaml event parse of the same files (tests/bench/yaml_floor.c).
# Then the loader and rules micro-benchmarks. A benchmark, not a test:
# nothing here passes or fails; the machine's other load shows in the
# spread (min..max of the runs).
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
peer=${PEER_DIR:-$top/../shared/peer}
rk="$top/$build/readykit"
floor="$top/$build/bench-floor"
q="$top/questionnaires/sse-national.yaml"
n=${BENCH_FILES:-3000}
runs=${BENCH_RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$top/tests/bench/gen_corpus.py" "$q" "$n" "$work/corpus"
# Relative names from inside the corpus: hyperfine -N runs no shell, so the
# list is expanded here into one argument, which must stay under 128 KiB.
cd "$work/corpus"
files=$(ls ./*.yaml)
size=$(cat "$work"/corpus/*.yaml | wc -c)
echo "== scoring at scale: $n answers files of sse-national ($((size / n)) bytes each on average), $(nproc) cores"
echo "   (load average now: $(cut -d' ' -f1-3 /proc/loadavg); other work on the machine slows every row)"

# name command...: hyperfine's mean and spread, and the peak RSS of one
# run (/usr/bin/time), into $work/rows
row() {
    name=$1
    shift
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" \
        "$*" >/dev/null 2>"$work/h.err" || { echo "   $name: failed: $(tail -n 3 "$work/h.err" | cut -c1-200)" >&2; return 0; }
    rss=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1)
    /usr/bin/python3 - "$work/h.json" "$name" "$rss" >>"$work/rows" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("\t".join([sys.argv[2], repr(r["mean"]), repr(min(r["times"])), repr(max(r["times"])), sys.argv[3]]))
PY
}

: >"$work/rows"
row "libyaml floor (events only)" "$floor" $files
row "readykit, shipped rules, 1 job" "$rk" score -q "$q" --format csv -o "$work/rk1.csv" $files
row "readykit, standard scorer, 1 job" "$rk" score -q "$q" --no-default-rules --format csv -o "$work/rk0.csv" $files
row "readykit, shipped rules, --jobs 2" "$rk" score -q "$q" --jobs 2 --format csv -o "$work/rk2.csv" $files
if [ -f "$peer/peer_report.py" ]; then
    row "python peer (--batch)" /usr/bin/python3 "$peer/peer_report.py" -q "$q" --batch . -o "$work/peer.csv"
else
    echo "   peer comparison skipped: $peer/peer_report.py not found (set PEER_DIR)"
fi
if cmp -s "$work/rk1.csv" "$work/rk2.csv"; then same="identical"; else same="DIFFERENT"; fi

/usr/bin/python3 - "$work/rows" "$n" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
rate = {r[0]: n / float(r[1]) for r in rows}
fl = next((v for k, v in rate.items() if k.startswith("libyaml")), None)
pe = next((v for k, v in rate.items() if k.startswith("python")), None)
print(f"   {'':36} {'mean s':>7} {'min..max s':>13} {'files/s':>8} {'x peer':>7} {'x floor':>8} {'peak MB':>8}")
for name, mean, lo, hi, rss in rows:
    r = rate[name]
    xp = f"{r / pe:7.2f}" if pe else "      -"
    xf = f"{r / fl:8.2f}" if fl else "       -"
    mb = f"{int(rss) / 1024:8.1f}" if rss.isdigit() else "       ?"
    print(f"   {name:36} {float(mean):7.3f} {float(lo):6.3f}..{float(hi):<6.3f} {r:8.0f} {xp} {xf} {mb}")
PY
echo "   --jobs 2 output vs 1 job: $same"

# The peer's own PDF report against readykit's, on the peer's example.
if [ -f "$peer/peer_report.py" ]; then
    /usr/bin/python3 "$top/tests/bench/convert_peer.py" questionnaire \
        "$peer/example/questionnaire.yaml" "$work/peer.yaml"
    /usr/bin/python3 "$top/tests/bench/convert_peer.py" answers "$peer/example" "$work/rk-one"
    : >"$work/rows"
    row "readykit report (one PDF)" "$rk" report -q "$work/peer.yaml" "$work/rk-one/answers.yaml" -o "$work/rk.pdf"
    row "python peer (one PDF)" /usr/bin/python3 "$peer/peer_report.py" "$peer/example/answers.yaml" -o "$work/peer.pdf"
    echo "== one PDF report (the peer's 20-question example)"
    /usr/bin/python3 - "$work/rows" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
for name, mean, lo, hi, rss in rows:
    print(f"   {name:36} {float(mean) * 1000:7.1f} ms   peak {int(rss) / 1024:.1f} MB")
PY
fi

for b in bench-loader bench-rules; do
    if [ -x "$top/$build/$b" ]; then
        echo "== $b"
        "$top/$build/$b"
    fi
done
