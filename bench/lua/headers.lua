-- Shared by every bench script: adds the extra request headers bench/run.sh passes in BENCH_HEADERS
-- (one "Name: value" per line), for example an Authorization header once the API requires one.
function add_bench_headers(headers)
  local extra = os.getenv("BENCH_HEADERS") or ""
  for line in extra:gmatch("[^\n]+") do
    local name, value = line:match("^%s*([^:]+):%s*(.-)%s*$")
    if name then headers[name] = value end
  end
end
