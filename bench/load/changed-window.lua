-- wrk script: every request asks for a window ending at a different second (to=<instant> beyond every event),
-- so its ETag is new and the instance must read the agenda's rows, parse, render and encode: the work of the
-- first poll after a change. The events in the feed are the same in every window. Env PATH_BASE: the feed path.
local counter = 0
local thread_id = 0
local threads = {}
local base = os.time() + 420 * 86400

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tonumber(wrk.thread:get("id")) or 0
end

function request()
  counter = counter + 1
  local to = os.date("!%Y-%m-%dT%H:%M:%SZ", base + counter * 16 + thread_id)
  return wrk.format("GET", os.getenv("PATH_BASE") .. "?to=" .. to)
end
