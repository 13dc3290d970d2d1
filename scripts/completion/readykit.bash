# bash completion for readykit: commands, each command's options,
# questionnaire ids (from `readykit list`) and files.
_readykit()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    local commands="check score report ask migrate list show template new export import help"

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $cmd:$prev in
        new:-o|new:--output)   # new writes into a folder
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
    esac
    case $prev in
        -f|--format)
            COMPREPLY=($(compgen -W "text json csv" -- "$cur")); return ;;
        -l|--lang)
            COMPREPLY=($(compgen -W "en fr es" -- "$cur")); return ;;
        --paper)
            COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
        --from)
            COMPREPLY=($(compgen -W "kobo odk limesurvey csv" -- "$cur")); return ;;
        -r|--rules)
            COMPREPLY=($(compgen -f -X '!*.lua' -- "$cur") $(compgen -d -- "$cur")); return ;;
        -q|--questionnaire|-o|--output|--compare|--target|--dir|--resume)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --jobs|--max-memory|--max-instructions|--max-findings-bytes|--timeout|--subject|--respondent)
            return ;;
    esac
    local common="--help --questionnaire --rules --no-default-rules --lang --max-memory
                  --max-instructions --max-findings-bytes --timeout --verbose"
    case $cur in
        -*)
            local opts
            case $cmd in
                check) opts="--help --rules --no-default-rules" ;;
                score) opts="$common --format --output --jobs --dir --quiet --no-header --aggregate --explain" ;;
                report) opts="$common --output --compare --target --paper --aggregate" ;;
                export) opts="--help --xlsform --output --lang" ;;
                import) opts="--help --output --from --subject --dry-run" ;;
                ask) opts="--help --output --lang --subject --respondent --resume --review --questionnaire" ;;
                migrate) opts="--help --questionnaire --output --in-place" ;;
                list) opts="--help --format" ;;
                show) opts="--help --lang --format" ;;
                template) opts="--help --output --lang" ;;
                new) opts="--help --output" ;;
            esac
            COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            return ;;
    esac
    case $cmd in
        new)
            return ;;   # a new id: nothing to complete
        show|template|ask|export|import)
            # A questionnaire id from the search path, or a file.
            local ids
            ids=$(readykit list --format json 2>/dev/null | sed -n 's/^{"id": "\([^"]*\)".*/\1/p')
            COMPREPLY=($(compgen -W "$ids" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
            ;;
        *)
            COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
            ;;
    esac
}
complete -o filenames -F _readykit readykit
