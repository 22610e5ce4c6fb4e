/** Demo topics and the four programs the seed article describes, scheduled relative to the day of seeding. */
export const DEMO_TOPICS = [
  { name: 'Grief', description: 'Living with the loss of a loved one.' },
  { name: 'Substance use', description: 'Your own substance use, or a loved one’s.' },
  { name: 'Depression', description: 'Low mood, loss of interest, exhaustion.' },
];

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO date (YYYY-MM-DD) of the first `weekday` (1 = Monday) on or after `from` shifted by `weeks`. */
export const weekdayOnOrAfter = (from: Date, weekday: Weekday, weeks = 0): string => {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + weeks * 7));
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + ((weekday - isoWeekday + 7) % 7));
  return date.toISOString().slice(0, 10);
};

/** Like `weekdayOnOrAfter`, but only the 1st or 3rd such weekday of its month (what `first-and-third` schedules start on). */
export const firstOrThirdWeekdayOnOrAfter = (from: Date, weekday: Weekday, weeks = 0): string => {
  let date = weekdayOnOrAfter(from, weekday, weeks);
  while (![1, 3].includes(Math.ceil(Number(date.slice(8, 10)) / 7))) date = weekdayOnOrAfter(new Date(`${date}T00:00:00Z`), weekday, 1);
  return date;
};

export const demoPrograms = (today: Date) => [
  {
    title: 'Grief Support Group',
    kind: 'support-group' as const,
    summary: 'An ongoing, facilitated group for adults grieving a loved one. Meets the 1st and 3rd Tuesday of each month.',
    description:
      'Share and listen in a safe, confidential space with others who are grieving. Drop in when you need it; there is no program to follow.',
    topics: ['grief'],
    facilitator: { name: 'Maria Alvarez', credentials: 'LCSW' },
    format: 'in-person' as const,
    location: 'Main office, Group Room B',
    capacity: 12,
    enrollmentStatus: 'open' as const,
    cost: 'Free',
    insuranceAccepted: false,
    ageGroup: 'adults' as const,
    cancelled: false,
    schedule: {
      timezone: 'America/New_York' as const,
      firstSessionDate: firstOrThirdWeekdayOnOrAfter(today, 2, -8),
      startTime: '18:00:00.000',
      durationMinutes: 90,
      repeats: 'monthly-by-weekday' as const,
      weeksOfMonth: 'first-and-third' as const,
      interval: 1,
      ends: 'never' as const,
    },
  },
  {
    title: 'Families Affected by Substance Use: Weekly Support Group',
    kind: 'support-group' as const,
    summary: 'A weekly support group for parents, partners and adult children of someone who uses alcohol or drugs.',
    description: 'Facilitated peer support, every Thursday evening, in the office or online.',
    topics: ['substance-use'],
    facilitator: { name: 'James Okafor', credentials: 'LPC, LCADC' },
    format: 'hybrid' as const,
    location: 'Main office, Group Room A, or online',
    capacity: 15,
    enrollmentStatus: 'open' as const,
    cost: 'Free',
    insuranceAccepted: false,
    ageGroup: 'adults' as const,
    cancelled: false,
    schedule: {
      timezone: 'America/New_York' as const,
      firstSessionDate: weekdayOnOrAfter(today, 4, -4),
      startTime: '19:00:00.000',
      durationMinutes: 90,
      repeats: 'weekly' as const,
      interval: 1,
      ends: 'never' as const,
    },
  },
  {
    title: 'Depression Therapy Group (8 weeks)',
    kind: 'group-therapy' as const,
    summary: 'A structured, therapist-led group: eight weekly sessions of cognitive behavioural therapy for depression.',
    description: 'Each week builds on the last. Please register before the first session; the group is closed after week two.',
    topics: ['depression'],
    facilitator: { name: 'Dr. Priya Raman', credentials: 'PsyD, Licensed Psychologist' },
    format: 'in-person' as const,
    location: 'Main office, Group Room A',
    capacity: 8,
    enrollmentStatus: 'open' as const,
    cost: '$40 per session',
    insuranceAccepted: true,
    ageGroup: 'adults' as const,
    cancelled: false,
    schedule: {
      timezone: 'America/New_York' as const,
      firstSessionDate: weekdayOnOrAfter(today, 1, 1),
      startTime: '17:30:00.000',
      durationMinutes: 90,
      repeats: 'weekly' as const,
      interval: 1,
      ends: 'after-sessions' as const,
      sessionCount: 8,
    },
  },
  {
    title: 'Grief Therapy Group (6 weeks)',
    kind: 'group-therapy' as const,
    summary: 'A six-week therapist-led group that works through grief with a guided program.',
    description: 'Six weekly sessions online, for adults who lost a loved one in the last two years.',
    topics: ['grief'],
    facilitator: { name: 'Maria Alvarez', credentials: 'LCSW' },
    format: 'online' as const,
    location: 'Online (video link sent after registration)',
    capacity: 10,
    enrollmentStatus: 'open' as const,
    cost: '$35 per session',
    insuranceAccepted: true,
    ageGroup: 'adults' as const,
    cancelled: false,
    schedule: {
      timezone: 'America/New_York' as const,
      firstSessionDate: weekdayOnOrAfter(today, 3, 2),
      startTime: '18:00:00.000',
      durationMinutes: 75,
      repeats: 'weekly' as const,
      interval: 1,
      ends: 'after-sessions' as const,
      sessionCount: 6,
    },
  },
];
