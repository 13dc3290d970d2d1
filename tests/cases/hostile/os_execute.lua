-- run a process
os.execute("touch /tmp/readykit-hostile-pwned")
