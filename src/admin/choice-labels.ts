/**
 * The words editors see for the choices of an enumeration. The Content Manager shows an option through the
 * admin's translations with the stored value as the id, so these labels apply wherever the option is shown (edit
 * view, list filters); the stored values stay as they are.
 */
export const CHOICE_LABELS: Record<string, string> = {
  // Group program
  'support-group': 'Support group',
  'group-therapy': 'Group therapy',
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid (in person and online)',
  // Schedule: repeats
  once: 'Once (a single session)',
  weekly: 'Every week (or every few weeks)',
  'monthly-by-weekday': 'Monthly on chosen weekdays',
  'monthly-by-date': 'Monthly on a date',
  // Schedule: weeks of the month
  first: '1st week',
  second: '2nd week',
  third: '3rd week',
  fourth: '4th week',
  last: 'Last week',
  'first-and-third': '1st and 3rd weeks',
  'second-and-fourth': '2nd and 4th weeks',
  // Schedule: months without the 29th-31st
  skip: 'Skip shorter months',
  'last-day': 'Meet on the last day of shorter months',
  // Schedule: ends
  never: 'Never (ongoing)',
  'after-sessions': 'Ends after a number of sessions',
  'on-date': 'Ends on a date',
};
