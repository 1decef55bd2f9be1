-- GET <path>/{id} for ids picked at random from a file of ids, one per line.
-- Arguments after "--": <ids file>
local lua_dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(lua_dir .. "/threads.lua")
dofile(lua_dir .. "/report.lua")
dofile(lua_dir .. "/headers.lua")

local ids = {}
local base

function init(args)
  seed_random()
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  if #ids == 0 then error("no ids in " .. tostring(args[1])) end
  base = wrk.path:gsub("/$", "")
  wrk.headers["Accept"] = "application/json"
  add_bench_headers(wrk.headers)
end

function request()
  return wrk.format("GET", base .. "/" .. ids[math.random(#ids)])
end
