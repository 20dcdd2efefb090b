#!/usr/bin/python3
"""Expands the recurring events of an iCalendar feed from stdin with libical 3 (the C library behind Evolution and
GNOME Calendar), through GObject introspection (python3-gi, gir1.2-ical-3.0), into the occurrences a client shows, as
JSON (the shape of ical-js-occurrences.mjs):
  {"occurrences":[{"uid","recurrenceId","start","end","summary","status","allDay"}]}, sorted by start, then uid.

Expansion is libical's own: ICalGLib.Component.foreach_recurrence (icalcomponent_foreach_recurrence) on each master
VEVENT gives the spans of DTSTART, every RRULE and every RDATE, minus EXDATE (icalproperty_recurrence_is_excluded), as
UTC seconds. Zones come only from the feed: libical resolves the TZID of DTSTART, DTEND and EXDATE against the
VTIMEZONE components of the calendar the VEVENT is in (icalcomponent_get_timezone); RECURRENCE-ID's TZID, which
icalcomponent_get_recurrenceid leaves unresolved, is resolved here the same way.

What libical leaves to its callers is done here the way evolution-data-server (e_cal_client_generate_instances)
does it:
- RDATE;TZID=...: libical 3.0's icalproperty_get_rdate does not resolve the TZID, so foreach_recurrence reads an RDATE
  in a zone as UTC (08:00 Shanghai becomes 08:00Z). Evolution expands with its own code and a TZID callback; here every
  RDATE with a TZID is first rewritten in UTC with the calendar's VTIMEZONE of that TZID, so libical expands the right
  instant (and still checks it against EXDATE).
- Overrides (RECURRENCE-ID): foreach_recurrence knows nothing of them. As evolution-data-server's
  process_detached_instances does, an override replaces the instance whose start equals its RECURRENCE-ID (compared as
  instants), and an override that replaces no instance (its RECURRENCE-ID EXDATE'd, or no instance of the rule, or no
  master at all) is shown as an occurrence of its own. STATUS is the override's, as written.
- Repeated instances: foreach_recurrence calls back twice for an RDATE on a date the RRULE makes; RFC 5545 and
  evolution-data-server count it once, and so does this script.

An occurrence's end is its start plus the master's DTEND - DTSTART: foreach_recurrence's span end for an all-day
event is the day after DTEND at 23:59:59 (icaltime_span_new's "busy until the end of the day"), not DTEND.

Window 1900-2200 (libical's time_t arithmetic), at most CAP instances per series, in order of original start.
"""
import datetime
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

Kind = ICalGLib.ComponentKind
Prop = ICalGLib.PropertyKind
CAP = 5000
UTC = ICalGLib.Timezone.get_utc_timezone()
WINDOW = (ICalGLib.Time.new_from_string("19000101T000000Z"), ICalGLib.Time.new_from_string("22000101T000000Z"))


def components(parent, kind):
    found = []
    child = parent.get_first_component(kind)
    while child is not None:
        found.append(child)
        child = parent.get_next_component(kind)
    return found


def properties(component, kind):
    found = []
    prop = component.get_first_property(kind)
    while prop is not None:
        found.append(prop)
        prop = component.get_next_property(kind)
    return found


def seconds(time, root, tzid=None):
    """A Time as UTC seconds: UTC as is, a date at 00:00Z, a local time in the zone libical resolved or else in the
    calendar's VTIMEZONE of tzid (the property's TZID parameter)."""
    if time.is_date() or time.is_utc():
        return time.as_timet_with_zone(UTC)
    zone = time.get_timezone()
    if zone is None and tzid is not None:
        zone = root.get_timezone(tzid)
    if zone is None:
        raise ValueError("floating or unresolved time in feed: %s" % time.as_ical_string())
    return time.as_timet_with_zone(zone)


def iso(value, all_day):
    moment = datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d") if all_day else moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def text(component, kind):
    prop = component.get_first_property(kind)
    return prop.get_value_as_string() if prop is not None else None


def occurrence(component, recurrence_id, start, end, all_day, recurrence_id_is_date=None):
    return {
        "uid": component.get_uid(),
        "recurrenceId": iso(recurrence_id, all_day if recurrence_id_is_date is None else recurrence_id_is_date)
        if recurrence_id is not None else None,
        "start": iso(start, all_day),
        "end": iso(end, all_day),
        "summary": component.get_summary(),
        "status": text(component, Prop.STATUS_PROPERTY),
        "allDay": all_day,
    }


