-- POST a new risk to one unit, every request the same body (bench/digest-writes.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
