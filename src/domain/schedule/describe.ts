import { type Temporal } from 'temporal-polyfill';
import { ORDINAL_WORDS, firstDate, intervalOf, ordinalDay, ordinalsOf, plainDate, plainTime, weekdayOf, type Schedule } from './fields';

/** Schedules in words for people: "Every other Tuesday, 6:00–7:30 pm, 8 sessions". Pure. */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const formatTime = (time: Temporal.PlainTime, withMeridiem: boolean) => {
  const hour12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  const clock = `${hour12}:${String(time.minute).padStart(2, '0')}`;
  return withMeridiem ? `${clock} ${time.hour < 12 ? 'am' : 'pm'}` : clock;
};

/** "6:00–7:30 pm", "11:30 am–1:00 pm". */
export const timeRange = (startTime: string, durationMinutes: number) => {
  const start = plainTime(startTime);
  const end = start.add({ minutes: durationMinutes });
  const sameHalf = start.hour < 12 === end.hour < 12;
  return `${formatTime(start, !sameHalf)}–${formatTime(end, true)}`;
};

/** "June 30, 2027". */
const longDate = (date: string) => {
  const { year, month, day } = plainDate(date);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
};

const monthlyOnDate = (schedule: Schedule, interval: number) => {
  const day = firstDate(schedule).day;
  const base = interval === 1 ? `Monthly on the ${ordinalDay(day)}` : `Every ${interval} months on the ${ordinalDay(day)}`;
  if (day < 29) return base;
  return schedule.shortMonths === 'last-day' ? `${base} (the last day in shorter months)` : `${base} (not in months without a ${ordinalDay(day)})`;
};

/** Sentences per schedule object (a compiled schedule keeps its own): feed items describe theirs on every answer. */
const described = new WeakMap<Schedule, string>();

export const describeSchedule = (schedule: Schedule): string => {
  const known = described.get(schedule);
  if (known !== undefined) return known;
  const sentence = describeFresh(schedule);
  described.set(schedule, sentence);
  return sentence;
};

const describeFresh = (schedule: Schedule): string => {
  const weekday = weekdayOf(schedule);
  const interval = intervalOf(schedule);
  const times = timeRange(schedule.startTime, schedule.durationMinutes);
  let pattern: string;
  switch (schedule.repeats) {
    case 'once':
      return `Once, on ${weekday}, ${longDate(schedule.firstSessionDate)}, ${times}`;
    case 'weekly':
      pattern = interval === 1 ? `Every ${weekday}` : interval === 2 ? `Every other ${weekday}` : `Every ${interval} weeks on ${weekday}`;
      break;
    case 'monthly-by-weekday': {
      const which = ordinalsOf(schedule).map((ordinal) => ORDINAL_WORDS[ordinal]).join(' and ');
      pattern = `The ${which} ${weekday} of ${interval === 1 ? 'each month' : `every ${interval} months`}`;
      break;
    }
    case 'monthly-by-date':
      pattern = monthlyOnDate(schedule, interval);
      break;
  }
  const count = schedule.sessionCount;
  const end =
    schedule.ends === 'after-sessions' && count
      ? `, ${count} ${count === 1 ? 'session' : 'sessions'}`
      : schedule.ends === 'on-date' && schedule.endDate
        ? `, until ${longDate(schedule.endDate)}`
        : '';
  return `${pattern}, ${times}${end}`;
};
