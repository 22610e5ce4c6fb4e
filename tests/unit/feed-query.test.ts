import { parseFeedQuery } from '../../src/api/group-program/feed-query';

const config = { defaultWindowDays: 90, maxWindowDays: 366 };
const pathOf = (query: Record<string, unknown>) => {
  try {
    parseFeedQuery(query, config);
  } catch (error) {
    return (error as { details: { errors: Array<{ path: string[] }> } }).details.errors[0].path.join('.');
  }
  return 'accepted';
};

describe('the feed query', () => {
  it('reads dates, date-times, filters and pages', () => {
    const query = parseFeedQuery({ from: '2027-01-01', to: '2027-01-09T21:00:00Z', kind: 'group-therapy', topic: 'grief', page: '2', pageSize: '10' }, config);
    expect(query).toMatchObject({ kind: 'group-therapy', topic: 'grief', page: 2, pageSize: 10, fromIsNow: false });
    expect(query.from.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(query.to.toISOString()).toBe('2027-01-09T21:00:00.000Z');
  });

  it.each([
    [{ from: '2027-02-30' }, 'from'],
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

  it('has no pages in calendar mode', () => {
    expect(() => parseFeedQuery({ page: '1' }, config, { paginated: false })).toThrow();
  });
});
