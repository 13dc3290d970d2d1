# sse_lib.sh: sourced by the SSE content tests after lib.sh.

# tap_claims FILE: turn each line "ok NAME" / "not ok NAME" of FILE (written by a
# checker in Python, which does not number its lines) into a numbered TAP line; any
# other line (a traceback) is a failure.
tap_claims() {
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok "${line#ok }" ;;
            "not ok "*) not_ok "${line#not ok }" ;;
            *) not_ok "checker: $line" ;;
        esac
    done <"$1"
}
