-- turn the collector off
collectgarbage("stop")
