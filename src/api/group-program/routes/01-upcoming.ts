/**
 * The upcoming-programs feed. This file sorts before the core router (group-program.ts) so that
 * `/group-programs/upcoming` is not read as `/group-programs/:id`.
 */
export default {
  routes: [
    { method: 'GET', path: '/group-programs/upcoming', handler: 'api::group-program.group-program.upcoming' },
    { method: 'GET', path: '/group-programs/upcoming.ics', handler: 'api::group-program.group-program.upcomingCalendar' },
    { method: 'GET', path: '/group-programs/:slug/calendar.ics', handler: 'api::group-program.group-program.calendar' },
  ],
};
