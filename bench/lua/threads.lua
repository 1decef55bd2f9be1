-- Shared by every bench script: numbers wrk's threads 0..n-1 (as the global "tid" in each thread's Lua state)
-- and seeds each thread's random numbers differently.
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
end

function seed_random()
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
  for _ = 1, 10 do math.random() end
end
