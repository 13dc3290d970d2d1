-- table.move over 10^15 slots: a C loop no hook sees
table.move({}, 1, 1e15, 2)
