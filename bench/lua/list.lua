-- GET <path>?page=N&size=S for pages N picked at random from 0 to the last page.
-- Arguments after "--": <last page number (zero-based)> <page size>
local lua_dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(lua_dir .. "/threads.lua")
dofile(lua_dir .. "/report.lua")
dofile(lua_dir .. "/headers.lua")

local last_page, size

function init(args)
  seed_random()
  last_page = math.max(0, tonumber(args[1] or "0") or 0)
  size = tonumber(args[2] or "20") or 20
  wrk.headers["Accept"] = "application/json"
  add_bench_headers(wrk.headers)
end

function request()
  return wrk.format("GET", string.format("%s?page=%d&size=%d", wrk.path, math.random(0, last_page), size))
end
