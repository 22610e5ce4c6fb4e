import { parseFeedQuery, windowDates } from '../../src/api/group-program/services/feed/query';

const config = { defaultWindowDays: 90, maxWindowDays: 366, defaultTimezone: 'America/New_York' };
const pathOf = (query: Record<string, unknown>) => {
  try {
    parseFeedQuery(query, config);
  } catch (error) {
    return (error as { details: { errors: Array<{ path: string[] }> } }).details.errors[0].path.join('.');
  }
  return 'accepted';
};

describe('the feed query', () => {
  it('reads dates (midnight in DEFAULT_TIMEZONE), date-times with an offset, filters and pages', () => {
    const query = parseFeedQuery({ from: '2027-01-01', to: '2027-01-09T21:00:00Z', kind: 'group-therapy', topic: 'grief', page: '2', pageSize: '10' }, config);
    expect(query).toMatchObject({ kind: 'group-therapy', topic: 'grief', page: 2, pageSize: 10, fromIsNow: false });
    expect(query.from.toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(query.to.toISOString()).toBe('2027-01-09T21:00:00.000Z');
    expect(parseFeedQuery({ from: '2027-07-01' }, { ...config, defaultTimezone: 'Pacific/Auckland' }).from.toISOString()).toBe('2027-06-30T12:00:00.000Z');
  });

  it('reads offsets, fractions of a second, and a "+" that arrived as a space', () => {
    expect(parseFeedQuery({ from: '2027-01-10T09:00+13:00' }, config).from.toISOString()).toBe('2027-01-09T20:00:00.000Z');
    expect(parseFeedQuery({ from: '2027-01-10T09:00:00 13:00' }, config).from.toISOString()).toBe('2027-01-09T20:00:00.000Z');
    expect(parseFeedQuery({ from: '2026-11-28T12:31:00.123Z' }, config).from.toISOString()).toBe('2026-11-28T12:31:00.123Z');
  });

  it.each([
    [{ from: '2027-02-30' }, 'from'],
    [{ from: '2027-02-29T10:00:00Z' }, 'from'],
    [{ from: '2027-01-01T24:30:00Z' }, 'from'],
    [{ from: '2027-01-01T10:00:00' }, 'from'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: ['2027-01-01'] }, 'from'],
    [{ to: '2027-13-01' }, 'to'],
    [{ from: '2027-02-01', to: '2027-01-01' }, 'to'],
    [{ from: '2027-01-01', to: '2028-03-01' }, 'to'],
    [{ kind: 'therapy' }, 'kind'],
    [{ topic: 'Grief Loss' }, 'topic'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ page: '0' }, 'page'],
    [{ sort: 'title' }, 'sort'],
  ])('%j is a 400 naming %s', (query, path) => {
    expect(pathOf(query)).toBe(path);
  });

  it('a date-time without an offset is refused with a hint, not read in the server time zone', () => {
    expect(() => parseFeedQuery({ from: '2027-01-01T10:00:00' }, config)).toThrow('from needs an offset (Z or ±hh:mm), or give a date alone');
  });

  it('has no pages in calendar mode', () => {
    expect(() => parseFeedQuery({ page: '1' }, config, { paginated: false })).toThrow();
  });
});

describe('the database pre-filter of a window', () => {
  it('reaches the local dates of every zone: Auckland is already on the 10th at 2027-01-09T20:00Z', () => {
    const dates = windowDates({ from: new Date('2027-01-09T00:00:00Z'), to: new Date('2027-01-09T21:00:00Z') });
    expect(dates.lastDate >= '2027-01-10').toBe(true);
    expect(dates.firstDate <= '2027-01-08').toBe(true);
  });
});
