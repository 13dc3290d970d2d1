-- read the environment
local home = os.getenv("HOME")
