-- reach the registry
local reg = debug.getregistry()
