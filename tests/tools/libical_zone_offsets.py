#!/usr/bin/python3
"""VTIMEZONE-only offset probe for libical 3 (python3-gi, gir1.2-ical-3.0): reads {"ics": "...", "samples":
["2025-03-30T01:00:00Z", ...]} from stdin and prints {"zones": {"<TZID>": [offset seconds at each sample, ...]}} for
every VTIMEZONE of the ics.

Each VTIMEZONE is loaded into an empty ICalGLib.Timezone (Timezone.new() + set_component), so libical expands that
component's observances and nothing else (no builtin zone, no system tz database); the offset at a UTC instant is
Timezone.get_utc_offset_of_utc_time(ICalGLib.Time in UTC).
"""
import datetime
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

request = json.load(sys.stdin)
samples = [int(datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()) for s in request["samples"]]
utc = ICalGLib.Timezone.get_utc_timezone()
times = [ICalGLib.Time.new_from_timet_with_zone(s, 0, utc) for s in samples]

root = ICalGLib.Component.new_from_string(request["ics"])
zones = {}
vtimezone = root.get_first_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)
while vtimezone is not None:
    zone = ICalGLib.Timezone.new()
    if not zone.set_component(vtimezone.clone()):
        raise ValueError("libical rejected a VTIMEZONE")
    zones[zone.get_tzid()] = [zone.get_utc_offset_of_utc_time(t)[0] for t in times]
    vtimezone = root.get_next_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)

json.dump({"zones": zones}, sys.stdout)
