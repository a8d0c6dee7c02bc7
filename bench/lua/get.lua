-- GET with the 800-byte token: as a Cookie (through a relay) or as the Bearer header (direct).
-- BENCH_AUTH=cookie|bearer (env). Counts non-2xx answers so the runner can fail on them.
local token = string.rep("eyJhbGciOiJSUzI1NiJ9.", 40)  -- 21 * 40 = 840, cut to 800 below
token = string.sub(token, 1, 800)
if os.getenv("BENCH_AUTH") == "bearer" then
  wrk.headers["Authorization"] = "Bearer " .. token
else
  wrk.headers["Cookie"] = "theme=dark; auth_token=" .. token .. "; lang=en"
end
