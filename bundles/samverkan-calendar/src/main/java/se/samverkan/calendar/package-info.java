/**
 * iCalendar (RFC 5545) feeds for activities: {@link se.samverkan.calendar.ICalendarImport} turns a feed into
 * activities (one per event series) with their occurrences over a bounded horizon and quarantines what it cannot use;
 * {@link se.samverkan.calendar.ICalendarExport} publishes activities as a calendar that Google Calendar, Outlook and
 * Apple Calendar can subscribe to. A plain library on ical4j: no Camel, no storage, no services.
 */
package se.samverkan.calendar;
