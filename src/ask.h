/* ask: the `readykit ask` command, called from main.c. */
#ifndef READYKIT_ASK_H
#define READYKIT_ASK_H

/* argv[0] is "ask"; returns the exit status. */
int rk_ask_main(int argc, char **argv);

#endif
