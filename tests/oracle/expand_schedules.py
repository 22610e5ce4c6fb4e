"""An independent expansion of group schedules for the property tests: python-dateutil's rrule over naive local
date-times, placed in the zone with zoneinfo (fold=0: a time in a spring-forward gap takes the offset before the
gap, a repeated time the first occurrence, as RFC 5545 reads a local DTSTART). It reads the editor's fields, not
the project's RRULE. Input: a JSON list of cases on stdin; output: a JSON list of start instants (epoch ms) of the
sessions held. A case with "changes" (cancel, move, extra: the editor's session changes) is answered instead with
the sessions listed: [start ms, end ms, status, previous start ms or null], cancelled ones at their original start,
in order of start. A change whose date is not a session of the series is ignored, as the feed does."""
import calendar
import json
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

UTC = timezone.utc


def pattern(case, first):
    if case["repeats"] == "once":
        yield first
        return
    wd = weekday(first.weekday())
    interval = case["interval"]
    if case["repeats"] == "weekly":
        yield from rrule(WEEKLY, interval=interval, byweekday=wd, dtstart=first)
    elif case["repeats"] == "monthly-by-weekday":
        yield from rrule(MONTHLY, interval=interval, byweekday=[wd(n) for n in case["ordinals"]], dtstart=first)
    elif case["shortMonths"] == "last-day" and first.day >= 29:
        year, month = first.year, first.month
        while True:
            day = min(first.day, calendar.monthrange(year, month)[1])
            yield first.replace(year=year, month=month, day=day)
            month += interval
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    else:
        yield from rrule(MONTHLY, interval=interval, bymonthday=first.day, dtstart=first)


def instant(local, zone):
    return int(local.replace(tzinfo=zone).astimezone(UTC).timestamp() * 1000)


def series_dates(case, first, last_local):
    """Local start of each session of the series (skipped dates and the end applied), by local date."""
    skipped = {date.fromisoformat(d) for d in case["skippedDates"]} if case["repeats"] != "once" else set()
    end_date = date.fromisoformat(case["endDate"]) if case["ends"] == "on-date" and case["repeats"] != "once" else None
    count = case["sessionCount"] if case["ends"] == "after-sessions" and case["repeats"] != "once" else None
    sessions, held = {}, 0
    for local in pattern(case, first):
        if (end_date and local.date() > end_date) or local > last_local:
            break
        if local.date() in skipped:
            continue
        held += 1
        sessions[local.date()] = local
        if count is not None and held >= count:
            break
    return sessions


def listed(case):
    zone = ZoneInfo(case["timezone"])
    first = datetime.fromisoformat(case["firstSessionDate"] + "T" + case["startTime"])
    duration = timedelta(minutes=case["durationMinutes"])
    series = series_dates(case, first, first + timedelta(days=4000))
    rows, seen = [], set()
    for change in case["changes"]:
        day = date.fromisoformat(change["date"])
        key = ("extra" if change["kind"] == "extra" else "series", day)
        if key in seen:
            continue
        length = timedelta(minutes=change.get("durationMinutes") or case["durationMinutes"])
        if change["kind"] == "extra":
            clock = datetime.strptime(change.get("startTime") or case["startTime"], "%H:%M").time()
            ms = instant(datetime.combine(day, clock), zone)
            rows.append([ms, ms + length // timedelta(milliseconds=1), "scheduled", None])
        elif day in series:
            original = series.pop(day)
            before = instant(original, zone)
            if change["kind"] == "cancel":
                rows.append([before, before + duration // timedelta(milliseconds=1), "cancelled", None])
            else:
                new_day = date.fromisoformat(change["newDate"]) if change.get("newDate") else day
                clock = datetime.strptime(change["startTime"], "%H:%M").time() if change.get("startTime") else original.time()
                ms = instant(datetime.combine(new_day, clock), zone)
                rows.append([ms, ms + length // timedelta(milliseconds=1), "moved", before])
        else:
            continue
        seen.add(key)
    for local in series.values():
        ms = instant(local, zone)
        rows.append([ms, ms + duration // timedelta(milliseconds=1), "scheduled", None])
    return sorted(row for row in rows if case["from"] <= row[0] < case["to"])


def expand(case):
    if case.get("changes"):
        return listed(case)
    zone = ZoneInfo(case["timezone"])
    first = datetime.fromisoformat(case["firstSessionDate"] + "T" + case["startTime"])
    skipped = {date.fromisoformat(d) for d in case["skippedDates"]} if case["repeats"] != "once" else set()
    end_date = date.fromisoformat(case["endDate"]) if case["ends"] == "on-date" and case["repeats"] != "once" else None
    count = case["sessionCount"] if case["ends"] == "after-sessions" and case["repeats"] != "once" else None
    window_from, window_to = case["from"], case["to"]
    starts, held = [], 0
    for local in pattern(case, first):
        if end_date and local.date() > end_date:
            break
        if local.date() in skipped:
            continue
        held += 1
        ms = int(local.replace(tzinfo=zone).astimezone(UTC).timestamp() * 1000)
        if ms >= window_to and count is None:
            break
        if window_from <= ms < window_to:
            starts.append(ms)
        if count is not None and held >= count:
            break
        if local > first + timedelta(days=4000):
            break
    return starts


print(json.dumps([expand(case) for case in json.load(sys.stdin)]))
