# Every shipped questionnaires/*.yaml satisfies questionnaires/schema.json
# (the JSON Schema for editors), and the schema refuses a few broken files;
# in each case readykit check agrees (the schema and the loader tell the
# same story). Needs python3 with yaml and jsonschema, which
# scripts/install-deps.sh installs: skipped when they are missing, a failure
# under CI=true.
. "$(dirname "$0")/lib.sh"

if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
    skip_all "python3 yaml/jsonschema not installed (scripts/install-deps.sh)"
fi

# validate FILE...: prints "ok FILE" or "bad FILE: reason" per file.
validate() {
    python3 - "$@" <<'PY'
import json, re, sys
import jsonschema, yaml

class Loader(yaml.SafeLoader):
    """YAML 1.2 booleans (true/false only), no timestamps: like readykit,
    which reads yes/no/on/off and dates as strings where strings are wanted."""

Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))

schema = json.load(open("questionnaires/schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
    except (OSError, UnicodeError, yaml.YAMLError) as e:
        print("bad %s: %s" % (path, str(e).replace("\n", " ")[:200]))
        continue
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        print("bad %s: %s at %s" % (path, e.message[:200], "/".join(map(str, e.absolute_path))))
    else:
        print("ok %s" % path)
PY
}

seen=0
for line in $(validate questionnaires/*.yaml | tr ' ' '\001'); do
    line=$(printf '%s' "$line" | tr '\001' ' ')
    case "$line" in
        "ok "*) f=${line#ok }; seen=$((seen + 1)) ;;
        *) not_ok "schema: ${line#bad }"; continue ;;
    esac
    run "$RK_BIN" check "$f"
    expect_ran "schema and readykit check accept $f" 0 "pillars, "
done
shipped=$(ls questionnaires/*.yaml | wc -l)
[ "$seen" = "$shipped" ] || not_ok "the schema accepted $seen of the $shipped shipped questionnaires"

for name in unknown-top-key unknown-type missing-pillars pillars-is-map text-is-list \
            dont-know-reserved question-id-dash level-min-over-100; do
    f=tests/cases/bad-questionnaires/$name.yaml
    verdict=$(validate "$f")
    run "$RK_BIN" check "$f"
    begin_case "schema and readykit check refuse $name"
    want_rc 65
    want_contains "$err" "$f:" "readykit's stderr"
    want_contains "$verdict" "bad $f" "the schema's verdict"
    end_case
done

done_testing
