-- wrk script: durable writes, POST /people/new with an API token.
-- RT_TOKEN in the environment; each request adds one person at site 1.
local token = os.getenv("RT_TOKEN") or ""
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
	return wrk.format(nil, "/people/new", nil,
		"display_name=Bench+writer+" .. id .. "-" .. n ..
		"&status=in_custody&site_id=1&unit_id=")
end
