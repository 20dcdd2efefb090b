// Parses an iCalendar feed from stdin with ical.js (Mozilla's parser, the engine Thunderbird uses) and
// prints what a client would show, as JSON. Zones come only from the feed's own VTIMEZONEs: run with TZ=UTC
// so a TZID without a usable VTIMEZONE shows up as a wrong instant rather than a lucky local guess.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

const text = readFileSync(0, 'utf8');
const root = new ICAL.Component(ICAL.parse(text));
const zones = root.getAllSubcomponents('vtimezone').map(vtz => {
  const zone = new ICAL.Timezone(vtz);
  ICAL.TimezoneService.register(zone, zone.tzid);
  return zone.tzid;
});

const when = time => time.isDate ? time.toString() : time.toJSDate().toISOString();

const events = root.getAllSubcomponents('vevent').map(component => {
  const event = new ICAL.Event(component);
  const dtstart = component.getFirstProperty('dtstart');
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: component.getFirstPropertyValue('status'),
    sequence: event.sequence,
    allDay: event.startDate.isDate,
    start: when(event.startDate),
    end: when(event.endDate),
    tzid: dtstart.getParameter('tzid') ?? null,
    categories: component.getAllProperties('categories').flatMap(p => p.getValues()),
    geo: component.getFirstPropertyValue('geo') ?? null,
    url: component.getFirstPropertyValue('url') ?? null,
    organizer: component.getFirstPropertyValue('organizer') ?? null,
    attendees: component.getAllProperties('attendee').map(p => ({
      address: p.getFirstValue(), name: p.getParameter('cn') ?? null, role: p.getParameter('role') ?? null })),
    alarms: component.getAllSubcomponents('valarm').map(a => a.getFirstPropertyValue('trigger').toString()),
    lastModified: component.getFirstPropertyValue('last-modified')?.toJSDate().toISOString() ?? null,
    class: component.getFirstPropertyValue('class') ?? null,
    color: component.getFirstPropertyValue('color') ?? null,
    conference: (c => c ? { uri: String(c.getFirstValue()), label: c.getParameter('label') ?? null } : null)(component.getFirstProperty('conference')),
  };
});

process.stdout.write(JSON.stringify({
  name: root.getFirstPropertyValue('x-wr-calname'),
  refreshInterval: root.getFirstPropertyValue('refresh-interval')?.toString() ?? null,
  publishedTtl: root.getFirstPropertyValue('x-published-ttl') ?? null,
  timeZones: zones,
  events,
}));
