// VTIMEZONE-only offset probe for ical.js: reads {"ics": "...", "samples": ["2025-03-30T01:00:00Z", ...]} from stdin
// and prints {"zones": {"<TZID>": [offset seconds at each sample, ...]}} for every VTIMEZONE of the ics, computed
// from that VTIMEZONE alone (ical.js never consults a tz database for a Timezone built from a component).
//
// Offsets come from ical.js's own expansion of the VTIMEZONE, Timezone.changes: each STANDARD/DAYLIGHT onset,
// RRULEs and RDATEs expanded, stored as the UTC instant of the change with the offset it brings. The offset in force
// at a UTC instant is that of the last change at or before it; before the first change ical.js applies 0 (its
// utcOffset() returns 0 there), and so does this probe. Timezone.utcOffset(time) itself is not used for the lookup:
// it takes a LOCAL wall time, and ical.js's UTC-to-zone conversion (Time.convertToZone, Timezone.convert_time)
// passes it the UTC wall time, so it is wrong for the |offset change| after each transition (01:30Z on
// 30 March 2025 comes out as 02:30 Berlin instead of 03:30).
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const samples = input.samples.map(s => Date.parse(s) / 1000);
if (samples.some(Number.isNaN)) throw new Error('a sample is not an ISO instant');
const lastYear = new Date(Math.max(...samples, 0) * 1000).getUTCFullYear();

const root = new ICAL.Component(ICAL.parse(input.ics));
const zones = {};
for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
  const zone = new ICAL.Timezone(vtimezone);
  // Any lookup makes ical.js expand the observances up to that year (plus its own margin).
  zone.utcOffset(ICAL.Time.fromData({ year: lastYear + 1, month: 12, day: 31 }));
  const changes = zone.changes
    .map(c => ({ at: Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) / 1000, offset: c.utcOffset }))
    .sort((a, b) => a.at - b.at);
  zones[zone.tzid] = samples.map(at => {
    let low = 0, high = changes.length - 1, found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (changes[middle].at <= at) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found < 0 ? 0 : changes[found].offset;
  });
}
process.stdout.write(JSON.stringify({ zones }));
