-- wrk script: durable writes, POST /conversations/new with an API token.
-- RT_TOKEN and RT_TODAY (YYYY-MM-DD) in the environment; each request
-- logs one conversation at site 1, with its own words in `raised`.
local token = os.getenv("RT_TOKEN") or ""
local today = os.getenv("RT_TODAY") or "2026-01-01"
local said = { "Evening+medication+came+after+lock-up",
	"Food+arrives+cold+on+the+landing",
	"Visits+booking+line+never+answers",
	"Canteen+prices+went+up+again" }
local n = 0

wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

function setup(thread)
	thread:set("id", tostring(math.random(100000, 999999)))
end

function request()
	n = n + 1
	return wrk.format(nil, "/conversations/new", nil,
		"site_id=1&occurred_on=" .. today .. "&occurred_time=" ..
		string.format("%02d:%02d", 8 + n % 12, n % 60) ..
		"&channel=wing_visit&topic_ids=1&raised=" .. said[n % 4 + 1] ..
		"+%28bench+writer+" .. id .. "+log+" .. n ..
		"%29&consent=anonymous&outcome=resolved")
end
