#!/usr/bin/env python3
"""Prints the Shouyang fixture (docs/examples/shouyang-aerospace-visit.json) as an event of CALENDAR whose
first day is FIRST_DAY (yyyy-mm-dd), so it falls in a feed's default window. Usage: fixture.py FIRST_DAY CALENDAR"""
import datetime
import json
import pathlib
import sys

first_day = datetime.date.fromisoformat(sys.argv[1])
calendar = sys.argv[2]
root = pathlib.Path(__file__).resolve().parents[2]
event = json.loads((root / "docs" / "examples" / "shouyang-aerospace-visit.json").read_text(encoding="utf-8"))
shift = first_day - datetime.date(2025, 10, 15)
for item in event["itinerary"]:
    for field in ("start", "end"):
        item[field] = (datetime.datetime.fromisoformat(item[field]) + shift).strftime("%Y-%m-%dT%H:%M")
event["calendars"] = [calendar]
sys.stdout.write(json.dumps(event, ensure_ascii=False))
