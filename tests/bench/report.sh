#!/bin/sh
# report.sh [BUILD_DIR]: the PDF report against the Python peer, side by
# side in one hyperfine run: the Quebec example and a long assessment with a
# note and a source on every answer (long_answers.py), plus `readykit
# --version` for the process floor; then the sizes of the PDFs. A benchmark,
# not a test: nothing here passes or fails.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
peer=${PEER_DIR:-$top/../shared/peer}
rk="$top/$build/readykit"
q="$top/questionnaires/sse-national.yaml"
ex="$top/questionnaires/examples/quebec.yaml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$peer/peer_report.py" ] || { echo "bench: the peer is not at $peer (set PEER_DIR)" >&2; exit 1; }

/usr/bin/python3 "$top/tests/bench/long_answers.py" "$q" "$work/long.yaml"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-markdown "$work/times.md" \
    -n "readykit --version" "$rk --version" \
    -n "readykit report quebec" "$rk report $ex -o $work/rk-quebec.pdf" \
    -n "peer quebec" "/usr/bin/python3 $peer/peer_report.py -q $q $ex -o $work/peer-quebec.pdf" \
    -n "readykit report long" "$rk report -q $q $work/long.yaml -o $work/rk-long.pdf" \
    -n "peer long" "/usr/bin/python3 $peer/peer_report.py -q $q $work/long.yaml -o $work/peer-long.pdf" \
    >/dev/null
cat "$work/times.md"
echo
for f in rk-quebec peer-quebec rk-long peer-long; do
    printf '%-12s %7d bytes  %s pages\n' "$f" "$(wc -c < "$work/$f.pdf")" \
        "$(pdfinfo "$work/$f.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
done
