/* yaml_floor: the floor of `make bench`: a bare libyaml event parse of each
   file named on the command line (no tree, no checks, no scoring). No
   program that reads these files with libyaml can be faster. Prints the
   number of files and events, so the work cannot be optimised away. */
#include <stdio.h>

#include <yaml.h>

int main(int argc, char **argv)
{
    unsigned long events = 0;
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            bad++;
            continue;
        }
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_file(&p, f);
        for (;;) {
            yaml_event_t e;
            if (!yaml_parser_parse(&p, &e)) {
                bad++;
                break;
            }
            events++;
            int end = e.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&e);
            if (end)
                break;
        }
        yaml_parser_delete(&p);
        fclose(f);
    }
    fprintf(stderr, "yaml_floor: %d files, %lu events, %d unreadable\n", argc - 1, events, bad);
    return bad ? 1 : 0;
}
