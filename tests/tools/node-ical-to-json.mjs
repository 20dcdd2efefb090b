// Parses an iCalendar feed from stdin with npm node-ical (the parser behind many Node dashboards, MagicMirror's
// calendar module among them) and prints what it shows, in the same JSON shape as ics-to-json.mjs.
//
// node-ical does NOT evaluate VTIMEZONEs for TZIDs it knows: a TZID that is an IANA name (Asia/Shanghai,
// Europe/Berlin) or a Windows zone name is resolved with the JavaScript runtime's own time zone database
// (Intl, through temporal-polyfill; Node's ICU tzdata, process.versions.tz). Only a TZID it cannot name
// ("Customized Time Zone", tzone://Microsoft/...) is matched to an IANA zone by comparing the VTIMEZONE's
// STANDARD/DAYLIGHT offsets in January and July. So a wrong VTIMEZONE for a real TZID goes unnoticed here, and
// this consumer checks that our instants agree with the tz database rather than with our VTIMEZONE.
// Run with TZ=UTC: node-ical builds all-day dates and unresolved times in the process's zone.
import ical from 'node-ical';
import { readFileSync } from 'node:fs';

const data = ical.sync.parseICS(readFileSync(0, 'utf8'));

// A property with parameters is {params, val}; without, a plain value.
const val = p => (p !== null && typeof p === 'object' && 'val' in p && 'params' in p) ? p.val : p;
const params = p => (p !== null && typeof p === 'object' && 'params' in p) ? p.params : {};
const list = p => p === undefined ? [] : Array.isArray(p) ? p : [p];
const pad = n => String(n).padStart(2, '0');
const when = (date, allDay) => allDay
  ? `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  : date.toISOString();
const text = p => p === undefined ? null : String(val(p));

const values = Object.values(data);
const calendar = data.vcalendar ?? {};
const zones = values.filter(v => v?.type === 'VTIMEZONE').map(v => String(v.tzid));

const events = values.filter(v => v?.type === 'VEVENT').map(event => {
  const allDay = event.datetype === 'date';
  return {
    uid: String(event.uid),
    summary: text(event.summary),
    description: text(event.description),
    location: text(event.location),
    status: text(event.status),
    sequence: event.sequence === undefined ? 0 : Number(val(event.sequence)),
    allDay,
    start: when(event.start, allDay),
    end: when(event.end, allDay),
    // The TZID node-ical resolved the start with (it keeps IANA names as written); UTC times carry none.
    tzid: allDay || typeof event.start.tz !== 'string' || event.start.tz === 'Etc/UTC' ? null : event.start.tz,
    categories: list(event.categories).map(String),
    geo: event.geo ? [event.geo.lat, event.geo.lon] : null,
    url: text(event.url),
    organizer: text(event.organizer),
    attendees: list(event.attendee).map(a => ({
      address: String(val(a)), name: params(a).CN ?? null, role: params(a).ROLE ?? null })),
    alarms: list(event.alarms).map(a => String(val(a.trigger))),
    lastModified: event.lastmodified ? event.lastmodified.toISOString() : null,
    class: text(event.class),
    color: text(event.color),
    conference: event.conference === undefined ? null : { uri: text(event.conference), label: params(event.conference).LABEL ?? null },
  };
});

process.stdout.write(JSON.stringify({
  // node-ical strips the X- prefix of calendar properties and files REFRESH-INTERVAL at the top level.
  name: text(calendar['WR-CALNAME']),
  refreshInterval: text(data['refresh-interval'] ?? calendar['refresh-interval']),
  publishedTtl: text(calendar['PUBLISHED-TTL']),
  timeZones: zones,
  events,
}));
