#!/usr/bin/python3
"""Expands the recurring events of an iCalendar feed from stdin with Debian's python3-recurring-ical-events, into the
occurrences a client shows, as JSON (the shape of ical-js-occurrences.mjs):
  {"occurrences":[{"uid","recurrenceId","start","end","summary","status","allDay"}]}, sorted by start, then uid.

recurring_ical_events.of(calendar).between(1900, 2200) does all of it: DTSTART, RRULE (dateutil) and RDATE minus
EXDATE (compared as instants), an occurrence's end its start plus the master's DTEND - DTSTART, and overrides. Its
instants are its tz database's: python3-icalendar 4 resolves a TZID that pytz knows (every IANA name) with pytz, and
the library re-localizes each occurrence's wall time, so DST changes follow the tz database, not the feed's VTIMEZONE.

Overrides, as version 2.0.1 does them: a VEVENT with RECURRENCE-ID replaces the master's occurrence that starts on the
same local DATE as the RECURRENCE-ID (the date as written, in its own TZID: a RECURRENCE-ID written in UTC for a
morning in Shanghai names the day before), and is always shown, whether or not that date has an occurrence of the master
(an EXDATE'd one, or no master at all), STATUS as written.

recurrenceId here: the override's RECURRENCE-ID, or for an occurrence of a master with RRULE or RDATE its own start (the
library copies the master, whose DTSTART it moves), null for a single event. At most CAP per series, earliest first:
the library expands everything up to the end of its window, which takes it 17 s for a daily series without end up to
2200, so the window ends a little after the CAP-th instance of the longest series (the library's own rule, see
horizon) when that is before 2200.
"""
import collections
import datetime
import itertools
import json
import sys

import icalendar
import recurring_ical_events

CAP = 5000
WINDOW = (datetime.date(1900, 1, 1), datetime.date(2200, 1, 1))


def when(value):
    """(UTC "…Z" or "yyyy-MM-dd", all-day) of a date or datetime."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("floating time in feed: %s" % value)
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"), False
    return value.strftime("%Y-%m-%d"), True


def day(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def horizon(unfoldable):
    """2200, or two days after the latest of: each series' CAP-th instance (or its last) plus its duration, and every
    override's end. Uses the dateutil rule set recurring-ical-events 2.x built for each VEVENT (RRULE, RDATE, EXDATE
    and DTSTART); any other version gets 2200."""
    repetitions = getattr(unfoldable, "repetitions", None)
    if repetitions is None:
        return WINDOW[1]
    latest = WINDOW[0]
    for repetition in repetitions:
        if repetition.is_recurrence():
            ends = [repetition.start, repetition.end]
        else:
            instants = list(itertools.islice(repetition.rule, CAP))
            ends = [instants[-1] + repetition.duration] if instants else [repetition.end]
        latest = max([latest] + [day(end) for end in ends])
    return min(WINDOW[1], latest + datetime.timedelta(days=2))


calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
recurring = {str(e["UID"]) for e in calendar.walk("VEVENT")
             if "RECURRENCE-ID" not in e and ("RRULE" in e or "RDATE" in e)}

occurrences = []
unfoldable = recurring_ical_events.of(calendar)
for event in unfoldable.between(WINDOW[0], horizon(unfoldable)):
    uid = str(event["UID"])
    start, all_day = when(event["DTSTART"].dt)
    end, _ = when(event["DTEND"].dt)
    if "RECURRENCE-ID" in event:
        recurrence_id = when(event["RECURRENCE-ID"].dt)[0]
    elif uid in recurring:
        recurrence_id = start
    else:
        recurrence_id = None
    occurrences.append({
        "uid": uid,
        "recurrenceId": recurrence_id,
        "start": start,
        "end": end,
        "summary": str(event["SUMMARY"]) if "SUMMARY" in event else None,
        "status": str(event["STATUS"]) if "STATUS" in event else None,
        "allDay": all_day,
    })

occurrences.sort(key=lambda o: (o["start"], o["uid"]))
per_series = collections.Counter()
capped = []
for found in occurrences:
    per_series[found["uid"]] += 1
    if per_series[found["uid"]] <= CAP:
        capped.append(found)
json.dump({"occurrences": capped}, sys.stdout, ensure_ascii=False)
