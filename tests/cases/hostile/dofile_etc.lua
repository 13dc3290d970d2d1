-- run a file
dofile("/etc/passwd")
