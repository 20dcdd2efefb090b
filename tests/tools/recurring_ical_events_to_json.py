#!/usr/bin/python3
"""Reads an iCalendar feed from stdin the way a calendar client that expands occurrences does, with Debian's
python3-recurring-ical-events, and prints the occurrences it finds between 1900 and 2200 as JSON (the shape of
ics_to_json.py, one entry per occurrence).

Instants are the library's own: it takes DTSTART/DTEND as python3-icalendar parsed them, and python3-icalendar 4
resolves a TZID that pytz knows (every IANA name) with pytz's tz database, localizing with is_dst=False; only an
unknown TZID uses the feed's VTIMEZONE. So this consumer checks our instants against the tz database, not against
our VTIMEZONEs. The end of an occurrence is its start plus the event's duration, computed by the library.
"""
import datetime
import json
import sys

import icalendar
import recurring_ical_events

WINDOW = (datetime.date(1900, 1, 1), datetime.date(2200, 1, 1))

calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]


def utc(value):
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("floating time in feed: %s" % value)
        tzid = prop.params.get("TZID")
        return utc(value), False, str(tzid) if tzid is not None else None
    return value.strftime("%Y-%m-%d"), True, None


events = []
for event in recurring_ical_events.of(calendar).between(*WINDOW):
    start, all_day, tzid = when(event["DTSTART"])
    end, _, _ = when(event["DTEND"])
    categories = event.get("CATEGORIES", [])
    if not isinstance(categories, list):
        categories = [categories]
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    geo = event.get("GEO")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]) if "SUMMARY" in event else None,
        "description": str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None,
        "location": str(event["LOCATION"]) if "LOCATION" in event else None,
        "status": str(event["STATUS"]) if "STATUS" in event else None,
        "sequence": int(event.get("SEQUENCE", 0)),
        "allDay": all_day,
        "start": start,
        "end": end,
        "tzid": tzid,
        "categories": [str(c) for line in categories for c in line.cats],
        "geo": [geo.latitude, geo.longitude] if geo is not None else None,
        "url": str(event["URL"]) if "URL" in event else None,
        "organizer": str(event["ORGANIZER"]) if "ORGANIZER" in event else None,
        "attendees": [{"address": str(a), "name": str(a.params["CN"]) if "CN" in a.params else None,
                       "role": str(a.params["ROLE"]) if "ROLE" in a.params else None} for a in attendees],
        "alarms": [alarm["TRIGGER"].to_ical().decode() for alarm in event.walk("VALARM")],
        "lastModified": utc(event["LAST-MODIFIED"].dt) if "LAST-MODIFIED" in event else None,
        "class": str(event["CLASS"]) if "CLASS" in event else None,
        "color": str(event["COLOR"]) if "COLOR" in event else None,
        "conference": {"uri": str(event["CONFERENCE"]), "label": str(event["CONFERENCE"].params["LABEL"]) if "LABEL" in event["CONFERENCE"].params else None}
                      if "CONFERENCE" in event else None,
    })

json.dump({
    "name": str(calendar["X-WR-CALNAME"]) if "X-WR-CALNAME" in calendar else None,
    "refreshInterval": calendar["REFRESH-INTERVAL"].to_ical().decode() if "REFRESH-INTERVAL" in calendar else None,
    "publishedTtl": str(calendar["X-PUBLISHED-TTL"]) if "X-PUBLISHED-TTL" in calendar else None,
    "timeZones": zones,
    "events": events,
}, sys.stdout, ensure_ascii=False)
