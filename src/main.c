/* main: placeholder while the modules land (replaced in this same series). */
#include <stdio.h>
#include "embedded.h"
#include "readykit/node.h"
int main(void) { return 0; }
