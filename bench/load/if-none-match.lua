-- wrk script: every request is a conditional poll with the feed's current ETag (env ETAG), answered 304.
wrk.headers["If-None-Match"] = os.getenv("ETAG")
