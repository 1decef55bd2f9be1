-- POST /api/v1/contacts with a distinct contact in every request.
-- Arguments after "--": [quota per thread, 0 = unlimited] [directory for created ids and done markers, optional]
-- Environment: BENCH_RUN (a tag that keeps bodies distinct across runs), BENCH_LUA_DIR, BENCH_HEADERS ("Name: value" lines).
local lua_dir = os.getenv("BENCH_LUA_DIR") or "bench/lua"
dofile(lua_dir .. "/threads.lua")
dofile(lua_dir .. "/report.lua")
dofile(lua_dir .. "/headers.lua")

local run = os.getenv("BENCH_RUN") or tostring(os.time())
local quota, out_dir, ids_file
local sent, answered, failed = 0, 0, 0

function init(args)
  seed_random()
  quota = tonumber(args[1] or "0") or 0
  out_dir = args[2]
  if out_dir and out_dir ~= "" then
    ids_file = io.open(string.format("%s/ids-%d.txt", out_dir, tid), "w")
    -- one line per acknowledged create, written at once: kill-loss.sh reads them after killing the server
    ids_file:setvbuf("line")
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  add_bench_headers(wrk.headers)
end

function request()
  sent = sent + 1
  local n = string.format("%s-%d-%d", run, tid, sent)
  local body = string.format(
    '{"firstName":"Bench","lastName":"Contact %s","title":"Tester",' ..
    '"emails":[{"type":"work","address":"bench.%s@bench.example","primary":true}],' ..
    '"phones":[{"type":"work","number":"+4930%07d"}],"tags":["bench"]}',
    n, n, (tid * 1000003 + sent) % 10000000)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then
    if ids_file then
      local location = headers["Location"] or headers["location"] or ""
      local id = location:match("([^/]+)$") or (body or ""):match('"id"%s*:%s*"([^"]+)"')
      if id then ids_file:write(id, "\n") end
    end
  else
    failed = failed + 1
    if failed <= 3 then
      io.stderr:write(string.format("create failed: HTTP %d %s\n", status, (body or ""):sub(1, 300)))
    end
  end
  if quota > 0 and answered >= quota then
    if ids_file then ids_file:close(); ids_file = nil end
    local marker = io.open(string.format("%s/done-%d", out_dir or ".", tid), "w")
    if marker then marker:write(answered, " ", failed, "\n"); marker:close() end
    wrk.thread:stop()
  end
end
