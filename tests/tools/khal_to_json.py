#!/usr/bin/python3
"""Subscribes to an iCalendar feed the way a Linux terminal user does and prints what khal lists, as JSON (the shape
of ics_to_json.py, as far as khal shows it).

The feed (stdin, or --url URL) is served from a throw-away HTTP server on 127.0.0.1 and pulled by vdirsyncer's "http"
storage into a filesystem vdir (`vdirsyncer discover` + `vdirsyncer sync`, config in a temporary directory); then
`khal list --once` (its own temporary config and database; local and default timezone UTC) lists every event of
the years the feed's dates fall in, one line per event in a machine-readable --format.

What khal cannot show is reported empty: no TZID, no sequence, no alarms' triggers, no GEO, no LAST-MODIFIED, no
attendee names or roles (khal shows attendees' addresses only; "mailto:" is put back here), organizer as "CN
(address)" from which only the address is kept, no calendar name, refresh interval or VTIMEZONE list. The uid is
the one in the vdir: vdirsyncer's http storage replaces every item's UID with the SHA-256 of its content (its
default, `_ignore_uids`), so a subscriber's copy never carries the feed's UIDs; match khal's events by summary and
time. khal shows an all-day event's last day inclusively; "end" is turned back into the exclusive iCalendar date.
Instants: khal reads DTSTART/DTEND through python3-icalendar, which resolves IANA TZIDs with pytz's tz database.
"""
import datetime
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

FIELD = "\x1f"
RECORD = "\x1e"
FIELDS = ["uid", "start-long", "end-long", "all-day", "title", "location", "description", "organizer", "url",
          "categories", "attendees", "status"]


def serve(body):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/feed.ics" % server.server_address[1]


def run(arguments, env):
    done = subprocess.run(arguments, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError("%s failed (%d): %s%s" % (arguments[0], done.returncode, done.stdout, done.stderr))
    return done.stdout


def window(body):
    """The years to list: those of the DTSTART/DTEND values vdirsyncer copied, one either side (khal lists day by
    day, so a fixed window of centuries would cost seconds)."""
    years = [int(y) for y in re.findall(rb"^DT(?:START|END)[^:\r\n]*:(\d{4})\d{4}", body, re.MULTILINE)]
    if not years:
        years = [datetime.date.today().year]
    return "%04d-01-01" % (min(years) - 1), "%04d-12-31" % (max(years) + 1)


def utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").astimezone(datetime.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%S.000Z")


def event_of(fields):
    value = dict(zip(FIELDS, fields))
    all_day = value["all-day"] == "True"
    if all_day:
        start = value["start-long"]
        end = (datetime.date.fromisoformat(value["end-long"]) + datetime.timedelta(days=1)).isoformat()
    else:
        start, end = utc(value["start-long"]), utc(value["end-long"])
    organizer = value["organizer"]
    match = re.search(r"\(([^()]*)\)$", organizer)
    address = match.group(1) if match else organizer
    attendees = [a.strip() for a in value["attendees"].split(",") if a.strip()]
    return {
        "uid": value["uid"],
        "summary": value["title"],
        "description": value["description"] or None,
        "location": value["location"] or None,
        "status": value["status"].strip() or None,
        "sequence": None,
        "allDay": all_day,
        "start": start,
        "end": end,
        "tzid": None,
        "categories": [c for c in value["categories"].split(",") if c] if value["categories"] else [],
        "geo": None,
        "url": value["url"] or None,
        "organizer": "mailto:" + address if address else None,
        "attendees": [{"address": "mailto:" + a, "name": None, "role": None} for a in attendees],
        "alarms": [],
        "lastModified": None,
    }


def main():
    url = sys.argv[sys.argv.index("--url") + 1] if "--url" in sys.argv else None
    body = sys.stdin.buffer.read() if url is None else b""
    server = None
    if url is None:
        server, url = serve(body)
    try:
        with tempfile.TemporaryDirectory(prefix="khal-") as home:
            vdir = os.path.join(home, "vdir")
            os.makedirs(vdir)
            vdirsyncer_config = os.path.join(home, "vdirsyncer.conf")
            with open(vdirsyncer_config, "w", encoding="utf-8") as f:
                f.write(f"""[general]
status_path = "{home}/status/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{url}"

[storage feed_local]
type = "filesystem"
path = "{vdir}/"
fileext = ".ics"
""")
            khal_config = os.path.join(home, "khal.conf")
            with open(khal_config, "w", encoding="utf-8") as f:
                f.write(f"""[calendars]
[[feed]]
path = {vdir}/
type = calendar

[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M:%S
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M:%S
longdatetimeformat = %Y-%m-%dT%H:%M:%S%z

[sqlite]
path = {home}/khal.db
""")
            env = dict(os.environ, TZ="UTC", HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
                       XDG_CACHE_HOME=home, VDIRSYNCER_CONFIG=vdirsyncer_config)
            run(["vdirsyncer", "discover", "feed"], env)
            run(["vdirsyncer", "sync", "feed"], env)
            copied = b""
            for name in sorted(os.listdir(vdir)):
                with open(os.path.join(vdir, name), "rb") as f:
                    copied += f.read()
            items = len(os.listdir(vdir))
            first_day, last_day = window(copied)
            line_format = FIELD.join("{%s}" % name for name in FIELDS) + RECORD
            listing = run(["khal", "-c", khal_config, "list", "--once", "--day-format", "", "--format", line_format,
                           first_day, last_day], env)
    finally:
        if server is not None:
            server.shutdown()

    records = [r.lstrip("\n") for r in listing.split(RECORD)]
    events = [event_of(r.split(FIELD)) for r in records if r.strip()]
    json.dump({"name": None, "refreshInterval": None, "publishedTtl": None, "timeZones": [], "events": events,
               "vdirItems": items}, sys.stdout, ensure_ascii=False)


main()
