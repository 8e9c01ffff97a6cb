-- wrk script for the sandbox load figures (bench/sandbox-load.ts): a fixed number of requests
-- spread over the users' documents, each authenticated through the sandbox's authentication-proxy
-- mode (X-3GPP-Asserted-Identity from a trusted address).
--
-- Arguments (after `--`): method users per_thread_requests threads [vary]
--   GET:  GET each user's resource-lists document in turn
--   PUT:  PUT the entry sip:load@example.com of each user's "friends" list; with `vary`, every
--         request's display-name differs, so every PUT changes the document (new ETag, new bytes)
-- Each thread stops after its share of responses and prints when it started and finished
-- ("XCAP-THREAD id start_us end_us responses"): wrk itself keeps running to its -d (wg/wrk#281),
-- so the caller interrupts it (SIGINT) once every thread has finished, and wrk prints its summary.

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } xcap_timespec;
  int clock_gettime(int clock_id, xcap_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local function now_us()
  local t = ffi.new("xcap_timespec")
  ffi.C.clock_gettime(CLOCK_MONOTONIC, t)
  return tonumber(t.tv_sec) * 1000000 + tonumber(t.tv_nsec) / 1000
end

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  method = args[1]
  users = tonumber(args[2])
  budget = tonumber(args[3])
  thread_count = tonumber(args[4])
  vary = args[5] == "vary"
  sent = 0
  received = 0
  started = nil
end

local function document_path(n)
  return "/xcap-root/resource-lists/users/sip:user" .. n .. "@example.com/index"
end

function request()
  started = started or now_us()
  -- Threads take turns over the users so that two threads rarely write one document at once.
  local n = (sent * thread_count + id) % users
  sent = sent + 1
  local headers = { ["X-3GPP-Asserted-Identity"] = "<sip:user" .. n .. "@example.com>" }
  if method == "GET" then
    return wrk.format("GET", document_path(n), headers)
  end
  headers["Content-Type"] = "application/xcap-el+xml"
  local name = vary and ("Load " .. id .. "-" .. sent) or "Load"
  local body = '<entry uri="sip:load@example.com"><display-name>' .. name .. '</display-name></entry>'
  local path = document_path(n) .. "/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:load@example.com%22%5D"
  return wrk.format("PUT", path, headers, body)
end

function response(status, headers, body)
  received = received + 1
  if received == budget then
    io.write(string.format("XCAP-THREAD %d %.0f %.0f %d\n", id, started, now_us(), received))
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  -- requests, seconds, p99 ms, socket errors and timeouts, non-2xx answers, p50 ms, p90 ms, max ms
  io.write(string.format("XCAP-LOAD %d %.3f %.3f %d %d %.3f %.3f %.3f\n", summary.requests, summary.duration / 1e6,
    latency:percentile(99) / 1e3, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency.max / 1e3))
end
