# Every shipped questionnaires/*.yaml satisfies questionnaires/schema.json
# (the JSON Schema for editors), and the schema refuses a few broken files.
# Needs python3 with yaml and jsonschema (scripts/install-deps.sh); skipped
# when they are missing.
. "$(dirname "$0")/lib.sh"

if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
    ok "# SKIP python3 yaml/jsonschema not installed"
    exit 0
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

for line in $(validate questionnaires/*.yaml | tr ' ' '\001'); do
    line=$(printf '%s' "$line" | tr '\001' ' ')
    case "$line" in
        "ok "*) ok "schema accepts ${line#ok }" ;;
        *) not_ok "schema: ${line#bad }" ;;
    esac
done

for name in unknown-top-key unknown-type missing-pillars pillars-is-map text-is-list \
            dont-know-reserved question-id-dash level-min-over-100; do
    f=tests/cases/bad-questionnaires/$name.yaml
    run validate "$f"
    expect_contains "schema refuses $name" "$out" "bad $f"
done

done_testing
