-- POST of a 16 KiB JSON-ish body with the 800-byte token (BENCH_AUTH=cookie|bearer, as get.lua).
local token = string.sub(string.rep("eyJhbGciOiJSUzI1NiJ9.", 40), 1, 800)
if os.getenv("BENCH_AUTH") == "bearer" then
  wrk.headers["Authorization"] = "Bearer " .. token
else
  wrk.headers["Cookie"] = "theme=dark; auth_token=" .. token .. "; lang=en"
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"data":"' .. string.rep("x", 16384 - 11) .. '"}'