def span(component, root):
    """(start, end, all-day) of a VEVENT as written: DTEND, else DURATION, else DTSTART (a date: one day)."""
    dtstart = component.get_dtstart()
    start = seconds(dtstart, root)
    if component.get_first_property(Prop.DTEND_PROPERTY) is not None:
        end = seconds(component.get_dtend(), root)
    elif component.get_first_property(Prop.DURATION_PROPERTY) is not None:
        end = start + component.get_duration().as_int()
    else:
        end = start + (86400 if dtstart.is_date() else 0)
    return start, end, dtstart.is_date()


def recurrence_id(override, root):
    """(UTC seconds, is a date) of RECURRENCE-ID. libical 3.0's icalcomponent_get_recurrenceid, unlike get_dtstart, does
    not resolve the TZID, so it is resolved here against the calendar's VTIMEZONEs."""
    prop = override.get_first_property(Prop.RECURRENCEID_PROPERTY)
    time = prop.get_recurrenceid()
    return seconds(time, root, prop.get_parameter_as_string("TZID")), time.is_date()


def rdates_in_utc(master, root):
    """Rewrites every RDATE;TZID=... of the master as UTC (see the module's note on libical 3.0's RDATE)."""
    for prop in properties(master, Prop.RDATE_PROPERTY):
        tzid = prop.get_parameter_as_string("TZID")
        if tzid is None:
            continue
        period = prop.get_rdate()
        time = period.get_time()
        if time is None or time.is_null_time() or time.is_date():
            continue
        zone = root.get_timezone(tzid)
        if zone is None:
            raise ValueError("RDATE TZID %s has no VTIMEZONE in the feed" % tzid)
        utc = ICalGLib.Time.new_from_timet_with_zone(time.as_timet_with_zone(zone), 0, UTC)
        fixed = ICalGLib.Datetimeperiod.new()
        fixed.set_time(utc)
        prop.remove_parameter_by_kind(ICalGLib.ParameterKind.TZID_PARAMETER)
        prop.set_rdate(fixed)


def expand(master, overrides, root):
    start, end, all_day = span(master, root)
    if master.get_first_property(Prop.RRULE_PROPERTY) is None and master.get_first_property(Prop.RDATE_PROPERTY) is None:
        return [occurrence(master, None, start, end, all_day)]
    rdates_in_utc(master, root)
    duration = end - start
    spans = []

    def found(_component, instance, _data):
        spans.append(instance.get_start())

    master.foreach_recurrence(WINDOW[0], WINDOW[1], found, None)
    spans = sorted(set(spans))[:CAP]

    by_recurrence_id = {}
    for override in overrides:
        by_recurrence_id.setdefault(recurrence_id(override, root)[0], []).append(override)
    result = []
    for instance in spans:
        replacements = by_recurrence_id.pop(instance, None)
        if replacements is None:
            result.append(occurrence(master, instance, instance, instance + duration, all_day))
        else:
            for override in replacements:
                o_start, o_end, o_all_day = span(override, root)
                result.append(occurrence(override, instance, o_start, o_end, o_all_day, all_day))
    for replacements in by_recurrence_id.values():
        for override in replacements:
            o_start, o_end, o_all_day = span(override, root)
            rid, rid_is_date = recurrence_id(override, root)
            result.append(occurrence(override, rid, o_start, o_end, o_all_day, rid_is_date))
    return result


def main():
    root = ICalGLib.Component.new_from_string(sys.stdin.buffer.read().decode("utf-8"))
    if root is None or root.isa() != Kind.VCALENDAR_COMPONENT:
        raise ValueError("libical found no VCALENDAR")
    events = components(root, Kind.VEVENT_COMPONENT)
    masters = {e.get_uid(): e for e in events if e.get_first_property(Prop.RECURRENCEID_PROPERTY) is None}
    overrides = {}
    for event in events:
        if event.get_first_property(Prop.RECURRENCEID_PROPERTY) is not None:
            overrides.setdefault(event.get_uid(), []).append(event)

    found = []
    for uid, master in masters.items():
        found.extend(expand(master, overrides.pop(uid, []), root))
    for orphans in overrides.values():
        for override in orphans:
            start, end, all_day = span(override, root)
            rid, rid_is_date = recurrence_id(override, root)
            found.append(occurrence(override, rid, start, end, all_day, rid_is_date))

    # Comparing the printed forms is comparing instants: all-day "yyyy-MM-dd" sorts before that day's times.
    low, high = (iso(t.as_timet_with_zone(UTC), False) for t in WINDOW)
    found = [o for o in found if o["start"] < high and o["end"] > low]
    found.sort(key=lambda o: (o["start"], o["uid"]))
    json.dump({"occurrences": found}, sys.stdout, ensure_ascii=False)


main()
