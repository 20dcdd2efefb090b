// Expands the recurring events of an iCalendar feed from stdin with ical.js (the engine Thunderbird uses) into the
// occurrences a client shows, as JSON:
//   {"occurrences":[{"uid","recurrenceId","start","end","summary","status","allDay"}]}, sorted by start, then uid.
// start/end: UTC "yyyy-MM-ddTHH:mm:ss.000Z" for timed occurrences, "yyyy-MM-dd" for all-day ones (end exclusive).
// recurrenceId: the original start of the instance (UTC, or "yyyy-MM-dd" for all-day), null for a single event.
//
// Zones come only from the feed's VTIMEZONEs (registered with ICAL.TimezoneService); run with TZ=UTC. For each master
// (a VEVENT without RECURRENCE-ID), ICAL.Event is given its overrides (VEVENTs with RECURRENCE-ID and the same UID;
// strictExceptions checks the UID), and its iterator (ICAL.RecurExpansion over DTSTART, RRULE and RDATE, minus EXDATE)
// yields the original starts; getOccurrenceDetails substitutes an override whose RECURRENCE-ID equals the instance's
// start (compared as ical.js prints it: local time in the master's TZID, or UTC). So an override whose RECURRENCE-ID
// is no instance of the master (EXDATE'd, or written in another TZID) is never shown. An override whose master is
// missing is shown as an event of its own. An RDATE on a date the RRULE makes is yielded twice (RecurExpansion does
// not merge the two), and shown twice here, as ical.js has it. Window 1900-2200, at most CAP instances per series.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const CAP = 5000;
const WINDOW_START = ICAL.Time.fromData({ year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false }, ICAL.Timezone.utcTimezone);
const WINDOW_END = ICAL.Time.fromData({ year: 2200, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false }, ICAL.Timezone.utcTimezone);

const root = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
  const zone = new ICAL.Timezone(vtimezone);
  ICAL.TimezoneService.register(zone, zone.tzid);
}

const when = time => time.isDate ? time.toString() : time.toJSDate().toISOString();
const inWindow = (start, end) => start.compare(WINDOW_END) < 0 && end.compare(WINDOW_START) > 0;

const vevents = root.getAllSubcomponents('vevent');
const masters = new Map();
for (const component of vevents) {
  if (!component.hasProperty('recurrence-id')) masters.set(component.getFirstPropertyValue('uid'), component);
}

const occurrences = [];
const add = (component, recurrenceId, start, end) => occurrences.push({
  uid: component.getFirstPropertyValue('uid'),
  recurrenceId: recurrenceId ? when(recurrenceId) : null,
  start: when(start),
  end: when(end),
  summary: component.getFirstPropertyValue('summary') ?? null,
  status: component.getFirstPropertyValue('status') ?? null,
  allDay: start.isDate,
});

for (const component of vevents) {
  const uid = component.getFirstPropertyValue('uid');
  if (component.hasProperty('recurrence-id')) {
    if (!masters.has(uid)) {
      const orphan = new ICAL.Event(component);
      if (inWindow(orphan.startDate, orphan.endDate)) add(component, orphan.recurrenceId, orphan.startDate, orphan.endDate);
    }
    continue;
  }
  // exceptions: [] keeps ICAL.Event from relating every RECURRENCE-ID of the calendar, whatever its UID.
  const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
  for (const other of vevents) {
    if (other.hasProperty('recurrence-id') && other.getFirstPropertyValue('uid') === uid) event.relateException(other);
  }
  if (!event.isRecurring()) {
    if (inWindow(event.startDate, event.endDate)) add(component, null, event.startDate, event.endDate);
    continue;
  }
  const iterator = event.iterator();
  let count = 0;
  for (let next = iterator.next(); next && count < CAP; next = iterator.next()) {
    if (next.compare(WINDOW_END) >= 0) break;
    count++;
    const details = event.getOccurrenceDetails(next);
    if (inWindow(details.startDate, details.endDate)) add(details.item.component, details.recurrenceId, details.startDate, details.endDate);
  }
}

const order = (a, b) => a < b ? -1 : a > b ? 1 : 0;
occurrences.sort((a, b) => order(a.start, b.start) || order(a.uid, b.uid));
process.stdout.write(JSON.stringify({ occurrences }));
