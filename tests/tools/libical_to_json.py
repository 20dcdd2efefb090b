#!/usr/bin/python3
"""Parses an iCalendar feed from stdin with libical 3 (the C library behind Evolution, GNOME Calendar and KDE's
importers), through GObject introspection (python3-gi, gir1.2-ical-3.0), and prints what it shows as JSON (the
shape of ics_to_json.py) plus "restrictionErrors".

Instants come ONLY from the feed's own VTIMEZONE components: each is loaded into an empty ICalGLib.Timezone
(Timezone.new() + set_component), and a DTSTART/DTEND with TZID=X is converted with the VTIMEZONE whose TZID is X;
a TZID without one is an error, never a lookup in libical's builtin zones or the system's tz database.

restrictionErrors: Component.check_restrictions() run on the VCALENDAR (RFC 5546 rules, which libical applies
according to the calendar's METHOD), then every X-LIC-ERROR on the calendar and on every component below it, as
"COMPONENT [uid]: text"; parse errors, which libical records the same way, are included.
"""
import datetime
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

Kind = ICalGLib.ComponentKind
Prop = ICalGLib.PropertyKind


def components(parent, kind=Kind.ANY_COMPONENT):
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


def first(component, kind):
    return component.get_first_property(kind)


def parameter(prop, name):
    return prop.get_parameter_as_string(name)


def x_property(component, name):
    for prop in properties(component, Prop.X_PROPERTY):
        if prop.get_x_name().upper() == name:
            return prop.get_x()
    return None


def property_text(component, name):
    """The value of a property by name, as libical writes it (for properties this version may not know by kind)."""
    prop = component.get_first_property(Prop.ANY_PROPERTY)
    while prop is not None:
        if prop.get_property_name().upper() == name:
            return prop.get_value_as_string()
        prop = component.get_next_property(Prop.ANY_PROPERTY)
    return None


def conference(component):
    """CONFERENCE (RFC 7986) by name, with its LABEL parameter, whether or not this libical knows it by kind."""
    prop = component.get_first_property(Prop.ANY_PROPERTY)
    while prop is not None:
        if prop.get_property_name().upper() == "CONFERENCE":
            return {"uri": prop.get_value_as_string(), "label": parameter(prop, "LABEL")}
        prop = component.get_next_property(Prop.ANY_PROPERTY)
    return None


def iso_utc(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def load_zones(root):
    zones = {}
    for vtimezone in components(root, Kind.VTIMEZONE_COMPONENT):
        zone = ICalGLib.Timezone.new()
        if not zone.set_component(vtimezone.clone()):
            raise ValueError("libical rejected a VTIMEZONE")
        zones[zone.get_tzid()] = zone
    return zones


def when(prop, zones):
    """(start as UTC ISO or yyyy-MM-dd, all-day, TZID) of a DTSTART/DTEND property, zones from the feed only."""
    time = prop.get_value().get_datetime()
    if time.is_date():
        return "%04d-%02d-%02d" % (time.get_year(), time.get_month(), time.get_day()), True, None
    tzid = parameter(prop, "TZID")
    if tzid is not None:
        zone = zones.get(tzid)
        if zone is None:
            raise ValueError("TZID %s has no VTIMEZONE in the feed" % tzid)
        return iso_utc(time.as_timet_with_zone(zone)), False, tzid
    if not time.is_utc():
        raise ValueError("floating time in feed: %s" % time.as_ical_string())
    return iso_utc(time.as_timet_with_zone(ICalGLib.Timezone.get_utc_timezone())), False, None


def restriction_errors(root):
    root.check_restrictions()
    errors = []

    def walk(component):
        kind = ICalGLib.Component.kind_to_string(component.isa())
        uid_prop = first(component, Prop.UID_PROPERTY)
        where = "%s %s" % (kind, uid_prop.get_uid()) if uid_prop is not None else kind
        for prop in properties(component, Prop.XLICERROR_PROPERTY):
            errors.append("%s: %s" % (where, prop.get_xlicerror()))
        for child in components(component):
            walk(child)

    walk(root)
    return errors


def main():
    text = sys.stdin.buffer.read().decode("utf-8")
    root = ICalGLib.Component.new_from_string(text)
    if root is None or root.isa() != Kind.VCALENDAR_COMPONENT:
        raise ValueError("libical found no VCALENDAR")
    zones = load_zones(root)

    events = []
    for event in components(root, Kind.VEVENT_COMPONENT):
        start, all_day, tzid = when(first(event, Prop.DTSTART_PROPERTY), zones)
        end, _, _ = when(first(event, Prop.DTEND_PROPERTY), zones)
        geo = first(event, Prop.GEO_PROPERTY)
        organizer = first(event, Prop.ORGANIZER_PROPERTY)
        modified = first(event, Prop.LASTMODIFIED_PROPERTY)
        sequence = first(event, Prop.SEQUENCE_PROPERTY)
        status = first(event, Prop.STATUS_PROPERTY)
        url = first(event, Prop.URL_PROPERTY)
        events.append({
            "uid": event.get_uid(),
            "summary": event.get_summary(),
            "description": event.get_description(),
            "location": event.get_location(),
            "status": status.get_value_as_string() if status is not None else None,
            "sequence": sequence.get_sequence() if sequence is not None else 0,
            "allDay": all_day,
            "start": start,
            "end": end,
            "tzid": tzid,
            "categories": [p.get_categories() for p in properties(event, Prop.CATEGORIES_PROPERTY)],
            "geo": [geo.get_geo().get_lat(), geo.get_geo().get_lon()] if geo is not None else None,
            "url": url.get_url() if url is not None else None,
            "organizer": organizer.get_organizer() if organizer is not None else None,
            "attendees": [{"address": a.get_attendee(), "name": parameter(a, "CN"),
                           "role": parameter(a, "ROLE")}
                          for a in properties(event, Prop.ATTENDEE_PROPERTY)],
            "alarms": [first(alarm, Prop.TRIGGER_PROPERTY).get_value_as_string()
                       for alarm in components(event, Kind.VALARM_COMPONENT)],
            "lastModified": iso_utc(modified.get_lastmodified().as_timet()) if modified is not None else None,
            "class": property_text(event, "CLASS"),
            "color": property_text(event, "COLOR"),
            "conference": conference(event),
        })

    result = {
        "name": x_property(root, "X-WR-CALNAME"),
        "refreshInterval": property_text(root, "REFRESH-INTERVAL"),
        "publishedTtl": x_property(root, "X-PUBLISHED-TTL"),
        "timeZones": [vtz.get_first_property(Prop.TZID_PROPERTY).get_tzid()
                      for vtz in components(root, Kind.VTIMEZONE_COMPONENT)],
        "events": events,
        "restrictionErrors": restriction_errors(root),
    }
    json.dump(result, sys.stdout, ensure_ascii=False)


main()
