# make sensitivity (tests/bench/sensitivity.sh) runs: it scores every national
# example at the questionnaire's weights and with each pillar weight halved and
# raised by half, and prints one line per variation and a summary.
. "$(dirname "$0")/lib.sh"

run sh tests/bench/sensitivity.sh
expect_rc "sensitivity.sh runs" 0
expect_contains "it ranks the examples" "$out" "ranking at the questionnaire's weights"
npillars=$(sed -n '/^pillars:/,$s/^  - id: \([a-z_]*\)$/\1/p' questionnaires/sse-national.yaml | wc -l)
nrows=$(printf '%s\n' "$out" | grep -c '^[a-z_]* *x[01]\.5 ')
if [ "$nrows" -eq $((2 * npillars)) ] && [ "$npillars" -ge 9 ]; then
    ok "one line per pillar and factor ($nrows for $npillars pillars)"
else
    not_ok "$nrows variation lines for $npillars pillars"
fi
nex=$(grep -l '^questionnaire: sse-national' questionnaires/examples/*.yaml | wc -l)
expect_contains "the summary counts the variations and examples" "$out" \
    "of $((2 * npillars)) weight variations (each pillar x0.5 and x1.5) change the ranking of $nex examples."

done_testing
