import { type Temporal } from 'temporal-polyfill';
import { firstDate, intervalOf, ordinalDay, ordinalsOf, plainDate, plainTime, type Schedule } from './fields';
import { fill, scheduleWords, type ScheduleWords } from './words';

/** Schedules in words for people, in their language: "Every other Tuesday, 6:00–7:30 pm, 8 sessions". Pure but for the word files. */

const formatTime = (time: Temporal.PlainTime, withMeridiem: boolean, clock: ScheduleWords['clock']) => {
  if (clock === '24h') return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  const hour12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  const text = `${hour12}:${String(time.minute).padStart(2, '0')}`;
  return withMeridiem ? `${text} ${time.hour < 12 ? 'am' : 'pm'}` : text;
};

/** "6:00–7:30 pm", "11:30 am–1:00 pm" (in English; "18:00–19:30" on a 24-hour clock). */
export const timeRange = (startTime: string, durationMinutes: number, words: ScheduleWords = scheduleWords('en')) => {
  const start = plainTime(startTime);
  const end = start.add({ minutes: durationMinutes });
  const sameHalf = start.hour < 12 === end.hour < 12;
  return `${formatTime(start, !sameHalf, words.clock)}–${formatTime(end, true, words.clock)}`;
};

/** "June 30, 2027", "30 de junio de 2027". */
const longDate = (date: string, words: ScheduleWords) => {
  const { year, month, day } = plainDate(date);
  return fill(words.date, { month: words.months[month - 1], day, year });
};

const dayOfMonth = (day: number, words: ScheduleWords) => (words.dayOfMonth === 'english' ? ordinalDay(day) : fill(words.dayOfMonth, { day }));

const monthlyOnDate = (schedule: Schedule, interval: number, words: ScheduleWords) => {
  const day = dayOfMonth(firstDate(schedule).day, words);
  const pattern = fill(interval === 1 ? words.monthlyByDate : words.everyNMonthsByDate, { day, interval });
  if (firstDate(schedule).day < 29) return pattern;
  return fill(schedule.shortMonths === 'last-day' ? words.shortMonthsLastDay : words.shortMonthsSkipped, { pattern, day });
};

/** Sentences per schedule object and language (a compiled schedule keeps its own): feed items describe theirs on every answer. */
const described = new WeakMap<Schedule, Map<string, string>>();

export const describeSchedule = (schedule: Schedule, language = 'en'): string => {
  const words = scheduleWords(language);
  let sentences = described.get(schedule);
  if (!sentences) described.set(schedule, (sentences = new Map()));
  const known = sentences.get(words.language);
  if (known !== undefined) return known;
  const sentence = describeFresh(schedule, words);
  sentences.set(words.language, sentence);
  return sentence;
};

const describeFresh = (schedule: Schedule, words: ScheduleWords): string => {
  const weekday = words.weekdays[firstDate(schedule).dayOfWeek - 1];
  const interval = intervalOf(schedule);
  const times = timeRange(schedule.startTime, schedule.durationMinutes, words);
  let pattern: string;
  switch (schedule.repeats) {
    case 'once':
      return fill(words.once, { weekday, date: longDate(schedule.firstSessionDate, words), times });
    case 'weekly':
      pattern = fill(interval === 1 ? words.weekly : interval === 2 ? words.everyOtherWeek : words.everyNWeeks, { weekday, interval });
      break;
    case 'monthly-by-weekday': {
      const ordinals = ordinalsOf(schedule).map((ordinal) => words.ordinals[String(ordinal) as keyof ScheduleWords['ordinals']]).join(` ${words.and} `);
      pattern = fill(interval === 1 ? words.monthlyByWeekday : words.everyNMonthsByWeekday, { ordinals, weekday, interval });
      break;
    }
    case 'monthly-by-date':
      pattern = monthlyOnDate(schedule, interval, words);
      break;
  }
  const count = schedule.sessionCount;
  const end =
    schedule.ends === 'after-sessions' && count
      ? fill(count === 1 ? words.sessions.one : words.sessions.other, { count })
      : schedule.ends === 'on-date' && schedule.endDate
        ? fill(words.until, { date: longDate(schedule.endDate, words) })
        : '';
  return fill(words.pattern, { pattern, times, end });
};
