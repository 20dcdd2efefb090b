#!/usr/bin/python3
"""Parses an iCalendar feed from stdin with Debian's python3-icalendar and prints what a client would show, as JSON.

Instants are computed from the feed's own VTIMEZONE components (Timezone.to_tz), not from a tz database,
so a missing or wrong VTIMEZONE shows up as a wrong instant.
"""
import datetime
import json
import sys

import icalendar

calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
zones = {str(tz["TZID"]): tz.to_tz() for tz in calendar.walk("VTIMEZONE")}


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        tzid = prop.params.get("TZID")
        if tzid is not None:
            local = value.replace(tzinfo=None)
            value = zones[str(tzid)].localize(local) if hasattr(zones[str(tzid)], "localize") else local.replace(tzinfo=zones[str(tzid)])
        elif value.tzinfo is None:
            raise ValueError("floating time in feed: %s" % value)
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"), False, tzid
    return value.strftime("%Y-%m-%d"), True, None


events = []
for event in calendar.walk("VEVENT"):
    start, all_day, tzid = when(event["DTSTART"])
    end, _, _ = when(event["DTEND"])
    categories = event.get("CATEGORIES")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    geo = event.get("GEO")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event.get("SUMMARY")),
        "description": str(event["DESCRIPTION"]) if "DESCRIPTION" in event else None,
        "location": str(event["LOCATION"]) if "LOCATION" in event else None,
        "status": str(event["STATUS"]) if "STATUS" in event else None,
        "sequence": int(event.get("SEQUENCE", 0)),
        "allDay": all_day,
        "start": start,
        "end": end,
        "tzid": str(tzid) if tzid is not None else None,
        "categories": [str(c) for c in (categories.cats if hasattr(categories, "cats") else [])] if categories is not None else [],
        "geo": [geo.latitude, geo.longitude] if geo is not None else None,
        "url": str(event["URL"]) if "URL" in event else None,
        "organizer": str(event["ORGANIZER"]) if "ORGANIZER" in event else None,
        "attendees": [{"address": str(a), "name": str(a.params.get("CN")) if "CN" in a.params else None,
                       "role": str(a.params.get("ROLE")) if "ROLE" in a.params else None} for a in attendees],
        "alarms": [alarm["TRIGGER"].to_ical().decode() for alarm in event.walk("VALARM")],
        "lastModified": event["LAST-MODIFIED"].dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z") if "LAST-MODIFIED" in event else None,
        "class": str(event["CLASS"]) if "CLASS" in event else None,
        "color": str(event["COLOR"]) if "COLOR" in event else None,
        "conference": {"uri": str(event["CONFERENCE"]), "label": str(event["CONFERENCE"].params["LABEL"]) if "LABEL" in event["CONFERENCE"].params else None}
                      if "CONFERENCE" in event else None,
    })

json.dump({
    "name": str(calendar.get("X-WR-CALNAME")) if "X-WR-CALNAME" in calendar else None,
    "refreshInterval": calendar["REFRESH-INTERVAL"].to_ical().decode() if "REFRESH-INTERVAL" in calendar else None,
    "publishedTtl": str(calendar["X-PUBLISHED-TTL"]) if "X-PUBLISHED-TTL" in calendar else None,
    "timeZones": list(zones.keys()),
    "events": events,
}, sys.stdout, ensure_ascii=False)
