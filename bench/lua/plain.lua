-- GET the URL as given (the yardstick); only adds the shared headers and the result line.
local lua_dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(lua_dir .. "/threads.lua")
dofile(lua_dir .. "/report.lua")
dofile(lua_dir .. "/headers.lua")

function init(args)
  add_bench_headers(wrk.headers)
end
