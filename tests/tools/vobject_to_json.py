#!/usr/bin/python3
"""Parses an iCalendar feed from stdin with Debian's python3-vobject and prints what it shows, as JSON (the shape of
ics_to_json.py).

vobject turns every VTIMEZONE of the stream into a dateutil tzical zone and registers it under its TZID before the
events are read, so DTSTART;TZID=... is interpreted with the feed's own VTIMEZONE (RRULEs expanded by dateutil).
Only a TZID without a VTIMEZONE falls back to pytz's database; this script refuses that instead, so a missing
VTIMEZONE shows up as an error.
"""
import datetime
import json
import sys

import vobject
import vobject.icalendar

text = sys.stdin.buffer.read().decode("utf-8")
calendar = vobject.readOne(text)
zones = [str(tz.tzid.value) for tz in calendar.contents.get("vtimezone", [])]


def utc(value):
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def when(line):
    value = line.value
    if isinstance(value, datetime.datetime):
        tzid = line.params.get("X-VOBJ-ORIGINAL-TZID", [None])[0]
        if value.tzinfo is None:
            raise ValueError("floating time in feed: %s" % value)
        if tzid is not None and tzid not in zones:
            raise ValueError("TZID %s has no VTIMEZONE in the feed" % tzid)
        return utc(value), False, tzid
    return value.strftime("%Y-%m-%d"), True, None


def first(component, name):
    lines = component.contents.get(name)
    return lines[0] if lines else None


def text_of(component, name):
    line = first(component, name)
    return str(line.value) if line is not None else None


def param(line, name):
    values = line.params.get(name)
    return str(values[0]) if values else None


def trigger(alarm):
    value = alarm.trigger.value
    if isinstance(value, datetime.timedelta):
        return vobject.icalendar.timedeltaToString(value)
    return utc(value)


events = []
for event in calendar.contents.get("vevent", []):
    start, all_day, tzid = when(event.dtstart)
    end, _, _ = when(event.dtend)
    geo = text_of(event, "geo")
    modified = first(event, "last-modified")
    events.append({
        "uid": str(event.uid.value),
        "summary": text_of(event, "summary"),
        "description": text_of(event, "description"),
        "location": text_of(event, "location"),
        "status": text_of(event, "status"),
        "sequence": int(text_of(event, "sequence") or 0),
        "allDay": all_day,
        "start": start,
        "end": end,
        "tzid": tzid,
        "categories": [str(c) for line in event.contents.get("categories", []) for c in line.value],
        "geo": [float(part) for part in geo.split(";")] if geo else None,
        "url": text_of(event, "url"),
        "organizer": text_of(event, "organizer"),
        "attendees": [{"address": str(a.value), "name": param(a, "CN"), "role": param(a, "ROLE")}
                      for a in event.contents.get("attendee", [])],
        "alarms": [trigger(alarm) for alarm in event.contents.get("valarm", [])],
        "lastModified": utc(modified.value) if modified is not None else None,
        "class": text_of(event, "class"),
        "color": text_of(event, "color"),
        "conference": {"uri": text_of(event, "conference"), "label": param(first(event, "conference"), "LABEL")}
                      if first(event, "conference") is not None else None,
    })

json.dump({
    "name": text_of(calendar, "x-wr-calname"),
    "refreshInterval": text_of(calendar, "refresh-interval"),
    "publishedTtl": text_of(calendar, "x-published-ttl"),
    "timeZones": zones,
    "events": events,
}, sys.stdout, ensure_ascii=False)
